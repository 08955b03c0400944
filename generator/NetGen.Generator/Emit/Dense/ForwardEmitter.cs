using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit.Dense;

/// <summary>
/// Emits one method per layer for the forward pass, z(l+1) = a(l)·W(l) + b(l), a(l+1) = f(z(l+1)).
/// W is [in][out] row-major, so the kernel broadcasts each input a(l)[i] and multiply-adds it with row i of W
/// into the output accumulators: contiguous loads, no horizontal sums.
/// </summary>
internal static class ForwardEmitter
{
    public static void EmitLayer(SourceWriter w, DenseLayerPlan p)
    {
        string t = p.Type.Keyword;
        string bias = p.HasBias ? $" + b{p.Index}" : "";
        string f = ActivationSyntax.Formula(p.Activation, p.Z);
        string purpose = p.PacksColumns(p.Tail)
            ? $" With {LayerPlan.ThroughputFlag}, f of the last columns four at a time, else one by one (less latency)."
            : "";
        w.Summary($"Layer {p.Index} ({p.Inputs} → {p.Outputs}, {ActivationSyntax.Name(p.Activation)}): " +
                  $"{p.Z} = {p.In}·W{p.Index}{bias}, {p.Out} = {f}.{Width(p)}{purpose}");
        w.KernelAttributes(inline: p.UnrollRows);

        using (w.Block(p.Forward.Named(p.Forward.Name + p.Suffix).Declaration(p.Type, "private static")))
        {
            w.Line($"ref {t} {p.W} = {KernelSyntax.ElementRef("p", p.WOffset)};");
            if (p.HasBias)
            {
                w.Line($"ref {t} {p.B} = {KernelSyntax.ElementRef("p", p.BOffset)};");
            }

            w.Line();
            string then = p.KeepsPreActivation ? $", keeping {p.Z} for the backward pass"
                : ActivationSyntax.IsWholeLayer(p.Activation) ? " over the whole layer" : "";
            w.Comment("// ", $"{p.Z} = {p.In}·W{p.Index}{bias}, adding {p.In}[i] times row i of W{p.Index}; then {p.Out} = {f}{then}.");
            if (p.ColumnsInRegisters)
            {
                EmitColumns(w, p, null, 0, p.Vectors, p.Tail, p.UnrollRows);
            }
            else
            {
                EmitChunks(w, p);
            }

            if (ActivationSyntax.IsWholeLayer(p.Activation))
            {
                w.Line($"{p.Activation}({KernelSyntax.Span(p.Out, p.Outputs)});");
            }
        }
    }

    /// <summary>Names the vector width in the summary of a kernel that has variants.</summary>
    public static string Width(DenseLayerPlan p) => p.Suffix.Length == 0 ? "" : $" Vector{p.Simd.Bits} kernel.";

    /// <summary>
    /// A layer too wide to hold every output in registers: passes over the inputs of up to
    /// <see cref="DenseLayerPlan.StreamVectors"/> vectors of columns each, then the columns after the whole vectors.
    /// </summary>
    private static void EmitChunks(SourceWriter w, DenseLayerPlan p)
    {
        int chunk = DenseLayerPlan.StreamVectors * p.Width;
        int whole = p.Vectors / DenseLayerPlan.StreamVectors;
        int rest = p.Vectors % DenseLayerPlan.StreamVectors;
        string sums = p.KeepsPreActivation ? p.Z : p.Out;
        w.Comment("// ", $"Each pass reads whole rows of W{p.Index} (contiguous loads the prefetchers follow); of its columns, " +
            $"up to {KernelSyntax.Literal(DenseLayerPlan.StreamRegisters)} vectors are summed in registers, the others in {sums}.");
        if (whole == 1 && rest + p.Tail == 0)
        {
            EmitStream(w, p, null, 0, DenseLayerPlan.StreamVectors);
        }
        else if (whole == 1)
        {
            using (w.Block())
            {
                EmitStream(w, p, null, 0, DenseLayerPlan.StreamVectors);
            }
        }
        else if (whole > 1)
        {
            using (w.Block($"for (nuint j = 0; j < {KernelSyntax.Literal(whole * chunk)}; j += {KernelSyntax.Literal(chunk)})"))
            {
                EmitStream(w, p, "j", 0, DenseLayerPlan.StreamVectors);
            }
        }

        if (rest > 0)
        {
            w.Line();
            w.Line($"// Columns {whole * chunk}..{(p.Vectors * p.Width) - 1}.");
            using (w.Block())
            {
                EmitStream(w, p, null, whole * chunk, rest);
            }
        }

        if (StreamActivatesInPlace(p))
        {
            w.Line(
                $"{p.Activation}(MemoryMarshal.CreateSpan(ref {p.Out}, {KernelSyntax.Literal(p.Vectors * p.Width)}));",
                $"{p.Out} = {ActivationSyntax.Formula(p.Activation, p.Z)} of those columns, in one loop");
        }

        if (p.Tail > 0)
        {
            w.Line();
            w.Line($"// Columns {p.Vectors * p.Width}..{p.Outputs - 1}.");
            using (w.Block())
            {
                EmitColumns(w, p, null, p.Vectors * p.Width, 0, p.Tail, unrollRows: false);
            }
        }
    }

    /// <summary>
    /// One streamed pass over <paramref name="vectors"/> vectors of columns from <paramref name="column"/>
    /// (+ <paramref name="columnVariable"/>): the first <see cref="DenseLayerPlan.StreamRegisters"/> accumulate in
    /// registers, the others in place in z (or a(l+1)), one input row after the other.
    /// </summary>
    private static void EmitStream(SourceWriter w, DenseLayerPlan p, string? columnVariable, int column, int vectors)
    {
        SimdWidth simd = p.Simd;
        string vectorType = simd.VectorType(p.Type), zero = $"{vectorType}.Zero";
        string sums = p.KeepsPreActivation ? p.Z : p.Out;
        int registers = System.Math.Min(vectors, DenseLayerPlan.StreamRegisters);
        string Column(int c) => KernelSyntax.Index(column + (c * p.Width), (columnVariable, 1));
        string Start(int c) => p.HasBias ? KernelSyntax.Load(simd, p.B, Column(c)) : zero;

        for (int c = 0; c < registers; c++)
        {
            w.Line($"{vectorType} {Vector(c, 0)} = {Start(c)};");
        }

        for (int c = registers; c < vectors; c++)
        {
            w.Line(KernelSyntax.Store(simd, Start(c), sums, Column(c)));
        }

        using (w.Block($"for (nuint i = 0; i < {KernelSyntax.Literal(p.Inputs)}; i++)"))
        {
            w.Line($"var xv = {KernelSyntax.Broadcast(simd, KernelSyntax.Element(p.In, "i"))};");
            for (int c = 0; c < vectors; c++)
            {
                string weights = KernelSyntax.Load(
                    simd, p.W, KernelSyntax.Index(column + (c * p.Width), ("i", p.Outputs), (columnVariable, 1)));
                w.Line(c < registers
                    ? $"{Vector(c, 0)} = {KernelSyntax.MultiplyAdd(simd, weights, "xv", Vector(c, 0))};"
                    : KernelSyntax.Store(simd, KernelSyntax.MultiplyAdd(simd, weights, "xv", KernelSyntax.Load(simd, sums, Column(c))), sums, Column(c)));
            }
        }

        for (int c = 0; c < vectors; c++)
        {
            string z = c < registers ? Vector(c, 0) : KernelSyntax.Load(simd, sums, Column(c));
            if (p.KeepsPreActivation && c < registers)
            {
                w.Line(KernelSyntax.Store(simd, z, p.Z, Column(c)));
            }

            if (StreamActivatesInPlace(p))
            {
                // z stays in a(l+1) for the call after the passes.
                if (c < registers)
                {
                    w.Line(KernelSyntax.Store(simd, z, p.Out, Column(c)));
                }

                continue;
            }

            w.Line(KernelSyntax.Store(simd, ActivationSyntax.Apply(p.Activation, z, p.Slope), p.Out, Column(c)));
        }
    }

    /// <summary>
    /// Whether a streamed layer's float sigmoid or tanh is applied by one call over its columns after the passes,
    /// rather than inlined once per vector (which would exhaust the JIT's inlining budget for the kernel).
    /// </summary>
    private static bool StreamActivatesInPlace(DenseLayerPlan p) => p.PacksScalarActivations;

    /// <summary>
    /// Output columns from <paramref name="column"/> (+ <paramref name="columnVariable"/>): accumulators start at b
    /// (or 0), every input row is multiply-added in, then f is applied and the result stored in a(l+1). Whole vectors
    /// of the plan's width come first; two or more columns after them are accumulated in Vector128s of up to four
    /// (two) lanes, a single one in a scalar. With few accumulators the rows are split between partial sums
    /// (<see cref="DenseLayerPlan.ChainsFor"/>) so that the multiply-adds do not wait on each other.
    /// </summary>
    private static void EmitColumns(
        SourceWriter w, DenseLayerPlan p, string? columnVariable, int column, int vectors, int scalars, bool unrollRows)
    {
        NumericType type = p.Type;
        string VectorIndex(int c) => KernelSyntax.Index(column + c * p.Width, (columnVariable, 1));
        string ScalarIndex(int s) => KernelSyntax.Index(column + vectors * p.Width + s, (columnVariable, 1));
        int chains = p.ChainsFor(vectors + scalars);
        int looped = unrollRows ? 0 : p.Inputs - p.Inputs % chains;
        var pass = new Pass(p, column, columnVariable, vectors, scalars, firstRowsStart: looped == 0);

        // Partial sum 0 starts at b; the others start at zero, or, when every row is written out, as their first row's
        // product (declared here when that row has a block of its own).
        void Start(string declaredType, string name, int chain, string? bias, string zero)
        {
            if (chain == 0 && bias is not null)
            {
                w.Line($"{declaredType} {name} = {bias};");
            }
            else if (!pass.FirstRowsStart)
            {
                w.Line($"{declaredType} {name} = {zero};");
            }
            else if (pass.RowsInBlocks)
            {
                w.Line($"{declaredType} {name};");
            }
        }

        for (int c = 0; c < vectors; c++)
        {
            for (int k = 0; k < chains; k++)
            {
                string? bias = p.HasBias ? KernelSyntax.Load(p.Simd, p.B, VectorIndex(c)) : null;
                Start(p.Simd.VectorType(type), Vector(c, k), k, bias, $"{p.Simd.VectorType(type)}.Zero");
            }
        }

        for (int g = 0; g < pass.Groups; g++)
        {
            for (int k = 0; k < chains; k++)
            {
                string? bias = p.HasBias ? GroupLoad(pass, g, p.B, ScalarIndex(pass.FirstOf(g)), p.BiasStart) : null;
                Start(SimdWidth.V128.VectorType(type), Group(g, k), k, bias, $"{SimdWidth.V128.VectorType(type)}.Zero");
            }
        }

        for (int s = 0; s < pass.Singles; s++)
        {
            for (int k = 0; k < chains; k++)
            {
                string? bias = p.HasBias ? KernelSyntax.Element(p.B, ScalarIndex(s)) : null;
                Start(type.Keyword, Scalar(s, k), k, bias, type.Literal(0));
            }
        }

        if (chains > 1)
        {
            w.Line($"// Row i goes to partial sum i mod {KernelSyntax.Literal(chains)}: independent chains of multiply-adds.");
        }

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
            string math = $"+ {p.In}[{i}]·W{p.Index}[{i}, :]";
            if (pass.Statements == 1)
            {
                // One multiply-add: no block around it.
                w.Line(RowStatements(pass, i, null, i % chains)[0], math);
                continue;
            }

            w.Line("// " + math);
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

            for (int g = 0; g < pass.Groups; g++)
            {
                w.Line($"{Group(g, 0)} = {PairwiseSum(k => Group(g, k), 0, chains)};");
            }

            for (int s = 0; s < pass.Singles; s++)
            {
                w.Line($"{Scalar(s, 0)} = {PairwiseSum(k => Scalar(s, k), 0, chains)};");
            }
        }

        Activation activation = p.Activation;
        for (int c = 0; c < vectors; c++)
        {
            if (p.KeepsPreActivation)
            {
                w.Line(KernelSyntax.Store(p.Simd, Vector(c, 0), p.Z, VectorIndex(c)));
            }

            w.Line(KernelSyntax.Store(p.Simd, ActivationSyntax.Apply(activation, Vector(c, 0), p.Slope), p.Out, VectorIndex(c)));
        }

        if (pass.Groups > 0 && p.PacksColumns(scalars))
        {
            using (w.Block($"if ({LayerPlan.ThroughputFlag})"))
            {
                w.Line($"// {ActivationSyntax.Name(activation)} of each group of columns at once.");
                EmitGroupActivations(w, pass, ScalarIndex, lanewise: false);
            }

            using (w.Block("else"))
            {
                EmitGroupActivations(w, pass, ScalarIndex, lanewise: true);
            }
        }
        else
        {
            EmitGroupActivations(w, pass, ScalarIndex, lanewise: ActivationSyntax.Apply(activation, "z", p.Slope) != "z");
        }

        for (int s = 0; s < pass.Singles; s++)
        {
            if (p.KeepsPreActivation)
            {
                w.Line($"{KernelSyntax.Element(p.Z, ScalarIndex(s))} = {Scalar(s, 0)};");
            }

            w.Line($"{KernelSyntax.Element(p.Out, ScalarIndex(s))} = {ActivationSyntax.Apply(activation, Scalar(s, 0), p.Slope)};");
        }
    }

    /// <summary>
    /// f of the columns held in Vector128 groups: of a whole group at once, or lane by lane through the scalar function
    /// (the scalar function's result, at its latency), with z kept where the backward pass needs it.
    /// </summary>
    private static void EmitGroupActivations(SourceWriter w, Pass pass, System.Func<int, string> scalarIndex, bool lanewise)
    {
        DenseLayerPlan p = pass.Plan;
        for (int g = 0; g < pass.Groups; g++)
        {
            string first = scalarIndex(pass.FirstOf(g)), lanes = KernelSyntax.Literal(pass.LanesOf(g));
            if (p.KeepsPreActivation)
            {
                w.Line($"VectorLanes.Store({Group(g, 0)}, {KernelSyntax.ElementRef(p.Z, first)}, {lanes});");
            }

            if (!lanewise)
            {
                string activated = ActivationSyntax.Apply(p.Activation, Group(g, 0), p.Slope);
                w.Line($"VectorLanes.Store({activated}, {KernelSyntax.ElementRef(p.Out, first)}, {lanes});");
                continue;
            }

            for (int lane = 0; lane < pass.LanesOf(g); lane++)
            {
                string z = $"{Group(g, 0)}.GetElement({KernelSyntax.Literal(lane)})";
                w.Line($"{KernelSyntax.Element(p.Out, scalarIndex(pass.FirstOf(g) + lane))} = {ActivationSyntax.Apply(p.Activation, z, p.Slope)};");
            }
        }
    }

    /// <summary>The accumulator of vector <paramref name="c"/>, partial sum <paramref name="chain"/>.</summary>
    private static string Vector(int c, int chain) => chain == 0 ? $"zv{c}" : $"zv{c}_{chain}";

    private static string Scalar(int s, int chain) => chain == 0 ? $"zs{s}" : $"zs{s}_{chain}";

    /// <summary>The Vector128 accumulator of column group <paramref name="g"/>, partial sum <paramref name="chain"/>.</summary>
    private static string Group(int g, int chain) => chain == 0 ? $"zt{g}" : $"zt{g}_{chain}";

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

    /// <summary>
    /// Group <paramref name="g"/>'s lanes from <paramref name="row"/> at <paramref name="index"/>: a whole Vector128 where
    /// one fits before the parameters end (<see cref="DenseLayerPlan.ReadsWholeVector128"/>; <paramref name="rowStart"/> is
    /// where the furthest row read this way starts), else only its lanes, one by one.
    /// </summary>
    private static string GroupLoad(Pass pass, int g, string row, string index, int rowStart)
    {
        DenseLayerPlan p = pass.Plan;
        string reference = KernelSyntax.ElementRef(row, index);
        int first = pass.Column + (pass.Vectors * p.Width) + pass.FirstOf(g);
        return pass.ColumnVariable is null && p.ReadsWholeVector128(rowStart + first)
            ? $"{SimdWidth.V128.Class}.LoadUnsafe({reference})"
            : $"VectorLanes.Load({reference}, {KernelSyntax.Literal(pass.LanesOf(g))})";
    }

    /// <summary>
    /// The columns one pass over the inputs computes: whole vectors, then the columns after them, in Vector128 groups
    /// when there are two or more of them, else as one scalar.
    /// </summary>
    private sealed class Pass(DenseLayerPlan plan, int column, string? columnVariable, int vectors, int scalars, bool firstRowsStart)
    {
        /// <summary>
        /// Whether every row is written out, so that each partial sum without a bias starts as its first row's
        /// product rather than as zero plus it.
        /// </summary>
        public bool FirstRowsStart { get; } = firstRowsStart;

        public DenseLayerPlan Plan { get; } = plan;

        public int Column { get; } = column;

        public string? ColumnVariable { get; } = columnVariable;

        public int Vectors { get; } = vectors;

        /// <summary>Columns after the whole vectors.</summary>
        public int Scalars { get; } = scalars;

        /// <summary>Lanes of a Vector128 of the element type.</summary>
        private int Lanes128 => SimdWidth.V128.Lanes(Plan.Type);

        /// <summary>Vector128 groups of the columns after the whole vectors (none for a single column).</summary>
        public int Groups => Scalars >= 2 ? (Scalars + Lanes128 - 1) / Lanes128 : 0;

        /// <summary>Columns after the whole vectors held in scalars: the one column, when there is only one.</summary>
        public int Singles => Scalars == 1 ? 1 : 0;

        /// <summary>The first column of group <paramref name="g"/>, counted after the whole vectors.</summary>
        public int FirstOf(int g) => g * Lanes128;

        public int LanesOf(int g) => System.Math.Min(Lanes128, Scalars - g * Lanes128);

        /// <summary>Multiply-adds one input row takes.</summary>
        public int Statements => Vectors + Groups + Singles;

        /// <summary>Whether a written-out row gets a block of its own (for its locals), rather than being one statement.</summary>
        public bool RowsInBlocks => Statements > 1;
    }

    /// <summary>
    /// Multiply-adds input row <paramref name="row"/> (+ <paramref name="rowVariable"/>) into partial sum
    /// <paramref name="chain"/> of the accumulators.
    /// </summary>
    private static void EmitRow(SourceWriter w, Pass pass, int row, string? rowVariable, int chain)
    {
        foreach (string statement in RowStatements(pass, row, rowVariable, chain, w))
        {
            w.Line(statement);
        }
    }

    /// <summary>
    /// The statements of one input row: the multiply-adds, after the declarations of a(l)[i] and its broadcasts where
    /// more than one of them reads it (those go straight to <paramref name="w"/>, when given).
    /// </summary>
    private static string[] RowStatements(Pass pass, int row, string? rowVariable, int chain, SourceWriter? w = null)
    {
        DenseLayerPlan p = pass.Plan;
        string WeightIndex(int offset) =>
            KernelSyntax.Index(row * p.Outputs + pass.Column + offset, (rowVariable, p.Outputs), (pass.ColumnVariable, 1));

        string x = KernelSyntax.Element(p.In, KernelSyntax.Index(row, (rowVariable, 1)));
        int readers = pass.Singles + (pass.Vectors > 0 ? 1 : 0) + (pass.Groups > 0 && pass.Vectors == 0 ? 1 : 0);
        if (readers > 1)
        {
            w?.Line($"var x = {x};");
            x = "x";
        }

        string xv = KernelSyntax.Broadcast(p.Simd, x);
        if (pass.Vectors > 0 && pass.Vectors + pass.Groups > 1)
        {
            w?.Line($"var xv = {xv};");
            xv = "xv";
        }

        string xt = pass.Vectors > 0 ? BlockEmitter.LowerToVector128(p.Simd, xv) : KernelSyntax.Broadcast(SimdWidth.V128, x);
        if (pass.Groups > 1)
        {
            w?.Line($"var xt = {xt};");
            xt = "xt";
        }

        // The first row of a partial sum that has no bias declares it as its product (see Pass.FirstRowsStart).
        bool declares = pass.FirstRowsStart && rowVariable is null && row < p.ChainsFor(pass.Vectors + pass.Scalars)
            && !(p.HasBias && chain == 0);
        var statements = new System.Collections.Generic.List<string>();
        string declaration = pass.RowsInBlocks ? "" : "var ";
        for (int c = 0; c < pass.Vectors; c++)
        {
            string acc = Vector(c, chain), weights = KernelSyntax.Load(p.Simd, p.W, WeightIndex(c * p.Width));
            statements.Add(declares
                ? $"{declaration}{acc} = {weights} * {xv};"
                : $"{acc} = {KernelSyntax.MultiplyAdd(p.Simd, weights, xv, acc)};");
        }

        for (int g = 0; g < pass.Groups; g++)
        {
            string acc = Group(g, chain);
            // The last input row's load reads furthest: up to the parameters' end.
            string load = GroupLoad(pass, g, p.W, WeightIndex(pass.Vectors * p.Width + pass.FirstOf(g)), p.WeightStart + ((p.Inputs - 1) * p.Outputs));
            statements.Add(declares
                ? $"{declaration}{acc} = {load} * {xt};"
                : $"{acc} = {KernelSyntax.MultiplyAdd(SimdWidth.V128, load, xt, acc)};");
        }

        for (int s = 0; s < pass.Singles; s++)
        {
            string acc = Scalar(s, chain);
            string weight = KernelSyntax.Element(p.W, WeightIndex(pass.Vectors * p.Width + s));
            statements.Add(declares
                ? $"{(pass.RowsInBlocks ? "" : p.Type.Keyword + " ")}{acc} = {x} * {weight};"
                : $"{acc} = {KernelSyntax.MultiplyAdd(p.Type, x, weight, acc)};");
        }

        return statements.ToArray();
    }
}
