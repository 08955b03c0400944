using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits the call to the runtime's cost J of one sample, and <c>OutputDelta</c>, the output delta
/// δ(L+1) = dJ/dŷ ⊙ f′(z(L+1)) that starts backpropagation, over the runtime's loss kernels. Where the output
/// activation cancels a division (cross entropy through sigmoid or softmax, Hellinger through sigmoid or softmax) the
/// delta comes fused from one kernel; squared error with up to <see cref="UnrollOutputs"/> element-wise outputs is
/// written out here; otherwise the kernel writes dJ/dŷ and f′ is applied here.
/// </summary>
internal static class LossEmitter
{
    /// <summary>Outputs up to which the loop applying f′ is written out one by one.</summary>
    private const int UnrollOutputs = 16;

    /// <summary>The call that returns J of one sample from ŷ (<paramref name="output"/>) and y (<paramref name="target"/>).</summary>
    public static string CostCall(NetworkPlan plan, string output, string target)
    {
        NetworkSpec spec = plan.Spec;
        string tau = spec.Loss == Loss.Exponential ? ", " + plan.Type.Literal(spec.Tau) : "";
        return $"LossFunctions<{plan.Type.Keyword}>.{LossSyntax.CostKernel(spec.Loss, plan.OutputLayer.Activation)}({output}, {target}{tau})";
    }

    public static void Emit(SourceWriter w, NetworkPlan plan)
    {
        NetworkSpec spec = plan.Spec;
        LayerPlan output = plan.OutputLayer;
        NumericType type = plan.Type;
        string t = type.Keyword;
        string losses = $"LossFunctions<{t}>";
        string tau = type.Literal(spec.Tau);
        string slope = type.Literal(spec.LeakySlope);
        Activation activation = output.Activation;

        w.Line();
        string d = $"δ{output.Index + 1} = {LossSyntax.OutputDelta(spec.Loss, activation, output.Z)}";
        string? fused = LossSyntax.FusedDeltaKernel(spec.Loss, activation);
        w.Summary(fused is null ? $"{d}; returns J." : $"{d}, dJ/dŷ{ActivationSyntax.PrimeFactor(activation, output.Z)} in fused form; returns J.");
        // Squared error over few element-wise outputs is written out here (each δ computed in registers, not stored as
        // ŷ − y and read back); inlined like the fused kernels, it stays off the call path between the passes.
        bool writtenOut = spec.Loss == Loss.SquaredError && !ActivationSyntax.IsWholeLayer(activation) && output.Outputs <= UnrollOutputs;
        w.KernelAttributes(inline: fused is not null || writtenOut);

        string z = output.KeepsPreActivation ? $"ReadOnlySpan<{t}> z, " : "";
        using (w.Block($"private static {t} OutputDelta(ReadOnlySpan<{t}> output, {z}ReadOnlySpan<{t}> target, Span<{t}> delta)"))
        {
            if (fused is not null)
            {
                w.Line($"return {losses}.{fused}(output, target, delta);");
                return;
            }

            string? derivative = ActivationSyntax.Derivative(activation, "output[j]", "z[j]", slope);
            if (writtenOut)
            {
                EmitSquaredError(w, type, output.Outputs, derivative);
                return;
            }

            string gradient = spec.Loss switch
            {
                Loss.Exponential => $"ExponentialGradient(output, target, {tau}, delta)",
                Loss.Hellinger => "HellingerGradient(output, target, delta)",
                _ => "SquaredErrorGradient(output, target, delta)",
            };
            w.Line($"{t} cost = {losses}.{gradient};");
            if (ActivationSyntax.IsWholeLayer(activation))
            {
                w.Line($"{activation}Backward<{t}>(output, delta);");
            }
            else if (derivative is not null)
            {
                EachOutput(w, output.Outputs, j => w.Line($"delta[{j}] *= {derivative.Replace("[j]", $"[{j}]")};"));
            }

            w.Line("return cost;");
        }
    }

    /// <summary>J = Σ ½(y − ŷ)² and δ = (ŷ − y) ⊙ f′ one output at a time, each error e = ŷ − y kept in a register.</summary>
    private static void EmitSquaredError(SourceWriter w, NumericType type, int outputs, string? derivative)
    {
        string Delta(string j) => derivative is null ? $"delta[{j}] = e;" : $"delta[{j}] = e * {derivative.Replace("[j]", $"[{j}]")};";
        if (outputs == 1)
        {
            w.Line("var e = output[0] - target[0];");
            w.Line(Delta("0"));
            w.Line($"return {type.Literal(0.5)} * (e * e);");
            return;
        }

        w.Line($"{type.Keyword} sum = {type.Literal(0)};");
        EachOutput(w, outputs, j =>
        {
            using (w.Block())
            {
                w.Line($"var e = output[{j}] - target[{j}];");
                w.Line("sum += e * e;");
                w.Line(Delta(j));
            }
        });
        w.Line($"return {type.Literal(0.5)} * sum;");
    }

    private static void EachOutput(SourceWriter w, int outputs, System.Action<string> body)
    {
        if (outputs <= UnrollOutputs)
        {
            for (int j = 0; j < outputs; j++)
            {
                body(KernelSyntax.Literal(j));
            }

            return;
        }

        using (w.Block($"for (int j = 0; j < {KernelSyntax.Literal(outputs)}; j++)"))
        {
            body("j");
        }
    }
}
