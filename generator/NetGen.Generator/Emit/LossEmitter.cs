using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits the cost J of one sample and the output delta δ(L+1) = dJ/dŷ ⊙ f′(z(L+1)) that starts backpropagation.
/// </summary>
internal static class LossEmitter
{
    /// <summary>Outputs up to which the loops over outputs are written out one by one.</summary>
    private const int UnrollOutputs = 16;

    public static void Emit(SourceWriter w, NetworkSpec spec, NumericType type)
    {
        // Only squared error exists so far: J = Σ ½(ŷ − y)², dJ/dŷ = ŷ − y.
        LayerSpec output = spec.OutputLayer;
        string t = type.Keyword;
        string a = $"a{output.Index + 1}";
        string d = $"d{output.Index + 1}";
        string prime = ActivationSyntax.Derivative(output.Activation, "ŷ") is null
            ? ""
            : $" ⊙ {ActivationSyntax.Symbol(output.Activation)}′(z{output.Index + 1})";

        w.Line("/// <summary>J = Σ ½(ŷ − y)² for one sample.</summary>");
        NetworkEmitter.EmitMemberAttributes(w, inline: true);
        using (w.Block($"private static {t} SquaredError(ref {t} {a}, ref {t} y)"))
        {
            w.Line($"{t} sum = {type.Literal(0)};");
            EachOutput(w, spec.OutputSize, j =>
            {
                w.Line($"var e = {Kernel.Element(a, j)} - {Kernel.Element("y", j)};");
                w.Line($"sum = {Kernel.MultiplyAdd(type, "e", "e", "sum")};");
            });
            w.Line($"return {type.Literal(0.5)} * sum;");
        }

        w.Line();
        w.Line($"/// <summary>δ{output.Index + 1} = (ŷ − y){prime}, the output delta of squared error; returns J = Σ ½(ŷ − y)².</summary>");
        NetworkEmitter.EmitMemberAttributes(w, inline: true);
        using (w.Block($"private static {t} SquaredErrorDelta(ref {t} {a}, ref {t} y, ref {t} {d})"))
        {
            w.Line($"{t} sum = {type.Literal(0)};");
            EachOutput(w, spec.OutputSize, j =>
            {
                string activation = Kernel.Element(a, j);
                w.Line($"var e = {activation} - {Kernel.Element("y", j)};");
                w.Line($"sum = {Kernel.MultiplyAdd(type, "e", "e", "sum")};");
                string? derivative = ActivationSyntax.Derivative(output.Activation, activation);
                w.Line($"{Kernel.Element(d, j)} = {(derivative is null ? "e" : $"e * {derivative}")};");
            });
            w.Line($"return {type.Literal(0.5)} * sum;");
        }
    }

    private static void EachOutput(SourceWriter w, int outputs, System.Action<string> body)
    {
        if (outputs <= UnrollOutputs)
        {
            for (int j = 0; j < outputs; j++)
            {
                using (w.Block())
                {
                    body(j.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return;
        }

        using (w.Block($"for (nuint j = 0; j < {outputs}; j++)"))
        {
            body("j");
        }
    }
}
