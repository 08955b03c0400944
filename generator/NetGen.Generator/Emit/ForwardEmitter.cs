using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits one method per layer for the forward pass, z(l+1) = a(l)·W(l) + b(l), a(l+1) = f(z(l+1)).
/// W is [in][out] row-major, so the kernel broadcasts each input a(l)[i] and multiply-adds it with row i of W
/// into the output accumulators: contiguous loads, no horizontal sums.
/// </summary>
internal static class ForwardEmitter
{
    public static void EmitLayer(SourceWriter w, LayerPlan p)
    {
        string t = p.Type.Keyword;
        string bias = p.HasBias ? $" + b{p.Index}" : "";
        string f = ActivationSyntax.Formula(p.Layer.Activation, p.Z);
        string purpose = p.ForSgdStep ? " For the SGD step: the scalar columns' activations one by one, for latency." : "";
        w.Line($"/// <summary>Layer {p.Index} ({p.Inputs} → {p.Outputs}, {ActivationSyntax.Name(p.Layer.Activation)}): " +
               $"{p.Z} = {p.In}·W{p.Index}{bias}, {p.Out} = {f}.{Width(p)}{purpose}</summary>");
        NetworkEmitter.EmitMemberAttributes(w, inline: p.UnrollRows);
        using (w.Block($"private static void {Name(p)}{p.Suffix}({Parameters(p)})"))
        {
            w.Line($"ref {t} {p.W} = {Kernel.Offset("p", p.WOffset)};");
            if (p.HasBias)
            {
                w.Line($"ref {t} {p.B} = {Kernel.Offset("p", p.BOffset)};");
            }

            w.Line();
            w.Line($"// {p.Z} = {p.In}·W{p.Index}{bias}: row i of W{p.Index}, scaled by {p.In}[i], is added to the outputs;");
            w.Line(p.KeepsPreActivation
                ? $"// then {p.Out} = {f}, keeping {p.Z} for the backward pass."
                : p.Activation == ActivationKind.Softmax
                    ? $"// then {p.Out} = {f} over the whole layer."
                    : $"// then {p.Out} = {f}.");
            if (p.ColumnsInRegisters)
            {
                EmitColumns(w, p, null, 0, p.Vectors, p.Tail, p.UnrollRows);
            }
            else
            {
                EmitChunks(w, p);
            }

            if (p.Activation == ActivationKind.Softmax)
            {
                w.Line($"{Kernel.ActivationFunctions}.Softmax({Kernel.Span(p.Out, p.Outputs)});");
            }
        }
    }

    public static string Name(LayerPlan p) => p.ForSgdStep ? $"TrainForwardLayer{p.Index}" : $"ForwardLayer{p.Index}";

    /// <summary>The forward kernel a pass calls: the SGD step's own where the layer has one.</summary>
    public static string NameFor(LayerPlan p, bool sgdStep) => Name(sgdStep && PackedActivations.HasSgdStepKernels(p) ? p.ForTheSgdStep() : p);

    /// <summary>Names the vector width in the summary of a kernel that has variants.</summary>
    public static string Width(LayerPlan p) => p.Suffix.Length == 0 ? "" : $" Vector{p.Simd.Bits} kernel.";

    /// <summary>The kernel's parameter list; <see cref="Arguments"/> passes them on in the same order.</summary>
    public static string Parameters(LayerPlan p)
    {
        string t = p.Type.Keyword;
        string keptZ = p.KeepsPreActivation ? $"ref {t} {p.Z}, " : "";
        return $"ref {t} p, ref {t} {p.In}, {keptZ}ref {t} {p.Out}";
    }

    public static string Arguments(LayerPlan p) => $"ref p, ref {p.In}, {(p.KeepsPreActivation ? $"ref {p.Z}, " : "")}ref {p.Out}";

    /// <summary>A layer too wide to hold every output in registers: chunks of columns, each a full pass over the inputs.</summary>
    private static void EmitChunks(SourceWriter w, LayerPlan p)
    {
        int chunk = LayerPlan.ChunkVectors * p.Width;
        int chunked = p.Vectors / LayerPlan.ChunkVectors * chunk;
        using (w.Block($"for (nuint j = 0; j < {chunked}; j += {chunk})"))
        {
            EmitColumns(w, p, "j", 0, LayerPlan.ChunkVectors, 0, unrollRows: false);
        }

        int restVectors = p.Vectors % LayerPlan.ChunkVectors;
        if (restVectors + p.Tail > 0)
        {
            w.Line();
            w.Line($"// Columns {chunked}..{p.Outputs - 1}.");
            using (w.Block())
            {
                EmitColumns(w, p, null, chunked, restVectors, p.Tail, unrollRows: false);
            }
        }
    }

    /// <summary>
    /// Output columns from <paramref name="column"/> (+ <paramref name="columnVariable"/>): accumulators start at b
    /// (or 0), every input row is multiply-added in, then f is applied and the result stored in a(l+1). With few
    /// accumulators the rows are split between partial sums (<see cref="LayerPlan.ChainsFor"/>) so that the
    /// multiply-adds do not wait on each other.
    /// </summary>
    private static void EmitColumns(
        SourceWriter w, LayerPlan p, string? columnVariable, int column, int vectors, int scalars, bool unrollRows)
    {
        NumericType type = p.Type;
        string VectorIndex(int c) => Kernel.Index(column + c * p.Width, (columnVariable, 1));
        string ScalarIndex(int s) => Kernel.Index(column + vectors * p.Width + s, (columnVariable, 1));
        int chains = p.ChainsFor(vectors + scalars);
        var pass = new Pass(p, column, columnVariable, vectors, scalars);

        for (int c = 0; c < vectors; c++)
        {
            w.Line($"var {Vector(c, 0)} = {(p.HasBias ? Kernel.Load(p.Simd, p.B, VectorIndex(c)) : $"{p.Simd.VectorType(type)}.Zero")};");
            for (int k = 1; k < chains; k++)
            {
                w.Line($"var {Vector(c, k)} = {p.Simd.VectorType(type)}.Zero;");
            }
        }

        for (int s = 0; s < scalars; s++)
        {
            w.Line($"{type.Keyword} {Scalar(s, 0)} = {(p.HasBias ? Kernel.Element(p.B, ScalarIndex(s)) : type.Literal(0))};");
            for (int k = 1; k < chains; k++)
            {
                w.Line($"{type.Keyword} {Scalar(s, k)} = {type.Literal(0)};");
            }
        }

        if (chains > 1)
        {
            w.Line($"// Row i goes to partial sum i mod {chains.ToString(System.Globalization.CultureInfo.InvariantCulture)}: independent chains of multiply-adds.");
        }

        int looped = unrollRows ? 0 : p.Inputs - p.Inputs % chains;
        if (looped > 0)
        {
            using (w.Block($"for (nuint i = 0; i < {looped}; i += {chains})"))
            {
                for (int k = 0; k < chains; k++)
                {
                    using (w.Block())
                    {
                        EmitRow(w, pass, k, "i", chain: k);
                    }
                }
            }
        }

        for (int i = looped; i < p.Inputs; i++)
        {
            w.Line($"// + {p.In}[{i}]·W{p.Index}[{i}, :]");
            using (w.Block())
            {
                EmitRow(w, pass, i, null, chain: i % chains);
            }
        }

        if (chains > 1)
        {
            w.Line($"// {p.Z} = the partial sums, added pairwise.");
            for (int c = 0; c < vectors; c++)
            {
                w.Line($"{Vector(c, 0)} = {PairwiseSum(k => Vector(c, k), 0, chains)};");
            }

            for (int s = 0; s < scalars; s++)
            {
                w.Line($"{Scalar(s, 0)} = {PairwiseSum(k => Scalar(s, k), 0, chains)};");
            }
        }

        ActivationKind activation = p.Layer.Activation;
        for (int c = 0; c < vectors; c++)
        {
            if (p.KeepsPreActivation)
            {
                w.Line(Kernel.Store(p.Simd, Vector(c, 0), p.Z, VectorIndex(c)));
            }

            w.Line(Kernel.Store(p.Simd, ActivationSyntax.Apply(activation, Vector(c, 0), p.Slope), p.Out, VectorIndex(c)));
        }

        if (PackedActivations.PacksColumns(p, scalars))
        {
            PackedActivations.Emit(w, p, scalars, ScalarIndex);
            return;
        }

        for (int s = 0; s < scalars; s++)
        {
            if (p.KeepsPreActivation)
            {
                w.Line($"{Kernel.Element(p.Z, ScalarIndex(s))} = {Scalar(s, 0)};");
            }

            w.Line($"{Kernel.Element(p.Out, ScalarIndex(s))} = {ActivationSyntax.Apply(activation, Scalar(s, 0), p.Slope)};");
        }
    }

    /// <summary>The accumulator of vector <paramref name="c"/>, partial sum <paramref name="chain"/>.</summary>
    private static string Vector(int c, int chain) => chain == 0 ? $"zv{c}" : $"zv{c}_{chain}";

    private static string Scalar(int s, int chain) => chain == 0 ? $"zs{s}" : $"zs{s}_{chain}";

    /// <summary>Partial sums [first, first + count) added in pairs: ((0 + 1) + (2 + 3)).</summary>
    private static string PairwiseSum(System.Func<int, string> name, int first, int count)
    {
        if (count == 1)
        {
            return name(first);
        }

        int half = count / 2;
        string left = PairwiseSum(name, first, half);
        string right = PairwiseSum(name, first + half, count - half);
        return $"{(half > 1 ? $"({left})" : left)} + {(count - half > 1 ? $"({right})" : right)}";
    }

    /// <summary>The columns one pass over the inputs computes.</summary>
    private sealed class Pass(LayerPlan plan, int column, string? columnVariable, int vectors, int scalars)
    {
        public LayerPlan Plan { get; } = plan;

        public int Column { get; } = column;

        public string? ColumnVariable { get; } = columnVariable;

        public int Vectors { get; } = vectors;

        public int Scalars { get; } = scalars;
    }

    /// <summary>
    /// Multiply-adds input row <paramref name="row"/> (+ <paramref name="rowVariable"/>) into partial sum
    /// <paramref name="chain"/> of the accumulators.
    /// </summary>
    private static void EmitRow(SourceWriter w, Pass pass, int row, string? rowVariable, int chain)
    {
        LayerPlan p = pass.Plan;
        string WeightIndex(int offset) =>
            Kernel.Index(row * p.Outputs + pass.Column + offset, (rowVariable, p.Outputs), (pass.ColumnVariable, 1));

        w.Line($"var x = {Kernel.Element(p.In, Kernel.Index(row, (rowVariable, 1)))};");
        if (pass.Vectors > 0)
        {
            w.Line($"var xv = {Kernel.Broadcast(p.Simd, "x")};");
        }

        for (int c = 0; c < pass.Vectors; c++)
        {
            string acc = Vector(c, chain);
            w.Line($"{acc} = {Kernel.MultiplyAdd(p.Simd, Kernel.Load(p.Simd, p.W, WeightIndex(c * p.Width)), "xv", acc)};");
        }

        for (int s = 0; s < pass.Scalars; s++)
        {
            string acc = Scalar(s, chain);
            string weight = Kernel.Element(p.W, WeightIndex(pass.Vectors * p.Width + s));
            w.Line($"{acc} = {Kernel.MultiplyAdd(p.Type, "x", weight, acc)};");
        }
    }
}
