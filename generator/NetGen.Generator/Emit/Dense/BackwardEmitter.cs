using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit.Dense;

/// <summary>
/// Emits one method per layer and mode for backpropagation through layer l, given δ(l+1):
/// δ(l) = (δ(l+1)·W(l)ᵀ) ⊙ f′(z(l)) for hidden inputs, and either the gradient
/// ∂J/∂W(l) += a(l)ᵀ·δ(l+1), ∂J/∂b(l) += δ(l+1) (accumulate) or the SGD update
/// W(l) −= η·a(l)ᵀ·δ(l+1), b(l) −= η·δ(l+1) (update). Both walk W(l) row by row:
/// row i gives δ(l)[i] as a dot product with δ(l+1), then takes its own update, so each row is read once and
/// δ(l) always sees the weights from before the update.
/// </summary>
internal static class BackwardEmitter
{
    public static void EmitLayer(SourceWriter w, DenseLayerPlan p, bool update)
    {
        Activation? inputActivation = p.InputActivation;
        string t = p.Type.Keyword;
        string l = KernelSyntax.Literal(p.Index);
        string summary = p.HasDeltaIn
            ? $"δ{l} = δ{p.Index + 1}·W{l}ᵀ{ActivationSyntax.PrimeFactor(inputActivation, $"z{l}")}; "
            : "";
        summary += update
            ? $"W{l} −= η·{p.In}ᵀ·δ{p.Index + 1}" + (p.HasBias ? $"; b{l} −= η·δ{p.Index + 1}" : "")
            : $"∂J/∂W{l} += {p.In}ᵀ·δ{p.Index + 1}" + (p.HasBias ? $"; ∂J/∂b{l} += δ{p.Index + 1}" : "");
        w.Summary($"Layer {l} backward ({p.Inputs} → {p.Outputs}): {summary}.{ForwardEmitter.Width(p)}");
        w.KernelAttributes(inline: p.UnrollRows);

        KernelSignature kernel = update ? p.Update : p.Accumulate;
        using (w.Block(kernel.Named(kernel.Name + p.Suffix).Declaration(p.Type, "private static")))
        {
            if (update || p.HasDeltaIn)
            {
                // W(l) itself is read for its update or for δ(l); a gradient alone only needs a(l) and δ(l+1).
                w.Line($"ref {t} {p.W} = {KernelSyntax.ElementRef("p", p.WOffset)};");
            }

            if (!update)
            {
                w.Line($"ref {t} {p.GW} = {KernelSyntax.ElementRef("g", p.WOffset)};");
            }

            if (p.HasBias)
            {
                EmitBias(w, p, update);
            }

            if (p.ColumnsInRegisters)
            {
                w.Line();
                w.Line($"// δ{p.Index + 1}, held in registers for every row.");
                for (int c = 0; c < p.Vectors; c++)
                {
                    w.Line($"var dv{c} = {KernelSyntax.Load(p.Simd, p.DeltaOut, KernelSyntax.Index(c * p.Width))};");
                }

                for (int g = 0; g < TailGroups(p); g++)
                {
                    w.Line($"var dt{g} = {TailLoad(p, p.DeltaOut, g, "0")};");
                }

                for (int s = 0; TailGroups(p) == 0 && s < p.Tail; s++)
                {
                    w.Line($"var ds{s} = {KernelSyntax.Element(p.DeltaOut, KernelSyntax.Index(p.Vectors * p.Width + s))};");
                }
            }

            w.Line();
            string rowComment = (p.HasDeltaIn ? $"δ{l}[i] = W{l}[i, :]·δ{p.Index + 1}{ActivationSyntax.PrimeFactor(inputActivation, $"z{l}[i]")}; " : "") +
                (update ? $"W{l}[i, :] −= η·{p.In}[i]·δ{p.Index + 1}" : $"∂J/∂W{l}[i, :] += {p.In}[i]·δ{p.Index + 1}");
            if (p.UnrollRows)
            {
                for (int i = 0; i < p.Inputs; i++)
                {
                    w.Line("// " + rowComment.Replace("[i", $"[{i}"));
                    if (p.Vectors == 0 && (p.Tail == 1 || TailGroups(p) == 1))
                    {
                        // One column, or one group of columns: no local of the row's own, so no block around it.
                        EmitRow(w, p, update, inputActivation, KernelSyntax.Literal(i), null);
                        continue;
                    }

                    using (w.Block())
                    {
                        EmitRow(w, p, update, inputActivation, KernelSyntax.Literal(i), null);
                    }
                }
            }
            else
            {
                w.Line("// " + rowComment);
                using (w.Block($"for (nuint i = 0; i < {p.Inputs}; i++)"))
                {
                    EmitRow(w, p, update, inputActivation, "i", "i");
                }
            }
        }
    }

    /// <summary>∂J/∂b += δ, or b −= η·δ, over the whole output vector.</summary>
    private static void EmitBias(SourceWriter w, DenseLayerPlan p, bool update)
    {
        string target = update ? p.B : p.GB;
        string offsetBase = update ? "p" : "g";
        w.Line($"ref {p.Type.Keyword} {target} = {KernelSyntax.ElementRef(offsetBase, p.BOffset)};");
        w.Line();
        w.Line(update ? $"// b{p.Index} −= η·δ{p.Index + 1}" : $"// ∂J/∂b{p.Index} += δ{p.Index + 1}");
        if (update && p.Vectors > 0)
        {
            w.Line($"var step = {KernelSyntax.Broadcast(p.Simd, "-rate")};");
        }

        string VectorUpdate(string index) => update
            ? KernelSyntax.Store(p.Simd, KernelSyntax.MultiplyAdd(p.Simd, KernelSyntax.Load(p.Simd, p.DeltaOut, index), "step", KernelSyntax.Load(p.Simd, target, index)), target, index)
            : KernelSyntax.Store(p.Simd, $"{KernelSyntax.Load(p.Simd, target, index)} + {KernelSyntax.Load(p.Simd, p.DeltaOut, index)}", target, index);

        if (p.Vectors <= DenseLayerPlan.RegisterColumns)
        {
            for (int c = 0; c < p.Vectors; c++)
            {
                w.Line(VectorUpdate(KernelSyntax.Index(c * p.Width)));
            }
        }
        else
        {
            using (w.Block($"for (nuint j = 0; j < {p.Vectors * p.Width}; j += {p.Width})"))
            {
                w.Line(VectorUpdate("j"));
            }
        }

        for (int s = 0; s < p.Tail; s++)
        {
            string index = KernelSyntax.Index(p.Vectors * p.Width + s);
            string delta = KernelSyntax.Element(p.DeltaOut, index);
            string element = KernelSyntax.Element(target, index);
            w.Line(update
                ? $"{element} = {KernelSyntax.MultiplyAdd(p.Type, delta, "-rate", element)};"
                : $"{element} += {delta};");
        }
    }

    /// <summary>One row i of W(l): δ(l)[i] from the old row, then the row's gradient or update.</summary>
    private static void EmitRow(SourceWriter w, DenseLayerPlan p, bool update, Activation? inputActivation, string row, string? rowVariable)
    {
        NumericType type = p.Type;
        int rowConstant = rowVariable is null ? int.Parse(row, System.Globalization.CultureInfo.InvariantCulture) : 0;
        string WeightIndex(int offset, string? columnVariable = null) =>
            KernelSyntax.Index(rowConstant * p.Outputs + offset, (rowVariable, p.Outputs), (columnVariable, 1));
        string target = update ? p.W : p.GW;
        bool delta = p.HasDeltaIn;

        // a(l)[i] (times −η for an update), named only when more than one expression reads it.
        int groups = TailGroups(p);
        string x = update ? $"-rate * {KernelSyntax.Element(p.In, row)}" : KernelSyntax.Element(p.In, row);
        if ((groups > 0 ? 1 : p.Tail) + (p.Vectors > 0 ? 1 : 0) > 1)
        {
            w.Line($"var x = {x};");
            x = "x";
        }

        if (p.Vectors > 0)
        {
            w.Line($"var xv = {KernelSyntax.Broadcast(p.Simd, x)};");
        }

        // The dot products W(l)[i, :]·δ(l+1) start from their first term; a loop over columns starts from zero.
        bool sumStarted = false, sumsStarted = false;
        if (delta && p.Vectors > 0 && !p.ColumnsInRegisters)
        {
            w.Line($"var sum = {p.Simd.VectorType(type)}.Zero;");
            sumStarted = true;
        }

        // One scalar column alone needs no running sum: δ(l)[i] is its one product, taken before the weight changes.
        bool singleProduct = delta && p.Vectors == 0 && p.Tail == 1;

        // Reads the old weights once: for the dot product with δ(l+1), then for the update or gradient.
        void VectorColumn(string weights, string deltaVector, string index)
        {
            if (delta || update)
            {
                w.Line($"var {weights} = {KernelSyntax.Load(p.Simd, p.W, index)};");
            }

            if (delta)
            {
                w.Line(sumStarted
                    ? $"sum = {KernelSyntax.MultiplyAdd(p.Simd, weights, deltaVector, "sum")};"
                    : $"var sum = {weights} * {deltaVector};");
                sumStarted = true;
            }

            string old = update ? weights : KernelSyntax.Load(p.Simd, target, index);
            w.Line(KernelSyntax.Store(p.Simd, KernelSyntax.MultiplyAdd(p.Simd, deltaVector, "xv", old), target, index));
        }

        if (p.ColumnsInRegisters)
        {
            for (int c = 0; c < p.Vectors; c++)
            {
                VectorColumn($"wv{c}", $"dv{c}", WeightIndex(c * p.Width));
            }
        }
        else if (p.Vectors > 0)
        {
            using (w.Block($"for (nuint j = 0; j < {p.Vectors * p.Width}; j += {p.Width})"))
            {
                w.Line($"var dv = {KernelSyntax.Load(p.Simd, p.DeltaOut, "j")};");
                VectorColumn("wv", "dv", WeightIndex(0, "j"));
            }
        }

        // The columns after the whole vectors, in Vector128 groups: the same multiply-adds, lane by lane.
        string xt = p.Vectors > 0 ? BlockEmitter.LowerToVector128(p.Simd, "xv") : KernelSyntax.Broadcast(SimdWidth.V128, x);
        if (groups > 1)
        {
            w.Line($"var xt = {xt};");
            xt = "xt";
        }

        for (int g = 0; g < groups; g++)
        {
            string rowStart = WeightIndex(0);
            string deltas = p.ColumnsInRegisters ? $"dt{g}" : TailLoad(p, p.DeltaOut, g, "0");
            string old = TailLoad(p, target, g, rowStart);
            string destination = KernelSyntax.ElementRef(target, KernelSyntax.Plus(rowStart, KernelSyntax.Literal(TailColumn(p, g))));
            w.Line($"VectorLanes.Store({KernelSyntax.MultiplyAdd(SimdWidth.V128, deltas, xt, old)}, {destination}, {KernelSyntax.Literal(TailLanes(p, g))});");
        }

        for (int s = 0; groups == 0 && s < p.Tail; s++)
        {
            int column = p.Vectors * p.Width + s;
            string ds = p.ColumnsInRegisters ? $"ds{s}" : KernelSyntax.Element(p.DeltaOut, KernelSyntax.Index(column));
            string weight = KernelSyntax.Element(p.W, WeightIndex(column));
            if (singleProduct)
            {
                w.Line($"{KernelSyntax.Element(p.DeltaIn, row)} = {Scaled($"{weight} * {ds}")};");
            }
            else if (delta)
            {
                w.Line(sumsStarted
                    ? $"sums = {KernelSyntax.MultiplyAdd(type, weight, ds, "sums")};"
                    : $"{type.Keyword} sums = {weight} * {ds};");
                sumsStarted = true;
            }

            string element = KernelSyntax.Element(target, WeightIndex(column));
            w.Line($"{element} = {KernelSyntax.MultiplyAdd(type, ds, x, element)};");
        }

        if (delta && !singleProduct)
        {
            string dot = (p.Vectors > 0, p.Tail > 0) switch
            {
                (true, true) => $"{KernelSyntax.Sum(p.Simd, "sum")} + sums",
                (true, false) => KernelSyntax.Sum(p.Simd, "sum"),
                _ => "sums",
            };
            w.Line($"{KernelSyntax.Element(p.DeltaIn, row)} = {Scaled(dot.Contains(" + ") ? $"({dot})" : dot)};");
        }

        // The dot product times f′ of the layer's input (nothing for the identity).
        string Scaled(string dot)
        {
            string? prime = ActivationSyntax.Derivative(
                inputActivation ?? Activation.Identity, KernelSyntax.Element(p.In, row), KernelSyntax.Element(p.ZIn, row), p.Slope);
            return prime is null ? dot : $"{dot} * {prime}";
        }
    }

    /// <summary>
    /// Vector128 groups of the columns after the whole vectors, when there are two or more of them and the layer has
    /// no δ of its own inputs to compute (a δ's dot product keeps its scalar order); else 0.
    /// </summary>
    private static int TailGroups(DenseLayerPlan p) =>
        !p.HasDeltaIn && p.Tail >= 2 ? (p.Tail + Lanes128(p) - 1) / Lanes128(p) : 0;

    private static int Lanes128(DenseLayerPlan p) => SimdWidth.V128.Lanes(p.Type);

    /// <summary>The first column of tail group <paramref name="g"/>.</summary>
    private static int TailColumn(DenseLayerPlan p, int g) => p.Vectors * p.Width + g * Lanes128(p);

    private static int TailLanes(DenseLayerPlan p, int g) => System.Math.Min(Lanes128(p), p.Tail - g * Lanes128(p));

    /// <summary>Tail group <paramref name="g"/> of the row of <paramref name="reference"/> that starts at <paramref name="rowStart"/>.</summary>
    private static string TailLoad(DenseLayerPlan p, string reference, int g, string rowStart) =>
        $"VectorLanes.Load({KernelSyntax.ElementRef(reference, KernelSyntax.Plus(rowStart, KernelSyntax.Literal(TailColumn(p, g))))}, " +
        $"{KernelSyntax.Literal(TailLanes(p, g))})";
}
