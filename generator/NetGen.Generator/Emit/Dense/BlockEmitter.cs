using System.Collections.Generic;
using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit.Dense;

/// <summary>
/// Emits a layer's forward pass for <see cref="DenseLayerPlan.BlockRows"/> samples at once, used by <c>ForwardBatch</c>:
/// each weight vector is loaded once and multiply-added into the accumulators of all the samples, so a weight load
/// feeds several FMAs instead of one. Rows are row-major, on the stack for hidden layers.
/// </summary>
internal static class BlockEmitter
{
    private const int Samples = DenseLayerPlan.BlockRows;

    /// <summary>
    /// Vectors of output columns per pass: 6 samples × 2 vectors of accumulators fit the 16 vector registers of SSE and
    /// AVX2 with the weights; AVX-512's 32 registers hold 6 × 4, so each broadcast input feeds four FMAs.
    /// </summary>
    private static int ColumnVectors(DenseLayerPlan p) => p.Simd == SimdWidth.V512 ? 4 : 2;

    public static void EmitLayer(SourceWriter w, DenseLayerPlan p)
    {
        string bias = p.HasBias ? $" + b{p.Index}" : "";
        string f = ActivationSyntax.Formula(p.Activation, p.Z);
        w.Summary($"Layer {p.Index} for {Samples} samples: {p.Z} = {p.In}·W{p.Index}{bias}, {p.Out} = {f}, " +
                  $"each weight vector loaded once for all samples.{ForwardEmitter.Width(p)}");
        w.KernelAttributes(inline: false);
        using (w.Block(p.ForwardBlock.Named(p.ForwardBlock.Name + p.Suffix).Declaration(p.Type, "private static")))
        {
            w.Line($"ref {p.Type.Keyword} {p.W} = {KernelSyntax.ElementRef("p", p.WOffset)};");
            if (p.HasBias)
            {
                w.Line($"ref {p.Type.Keyword} {p.B} = {KernelSyntax.ElementRef("p", p.BOffset)};");
            }

            int columnVectors = ColumnVectors(p);
            int step = columnVectors * p.Width;
            int paired = p.Vectors / columnVectors * step;
            if (paired > 0)
            {
                using (w.Block($"for (nuint j = 0; j < {paired}; j += {step})"))
                {
                    EmitColumns(w, p, "j", 0, columnVectors);
                }
            }

            // The columns after the last whole vector join the last pass over the inputs as Vector128 accumulators
            // (or make a pass of their own) when the registers hold them; else they get a loop of their own.
            int rest = p.Vectors % columnVectors;
            int tailGroups = TailGroups(p);
            // A single column gains nothing from lanes: one scalar accumulator per sample, activated four samples at a time.
            bool tailInPass = tailGroups > 0 && Samples * (rest + tailGroups) <= RegisterBudget(p) && p.Outputs > 1;
            if (rest > 0 || tailInPass)
            {
                // A block of its own after the loop over paired vectors, so that its accumulators' names are free again.
                if (paired > 0)
                {
                    using (w.Block())
                    {
                        EmitColumns(w, p, null, paired, rest, tailInPass ? tailGroups : 0);
                    }
                }
                else
                {
                    EmitColumns(w, p, null, paired, rest, tailInPass ? tailGroups : 0);
                }
            }

            if (p.Tail > 0 && !tailInPass)
            {
                EmitScalarTail(w, p);
            }

            if (ActivatesInPlace(p))
            {
                w.Line(
                    $"{p.Activation}(MemoryMarshal.CreateSpan(ref {p.Out}, {Literal(Samples * p.Outputs)}));",
                    $"{p.Out} = {ActivationSyntax.Formula(p.Activation, p.Z)}, every sample at once");
            }

            if (ActivationSyntax.IsWholeLayer(p.Activation))
            {
                for (int s = 0; s < Samples; s++)
                {
                    string row = KernelSyntax.Element(p.Out, Literal(s * p.Outputs));
                    w.Line($"{p.Activation}(MemoryMarshal.CreateSpan(ref {row}, {p.Outputs}));");
                }
            }
        }
    }

    /// <summary>
    /// Whether f is applied to the whole block at the end, by one call over its rows (float sigmoid and tanh), rather
    /// than inlined once per accumulator: a dozen inlined copies exhaust the JIT's inlining budget for the kernel.
    /// </summary>
    private static bool ActivatesInPlace(DenseLayerPlan p) => p.PacksScalarActivations;

    /// <summary>f as each accumulator is stored: none when the block is activated in place at the end.</summary>
    private static string Activated(DenseLayerPlan p, string z) =>
        ActivationSyntax.Apply(ActivatesInPlace(p) ? Activation.Identity : p.Activation, z, p.Slope);

    /// <summary>Vector accumulators one pass may hold: AVX-512 has 32 registers, SSE and AVX2 16 (a few go to weights and inputs).</summary>
    private static int RegisterBudget(DenseLayerPlan p) => p.Simd == SimdWidth.V512 ? 24 : 12;

    /// <summary>Vector128s that hold the columns after the last whole vector (0 when there are none).</summary>
    private static int TailGroups(DenseLayerPlan p) => (p.Tail + Lanes128(p) - 1) / Lanes128(p);

    private static int Lanes128(DenseLayerPlan p) => SimdWidth.V128.Lanes(p.Type);

    /// <summary>
    /// Vector columns, and <paramref name="tailGroups"/> Vector128s of the columns after the last whole vector:
    /// accumulators for every sample × vector, one pass over the input rows.
    /// </summary>
    private static void EmitColumns(SourceWriter w, DenseLayerPlan p, string? columnVariable, int column, int vectors, int tailGroups = 0)
    {
        NumericType type = p.Type;
        string ColumnIndex(int c) => KernelSyntax.Index(column + c * p.Width, (columnVariable, 1));
        if (tailGroups > 0)
        {
            string columns = p.Vectors == 0
                ? $"All {Literal(p.Outputs)} columns:"
                : $"Columns {Literal(p.Vectors * p.Width)}..{Literal(p.Outputs - 1)}, after the last whole vector, in this pass too:";
            w.Comment("// ", $"{columns} {Literal(tailGroups)} Vector128 per sample, lanes past the last column 0.");
        }

        for (int s = 0; s < Samples; s++)
        {
            for (int c = 0; c < vectors; c++)
            {
                string init = p.HasBias ? KernelSyntax.Load(p.Simd, p.B, ColumnIndex(c)) : $"{p.Simd.VectorType(type)}.Zero";
                w.Line($"var acc{s}_{c} = {init};");
            }

            for (int g = 0; g < tailGroups; g++)
            {
                string init = p.HasBias ? TailVector(p, g, first => KernelSyntax.Literal(first), p.B) : $"{SimdWidth.V128.VectorType(type)}.Zero";
                w.Line($"var {TailName(s, g, vectors, tailGroups)} = {init};");
            }
        }

        using (w.Block($"for (nuint i = 0; i < {p.Inputs}; i++)"))
        {
            for (int c = 0; c < vectors; c++)
            {
                w.Line($"var wv{c} = {KernelSyntax.Load(p.Simd, p.W, KernelSyntax.Index(column + c * p.Width, ("i", p.Outputs), (columnVariable, 1)))};");
            }

            for (int g = 0; g < tailGroups; g++)
            {
                w.Line($"var wt{g} = {TailVector(p, g, first => KernelSyntax.Index(first, ("i", p.Outputs)), p.W)};");
            }

            for (int s = 0; s < Samples; s++)
            {
                // Each input broadcast once per sample, named only when more than one multiply-add reads it.
                string x = KernelSyntax.Broadcast(p.Simd, KernelSyntax.Element(p.In, KernelSyntax.Index(s * p.Inputs, ("i", 1))));
                if (vectors > 0 && vectors + tailGroups > 1)
                {
                    w.Line($"var x{s} = {x};");
                    x = $"x{s}";
                }

                for (int c = 0; c < vectors; c++)
                {
                    w.Line($"acc{s}_{c} = {KernelSyntax.MultiplyAdd(p.Simd, $"wv{c}", x, $"acc{s}_{c}")};");
                }

                if (tailGroups > 0)
                {
                    string xt = vectors > 0
                        ? LowerToVector128(p.Simd, x)
                        : KernelSyntax.Broadcast(SimdWidth.V128, KernelSyntax.Element(p.In, KernelSyntax.Index(s * p.Inputs, ("i", 1))));
                    if (tailGroups > 1)
                    {
                        w.Line($"var xt{s} = {xt};");
                        xt = $"xt{s}";
                    }

                    for (int g = 0; g < tailGroups; g++)
                    {
                        string tail = TailName(s, g, vectors, tailGroups);
                        w.Line($"{tail} = {KernelSyntax.MultiplyAdd(SimdWidth.V128, $"wt{g}", xt, tail)};");
                    }
                }
            }
        }

        for (int s = 0; s < Samples; s++)
        {
            for (int c = 0; c < vectors; c++)
            {
                string index = KernelSyntax.Index(s * p.Outputs + column + c * p.Width, (columnVariable, 1));
                w.Line(KernelSyntax.Store(p.Simd, Activated(p, $"acc{s}_{c}"), p.Out, index));
            }

            for (int g = 0; g < tailGroups; g++)
            {
                // f applied once per Vector128 (or to the whole block at the end), its lanes stored.
                int first = p.Vectors * p.Width + g * Lanes128(p);
                string activated = Activated(p, TailName(s, g, vectors, tailGroups));
                string destination = KernelSyntax.ElementRef(p.Out, Literal(s * p.Outputs + first));
                w.Line($"VectorLanes.Store({activated}, {destination}, {Literal(LanesOf(p, g))});");
            }
        }
    }

    /// <summary>
    /// The accumulator of sample <paramref name="sample"/>'s tail group <paramref name="group"/>: <c>acc2</c> when the
    /// pass has nothing else, else <c>tail2_0</c> beside the vector columns' <c>acc2_0</c>.
    /// </summary>
    private static string TailName(int sample, int group, int vectors, int tailGroups) =>
        vectors == 0 && tailGroups == 1 ? $"acc{sample}" : $"tail{sample}_{group}";

    /// <summary>Columns tail group <paramref name="group"/> holds: four (two for double) or what is left.</summary>
    private static int LanesOf(DenseLayerPlan p, int group) =>
        System.Math.Min(Lanes128(p), p.Tail - group * Lanes128(p));

    /// <summary>
    /// A Vector128 of tail group <paramref name="group"/>'s columns of <paramref name="row"/>, read from the index
    /// <paramref name="index"/> makes of the group's first column (lanes past the layer's last column are 0).
    /// </summary>
    private static string TailVector(DenseLayerPlan p, int group, System.Func<int, string> index, string row)
    {
        int first = p.Vectors * p.Width + group * Lanes128(p);
        return $"VectorLanes.Load({KernelSyntax.ElementRef(row, index(first))}, {Literal(LanesOf(p, group))})";
    }

    /// <summary>The lowest 128 bits of a vector of width <paramref name="simd"/> (no instruction: a register's low part).</summary>
    public static string LowerToVector128(SimdWidth simd, string vector) =>
        simd == SimdWidth.V128 ? vector
        : simd == SimdWidth.V256 ? $"{simd.Class}.GetLower({vector})"
        : $"{SimdWidth.V256.Class}.GetLower({simd.Class}.GetLower({vector}))";

    /// <summary>
    /// Columns after the last whole vector, one at a time: a scalar accumulator per sample (independent chains),
    /// then f, through Vector128s of four samples where <see cref="DenseLayerPlan.PacksScalarActivations"/>.
    /// </summary>
    private static void EmitScalarTail(SourceWriter w, DenseLayerPlan p)
    {
        int first = p.Vectors * p.Width;
        if (p.Tail == 1)
        {
            // One column: no loop over columns.
            EmitScalarColumn(w, p, Literal(first));
            return;
        }

        using (w.Block($"for (nuint j = {first}; j < {p.Outputs}; j++)"))
        {
            EmitScalarColumn(w, p, "j");
        }
    }

    /// <summary>Output column <paramref name="column"/> (a constant or the loop's <c>j</c>) of every sample.</summary>
    private static void EmitScalarColumn(SourceWriter w, DenseLayerPlan p, string column)
    {
        string t = p.Type.Keyword;
        string init = p.HasBias ? KernelSyntax.Element(p.B, column) : p.Type.Literal(0);
        var rest = new List<string>();
        for (int s = 1; s < Samples; s++)
        {
            rest.Add($"acc{s} = acc0");
        }

        w.Line($"{t} acc0 = {init}, {string.Join(", ", rest)};");
        using (w.Block($"for (nuint i = 0; i < {p.Inputs}; i++)"))
        {
            w.Line($"{t} weight = {KernelSyntax.Element(p.W, KernelSyntax.Plus(KernelSyntax.Index(0, ("i", p.Outputs)), column))};");
            for (int s = 0; s < Samples; s++)
            {
                string x = KernelSyntax.Element(p.In, KernelSyntax.Index(s * p.Inputs, ("i", 1)));
                w.Line($"acc{s} = {KernelSyntax.MultiplyAdd(p.Type, x, "weight", $"acc{s}")};");
            }
        }

        // The column's element of sample s sits at s·OutputSize + column.
        for (int s = 0; s < Samples; s++)
        {
            w.Line($"{KernelSyntax.Element(p.Out, KernelSyntax.Plus(Literal(s * p.Outputs), column))} = {Activated(p, $"acc{s}")};");
        }
    }

    private static string Literal(int value) => KernelSyntax.Literal(value);
}
