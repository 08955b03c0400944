using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits one method per layer and mode for backpropagation through layer l, given δ(l+1):
/// δ(l) = (δ(l+1)·W(l)ᵀ) ⊙ f′(z(l)) for hidden inputs, and either the gradient
/// ∂J/∂W(l) += a(l)ᵀ·δ(l+1), ∂J/∂b(l) += δ(l+1) (<see cref="BackwardMode.Accumulate"/>) or the SGD update
/// W(l) −= η·a(l)ᵀ·δ(l+1), b(l) −= η·δ(l+1) (<see cref="BackwardMode.Update"/>). Both walk W(l) row by row:
/// row i gives δ(l)[i] as a dot product with δ(l+1), then takes its own update, so each row is read once and
/// δ(l) always sees the weights from before the update.
/// </summary>
internal static class BackwardEmitter
{
    public static void EmitLayer(SourceWriter w, LayerPlan p, BackwardMode mode)
    {
        ActivationKind? inputActivation = p.InputActivation;
        string t = p.Type.Keyword;
        bool update = mode == BackwardMode.Update;
        string l = p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string summary = p.HasDeltaIn
            ? $"δ{l} = δ{p.Index + 1}·W{l}ᵀ{Prime(inputActivation, $"z{l}")}; "
            : "";
        summary += update
            ? $"W{l} −= η·{p.In}ᵀ·δ{p.Index + 1}" + (p.HasBias ? $"; b{l} −= η·δ{p.Index + 1}" : "")
            : $"∂J/∂W{l} += {p.In}ᵀ·δ{p.Index + 1}" + (p.HasBias ? $"; ∂J/∂b{l} += δ{p.Index + 1}" : "");
        w.Line($"/// <summary>Layer {l} backward ({p.Inputs} → {p.Outputs}): {summary}.{ForwardEmitter.Width(p)}</summary>");
        NetworkEmitter.EmitMemberAttributes(w, inline: p.UnrollRows);
        using (w.Block($"private static void {Name(p, mode)}{p.Suffix}({Parameters(p, mode)})"))
        {
            w.Line($"ref {t} {p.W} = {Kernel.Offset("p", p.WOffset)};");
            if (!update)
            {
                w.Line($"ref {t} {p.GW} = {Kernel.Offset("g", p.WOffset)};");
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
                    w.Line($"var dv{c} = {Kernel.Load(p.Simd, p.DeltaOut, Kernel.Index(c * p.Width))};");
                }

                for (int s = 0; s < p.Tail; s++)
                {
                    w.Line($"var ds{s} = {Kernel.Element(p.DeltaOut, Kernel.Index(p.Vectors * p.Width + s))};");
                }
            }

            w.Line();
            string rowComment = (p.HasDeltaIn ? $"δ{l}[i] = W{l}[i, :]·δ{p.Index + 1}{Prime(inputActivation, $"z{l}[i]")}; " : "") +
                (update ? $"W{l}[i, :] −= η·{p.In}[i]·δ{p.Index + 1}" : $"∂J/∂W{l}[i, :] += {p.In}[i]·δ{p.Index + 1}");
            if (p.UnrollRows)
            {
                for (int i = 0; i < p.Inputs; i++)
                {
                    w.Line("// " + rowComment.Replace("[i", $"[{i}"));
                    using (w.Block())
                    {
                        EmitRow(w, p, update, inputActivation, i.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
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

    public static string Name(LayerPlan p, BackwardMode mode) => $"{(mode == BackwardMode.Update ? "UpdateLayer" : "AccumulateLayer")}{p.Index}";

    /// <summary>The kernel's parameter list; <see cref="Arguments"/> passes them on in the same order.</summary>
    public static string Parameters(LayerPlan p, BackwardMode mode)
    {
        string t = p.Type.Keyword;
        string target = mode == BackwardMode.Update ? $"{t} rate" : $"ref {t} g";
        string zIn = p.InputKeepsPreActivation ? $"ref {t} {p.ZIn}, " : "";
        string deltaIn = p.HasDeltaIn ? $", ref {t} {p.DeltaIn}" : "";
        return $"ref {t} p, {target}, ref {t} {p.In}, {zIn}ref {t} {p.DeltaOut}{deltaIn}";
    }

    public static string Arguments(LayerPlan p, BackwardMode mode)
    {
        string target = mode == BackwardMode.Update ? "rate" : "ref g";
        string zIn = p.InputKeepsPreActivation ? $"ref {p.ZIn}, " : "";
        string deltaIn = p.HasDeltaIn ? $", ref {p.DeltaIn}" : "";
        return $"ref p, {target}, ref {p.In}, {zIn}ref {p.DeltaOut}{deltaIn}";
    }

    /// <summary>The "⊙ f′(z)" factor of a δ formula, or nothing when f is the identity.</summary>
    private static string Prime(ActivationKind? activation, string z) =>
        activation is { } a && a != ActivationKind.Identity ? $" ⊙ {ActivationSyntax.Symbol(a)}′({z})" : "";

    /// <summary>∂J/∂b += δ, or b −= η·δ, over the whole output vector.</summary>
    private static void EmitBias(SourceWriter w, LayerPlan p, bool update)
    {
        string target = update ? p.B : p.GB;
        string offsetBase = update ? "p" : "g";
        w.Line($"ref {p.Type.Keyword} {target} = {Kernel.Offset(offsetBase, p.BOffset)};");
        w.Line();
        w.Line(update ? $"// b{p.Index} −= η·δ{p.Index + 1}" : $"// ∂J/∂b{p.Index} += δ{p.Index + 1}");
        if (update && p.Vectors > 0)
        {
            w.Line($"var step = {Kernel.Broadcast(p.Simd, "-rate")};");
        }

        string VectorUpdate(string index) => update
            ? Kernel.Store(p.Simd, Kernel.MultiplyAdd(p.Simd, Kernel.Load(p.Simd, p.DeltaOut, index), "step", Kernel.Load(p.Simd, target, index)), target, index)
            : Kernel.Store(p.Simd, $"{Kernel.Load(p.Simd, target, index)} + {Kernel.Load(p.Simd, p.DeltaOut, index)}", target, index);

        if (p.Vectors <= LayerPlan.RegisterColumns)
        {
            for (int c = 0; c < p.Vectors; c++)
            {
                w.Line(VectorUpdate(Kernel.Index(c * p.Width)));
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
            string index = Kernel.Index(p.Vectors * p.Width + s);
            string delta = Kernel.Element(p.DeltaOut, index);
            string element = Kernel.Element(target, index);
            w.Line(update
                ? $"{element} = {Kernel.MultiplyAdd(p.Type, delta, "-rate", element)};"
                : $"{element} += {delta};");
        }
    }

    /// <summary>One row i of W(l): δ(l)[i] from the old row, then the row's gradient or update.</summary>
    private static void EmitRow(SourceWriter w, LayerPlan p, bool update, ActivationKind? inputActivation, string row, string? rowVariable)
    {
        NumericType type = p.Type;
        int rowConstant = rowVariable is null ? int.Parse(row, System.Globalization.CultureInfo.InvariantCulture) : 0;
        string WeightIndex(int offset, string? columnVariable = null) =>
            Kernel.Index(rowConstant * p.Outputs + offset, (rowVariable, p.Outputs), (columnVariable, 1));
        string target = update ? p.W : p.GW;
        bool delta = p.HasDeltaIn;

        w.Line(update
            ? $"var x = -rate * {Kernel.Element(p.In, row)};"
            : $"var x = {Kernel.Element(p.In, row)};");
        if (p.Vectors > 0)
        {
            w.Line($"var xv = {Kernel.Broadcast(p.Simd, "x")};");
            if (delta)
            {
                w.Line($"var sum = {p.Simd.VectorType(type)}.Zero;");
            }
        }

        if (delta && p.Tail > 0)
        {
            w.Line($"{type.Keyword} sums = {type.Literal(0)};");
        }

        // Reads the old weights once: for the dot product with δ(l+1), then for the update or gradient.
        void VectorColumn(string weights, string deltaVector, string index)
        {
            if (delta || update)
            {
                w.Line($"var {weights} = {Kernel.Load(p.Simd, p.W, index)};");
            }

            if (delta)
            {
                w.Line($"sum = {Kernel.MultiplyAdd(p.Simd, weights, deltaVector, "sum")};");
            }

            string old = update ? weights : Kernel.Load(p.Simd, target, index);
            w.Line(Kernel.Store(p.Simd, Kernel.MultiplyAdd(p.Simd, deltaVector, "xv", old), target, index));
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
                w.Line($"var dv = {Kernel.Load(p.Simd, p.DeltaOut, "j")};");
                VectorColumn("wv", "dv", WeightIndex(0, "j"));
            }
        }

        for (int s = 0; s < p.Tail; s++)
        {
            int column = p.Vectors * p.Width + s;
            string ds = p.ColumnsInRegisters ? $"ds{s}" : Kernel.Element(p.DeltaOut, Kernel.Index(column));
            string weight = Kernel.Element(p.W, WeightIndex(column));
            if (delta)
            {
                w.Line($"sums = {Kernel.MultiplyAdd(type, weight, ds, "sums")};");
            }

            string element = Kernel.Element(target, WeightIndex(column));
            w.Line($"{element} = {Kernel.MultiplyAdd(type, ds, "x", element)};");
        }

        if (delta)
        {
            string dot = (p.Vectors > 0, p.Tail > 0) switch
            {
                (true, true) => $"{Kernel.Sum(p.Simd, "sum")} + sums",
                (true, false) => Kernel.Sum(p.Simd, "sum"),
                _ => "sums",
            };
            string? prime = ActivationSyntax.Derivative(
                inputActivation ?? ActivationKind.Identity, Kernel.Element(p.In, row), Kernel.Element(p.ZIn, row), p.Slope);
            string scaled = prime is null ? dot : (dot.Contains(" + ") ? $"({dot})" : dot) + " * " + prime;
            w.Line($"{Kernel.Element(p.DeltaIn, row)} = {scaled};");
        }
    }
}
