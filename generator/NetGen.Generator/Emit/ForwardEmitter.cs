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
        w.Line($"/// <summary>Layer {p.Index} ({p.Inputs} → {p.Outputs}, {ActivationSyntax.Name(p.Layer.Activation)}): " +
               $"{p.Z} = {p.In}·W{p.Index}{bias}, {p.Out} = {f}.{Width(p)}</summary>");
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

    public static string Name(LayerPlan p) => $"ForwardLayer{p.Index}";

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
    /// (or 0), every input row is multiply-added in, then f is applied and the result stored in a(l+1).
    /// </summary>
    private static void EmitColumns(
        SourceWriter w, LayerPlan p, string? columnVariable, int column, int vectors, int scalars, bool unrollRows)
    {
        NumericType type = p.Type;
        string VectorIndex(int c) => Kernel.Index(column + c * p.Width, (columnVariable, 1));
        string ScalarIndex(int s) => Kernel.Index(column + vectors * p.Width + s, (columnVariable, 1));

        for (int c = 0; c < vectors; c++)
        {
            w.Line($"var zv{c} = {(p.HasBias ? Kernel.Load(p.Simd, p.B, VectorIndex(c)) : $"{p.Simd.VectorType(type)}.Zero")};");
        }

        for (int s = 0; s < scalars; s++)
        {
            w.Line($"{type.Keyword} zs{s} = {(p.HasBias ? Kernel.Element(p.B, ScalarIndex(s)) : type.Literal(0))};");
        }

        if (unrollRows)
        {
            for (int i = 0; i < p.Inputs; i++)
            {
                w.Line($"// + {p.In}[{i}]·W{p.Index}[{i}, :]");
                using (w.Block())
                {
                    EmitRow(w, p, i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, column, columnVariable, vectors, scalars);
                }
            }
        }
        else
        {
            using (w.Block($"for (nuint i = 0; i < {p.Inputs}; i++)"))
            {
                EmitRow(w, p, "i", "i", column, columnVariable, vectors, scalars);
            }
        }

        ActivationKind activation = p.Layer.Activation;
        for (int c = 0; c < vectors; c++)
        {
            if (p.KeepsPreActivation)
            {
                w.Line(Kernel.Store(p.Simd, $"zv{c}", p.Z, VectorIndex(c)));
            }

            w.Line(Kernel.Store(p.Simd, ActivationSyntax.Apply(activation, $"zv{c}", p.Slope), p.Out, VectorIndex(c)));
        }

        for (int s = 0; s < scalars; s++)
        {
            if (p.KeepsPreActivation)
            {
                w.Line($"{Kernel.Element(p.Z, ScalarIndex(s))} = zs{s};");
            }

            w.Line($"{Kernel.Element(p.Out, ScalarIndex(s))} = {ActivationSyntax.Apply(activation, $"zs{s}", p.Slope)};");
        }
    }

    /// <summary>Multiply-adds input row <paramref name="row"/> (a literal or the loop variable) into the accumulators.</summary>
    private static void EmitRow(
        SourceWriter w, LayerPlan p, string row, string? rowVariable, int column, string? columnVariable, int vectors, int scalars)
    {
        int rowConstant = rowVariable is null ? int.Parse(row, System.Globalization.CultureInfo.InvariantCulture) : 0;
        string WeightIndex(int offset) =>
            Kernel.Index(rowConstant * p.Outputs + column + offset, (rowVariable, p.Outputs), (columnVariable, 1));

        w.Line($"var x = {Kernel.Element(p.In, row)};");
        if (vectors > 0)
        {
            w.Line($"var xv = {Kernel.Broadcast(p.Simd, "x")};");
        }

        for (int c = 0; c < vectors; c++)
        {
            w.Line($"zv{c} = {Kernel.MultiplyAdd(p.Simd, Kernel.Load(p.Simd, p.W, WeightIndex(c * p.Width)), "xv", $"zv{c}")};");
        }

        for (int s = 0; s < scalars; s++)
        {
            string weight = Kernel.Element(p.W, WeightIndex(vectors * p.Width + s));
            w.Line($"zs{s} = {Kernel.MultiplyAdd(p.Type, "x", weight, $"zs{s}")};");
        }
    }
}
