using System.Collections.Generic;
using System.Globalization;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits the forward pass for <see cref="Samples"/> samples at once, used by <c>ForwardBatch</c>: each layer loads
/// every weight vector once and multiply-adds it into the accumulators of all the samples, so a weight load feeds
/// several FMAs instead of one. Activations are row-major rows per layer, on the stack.
/// </summary>
internal static class BatchForwardEmitter
{
    /// <summary>Samples per pass.</summary>
    public const int Samples = 6;

    /// <summary>The method that runs one block of <see cref="Samples"/> rows.</summary>
    public static string BlockName => $"Forward{Samples}";

    /// <summary>
    /// Vectors of output columns per pass: 6 samples × 2 vectors of accumulators fit the 16 vector registers of SSE and
    /// AVX2 with the weights; AVX-512's 32 registers hold 6 × 4, so each broadcast input feeds four FMAs.
    /// </summary>
    private static int ColumnVectors(LayerPlan p) => p.Simd == SimdWidth.V512 ? 4 : 2;

    public static void EmitBlock(SourceWriter w, List<LayerPlan> plans)
    {
        string t = plans[0].Type.Keyword;
        LayerPlan last = plans[plans.Count - 1];
        w.Line();
        w.Line($"/// <summary>Forward for {Samples} samples (row-major rows of <paramref name=\"inputs\"/> and <paramref name=\"outputs\"/>); lengths are the caller's to check.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"private void {BlockName}(global::System.ReadOnlySpan<{t}> inputs, global::System.Span<{t}> outputs)"))
        {
            w.Line($"ref var p = ref {Kernel.MemoryMarshal}.GetArrayDataReference(_parameters);");
            w.Line($"ref var {plans[0].In} = {Kernel.First("inputs")};");
            foreach (LayerPlan p in plans)
            {
                if (p == last)
                {
                    w.Line($"ref var {p.Out} = {Kernel.First("outputs")};");
                }
                else
                {
                    w.Line($"global::System.Span<{t}> {p.Out}Buffer = stackalloc {t}[{Samples * p.Outputs}];");
                    w.Line($"ref var {p.Out} = {Kernel.First(p.Out + "Buffer")};");
                }
            }

            foreach (LayerPlan p in plans)
            {
                w.Line($"{Name(p)}(ref p, ref {p.In}, ref {p.Out});");
            }
        }
    }

    public static string Name(LayerPlan p) => $"ForwardLayer{p.Index}x{Samples}";

    public static string Parameters(LayerPlan p)
    {
        string t = p.Type.Keyword;
        return $"ref {t} p, ref {t} {p.In}, ref {t} {p.Out}";
    }

    public static string Arguments(LayerPlan p) => $"ref p, ref {p.In}, ref {p.Out}";

    public static void EmitLayer(SourceWriter w, LayerPlan p)
    {
        string bias = p.HasBias ? $" + b{p.Index}" : "";
        string f = ActivationSyntax.Formula(p.Activation, p.Z);
        w.Line($"/// <summary>Layer {p.Index} for {Samples} samples: {p.Z} = {p.In}·W{p.Index}{bias}, {p.Out} = {f}, each weight vector loaded once for all samples.{ForwardEmitter.Width(p)}</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"private static void {Name(p)}{p.Suffix}({Parameters(p)})"))
        {
            w.Line($"ref {p.Type.Keyword} {p.W} = {Kernel.Offset("p", p.WOffset)};");
            if (p.HasBias)
            {
                w.Line($"ref {p.Type.Keyword} {p.B} = {Kernel.Offset("p", p.BOffset)};");
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
            bool tailInPass = tailGroups > 0 && Samples * (rest + tailGroups) <= RegisterBudget(p);
            if (rest > 0 || tailInPass)
            {
                using (w.Block())
                {
                    EmitColumns(w, p, null, paired, rest, tailInPass ? tailGroups : 0);
                }
            }

            if (p.Tail > 0 && !tailInPass)
            {
                EmitScalarTail(w, p);
            }

            if (p.Activation == ActivationKind.Softmax)
            {
                for (int s = 0; s < Samples; s++)
                {
                    string row = Kernel.Element(p.Out, Literal(s * p.Outputs));
                    w.Line($"{Kernel.ActivationFunctions}.Softmax({Kernel.MemoryMarshal}.CreateSpan(ref {row}, {p.Outputs}));");
                }
            }
        }
    }

    /// <summary>Vector accumulators one pass may hold: AVX-512 has 32 registers, SSE and AVX2 16 (a few go to weights and inputs).</summary>
    private static int RegisterBudget(LayerPlan p) => p.Simd == SimdWidth.V512 ? 24 : 12;

    /// <summary>Vector128s that hold the columns after the last whole vector (0 when there are none).</summary>
    private static int TailGroups(LayerPlan p) => (p.Tail + Lanes128(p) - 1) / Lanes128(p);

    private static int Lanes128(LayerPlan p) => SimdWidth.V128.Lanes(p.Type);

    /// <summary>
    /// Vector columns, and <paramref name="tailGroups"/> Vector128s of the columns after the last whole vector:
    /// accumulators for every sample × vector, one pass over the input rows.
    /// </summary>
    private static void EmitColumns(SourceWriter w, LayerPlan p, string? columnVariable, int column, int vectors, int tailGroups = 0)
    {
        NumericType type = p.Type;
        string ColumnIndex(int c) => Kernel.Index(column + c * p.Width, (columnVariable, 1));
        if (tailGroups > 0)
        {
            w.Line($"// Columns {Literal(p.Vectors * p.Width)}..{Literal(p.Outputs - 1)} (after the last whole vector) in this pass too: " +
                   $"{Literal(tailGroups)} Vector128 per sample, lanes past the last column 0.");
        }

        for (int s = 0; s < Samples; s++)
        {
            for (int c = 0; c < vectors; c++)
            {
                string init = p.HasBias ? Kernel.Load(p.Simd, p.B, ColumnIndex(c)) : $"{p.Simd.VectorType(type)}.Zero";
                w.Line($"var z{s}_{c} = {init};");
            }

            for (int g = 0; g < tailGroups; g++)
            {
                string init = p.HasBias ? TailVector(p, g, j => Kernel.Element(p.B, Literal(j))) : $"{SimdWidth.V128.VectorType(type)}.Zero";
                w.Line($"var t{s}_{g} = {init};");
            }
        }

        using (w.Block($"for (nuint i = 0; i < {p.Inputs}; i++)"))
        {
            for (int c = 0; c < vectors; c++)
            {
                w.Line($"var wv{c} = {Kernel.Load(p.Simd, p.W, Kernel.Index(column + c * p.Width, ("i", p.Outputs), (columnVariable, 1)))};");
            }

            for (int g = 0; g < tailGroups; g++)
            {
                w.Line($"var wt{g} = {TailVector(p, g, j => Kernel.Element(p.W, Kernel.Index(j, ("i", p.Outputs))))};");
            }

            for (int s = 0; s < Samples; s++)
            {
                string x = Kernel.Element(p.In, Kernel.Index(s * p.Inputs, ("i", 1)));
                if (vectors > 0)
                {
                    w.Line($"var x{s} = {Kernel.Broadcast(p.Simd, x)};");
                    for (int c = 0; c < vectors; c++)
                    {
                        w.Line($"z{s}_{c} = {Kernel.MultiplyAdd(p.Simd, $"wv{c}", $"x{s}", $"z{s}_{c}")};");
                    }
                }

                if (tailGroups > 0)
                {
                    w.Line($"var xt{s} = {(vectors > 0 ? LowerToVector128(p.Simd, $"x{s}") : Kernel.Broadcast(SimdWidth.V128, x))};");
                    for (int g = 0; g < tailGroups; g++)
                    {
                        w.Line($"t{s}_{g} = {Kernel.MultiplyAdd(SimdWidth.V128, $"wt{g}", $"xt{s}", $"t{s}_{g}")};");
                    }
                }
            }
        }

        for (int s = 0; s < Samples; s++)
        {
            for (int c = 0; c < vectors; c++)
            {
                string index = Kernel.Index(s * p.Outputs + column + c * p.Width, (columnVariable, 1));
                w.Line(Kernel.Store(p.Simd, ActivationSyntax.Apply(p.Activation, $"z{s}_{c}", p.Slope), p.Out, index));
            }

            for (int g = 0; g < tailGroups; g++)
            {
                // f applied once per Vector128 (identity and softmax leave z as it is here).
                string z = $"t{s}_{g}", activated = ActivationSyntax.Apply(p.Activation, z, p.Slope), result = z;
                if (activated != z)
                {
                    result = $"f{s}_{g}";
                    w.Line($"var {result} = {activated};");
                }

                int first = p.Vectors * p.Width + g * Lanes128(p);
                for (int lane = 0; lane < Lanes128(p) && first + lane < p.Outputs; lane++)
                {
                    string element = Kernel.Element(p.Out, Literal(s * p.Outputs + first + lane));
                    w.Line($"{element} = {SimdWidth.V128.Class}.GetElement({result}, {Literal(lane)});");
                }
            }
        }
    }

    /// <summary>
    /// A Vector128 of tail group <paramref name="group"/>'s columns, built from <paramref name="element"/> of each
    /// column index (lanes past the layer's last column are 0).
    /// </summary>
    private static string TailVector(LayerPlan p, int group, System.Func<int, string> element)
    {
        int first = p.Vectors * p.Width + group * Lanes128(p);
        var lanes = new List<string>();
        for (int lane = 0; lane < Lanes128(p) && first + lane < p.Outputs; lane++)
        {
            lanes.Add(element(first + lane));
        }

        return Kernel.Vector128Of(p.Type, lanes);
    }

    /// <summary>The lowest 128 bits of a vector of width <paramref name="simd"/> (no instruction: a register's low part).</summary>
    private static string LowerToVector128(SimdWidth simd, string vector) =>
        simd == SimdWidth.V128 ? vector
        : simd == SimdWidth.V256 ? $"{simd.Class}.GetLower({vector})"
        : $"{SimdWidth.V256.Class}.GetLower({simd.Class}.GetLower({vector}))";

    /// <summary>
    /// Columns after the last whole vector, one at a time: a scalar accumulator per sample (independent chains),
    /// then f, through Vector128s of four samples where <see cref="PackedActivations.Applies"/>.
    /// </summary>
    private static void EmitScalarTail(SourceWriter w, LayerPlan p)
    {
        int first = p.Vectors * p.Width;
        string t = p.Type.Keyword;
        using (w.Block($"for (nuint j = {first}; j < {p.Outputs}; j++)"))
        {
            string init = p.HasBias ? Kernel.Element(p.B, "j") : p.Type.Literal(0);
            var rest = new List<string>();
            for (int s = 1; s < Samples; s++)
            {
                rest.Add($"z{s} = z0");
            }

            w.Line($"{t} z0 = {init}, {string.Join(", ", rest)};");
            using (w.Block($"for (nuint i = 0; i < {p.Inputs}; i++)"))
            {
                w.Line($"{t} weight = {Kernel.Element(p.W, $"i * {p.Outputs} + j")};");
                for (int s = 0; s < Samples; s++)
                {
                    string x = Kernel.Element(p.In, Kernel.Index(s * p.Inputs, ("i", 1)));
                    w.Line($"z{s} = {Kernel.MultiplyAdd(p.Type, x, "weight", $"z{s}")};");
                }
            }

            bool packs = PackedActivations.Applies(p);
            for (int s = 0; s < Samples; s++)
            {
                if (packs && s % 4 == 0)
                {
                    var lanes = new List<string>();
                    for (int lane = s; lane < s + 4 && lane < Samples; lane++)
                    {
                        lanes.Add($"z{lane}");
                    }

                    string packed = Kernel.Vector128Of(p.Type, lanes);
                    w.Line($"var f{s / 4} = {ActivationSyntax.Apply(p.Activation, packed, p.Slope)};");
                }

                string value = packs
                    ? $"{SimdWidth.V128.Class}.GetElement(f{s / 4}, {Literal(s % 4)})"
                    : ActivationSyntax.Apply(p.Activation, $"z{s}", p.Slope);
                w.Line($"{Kernel.Element(p.Out, Kernel.Index(s * p.Outputs, ("j", 1)))} = {value};");
            }
        }
    }

    private static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);
}
