using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits <c>OutputCost</c>, the cost J of one sample, and <c>OutputDelta</c>, the output delta
/// δ(L+1) = dJ/dŷ ⊙ f′(z(L+1)) that starts backpropagation, over the runtime's loss kernels. Where the
/// output activation cancels a division (cross entropy through sigmoid or softmax, Hellinger through sigmoid or
/// softmax) the delta comes fused from one kernel; squared error with up to <see cref="UnrollOutputs"/> element-wise
/// outputs is written out here; otherwise the kernel writes dJ/dŷ and f′ is applied here.
/// </summary>
internal static class LossEmitter
{
    /// <summary>Outputs up to which the loop applying f′ is written out one by one.</summary>
    private const int UnrollOutputs = 16;

    public static void Emit(SourceWriter w, NetworkSpec spec, LayerPlan output)
    {
        string t = output.Type.Keyword;
        string losses = $"global::NetGen.Kernels.LossFunctions<{t}>";
        string span = $"global::System.Span<{t}>", readOnlySpan = $"global::System.ReadOnlySpan<{t}>";
        string tau = output.Type.Literal(spec.Tau);
        ActivationKind activation = output.Activation;

        w.Line($"/// <summary>J = {CostFormula(spec.Loss, activation)} for one sample.</summary>");
        NetworkEmitter.EmitMemberAttributes(w, inline: true);
        w.Line($"private static {t} OutputCost({readOnlySpan} output, {readOnlySpan} target) =>");
        w.Line($"    {losses}.{CostKernel(spec.Loss, activation)}(output, target{(spec.Loss == LossKind.Exponential ? ", " + tau : "")});");

        w.Line();
        string d = $"δ{output.Index + 1}";
        string? fused = FusedDeltaKernel(spec.Loss, activation);
        string prime = activation switch
        {
            ActivationKind.Identity => "",
            ActivationKind.Softmax => " through the softmax Jacobian",
            _ => $" ⊙ {ActivationSyntax.Symbol(activation)}′({output.Z})",
        };
        w.Line(fused is null
            ? $"/// <summary>{d} = dJ/dŷ{prime}, with dJ/dŷ = {GradientFormula(spec.Loss)}; returns J.</summary>"
            : $"/// <summary>{d} = {FusedFormula(spec.Loss, activation)}, dJ/dŷ{prime} in fused form; returns J.</summary>");
        // Squared error over few element-wise outputs is written out here (each δ computed in registers, not stored as
        // ŷ − y and read back); inlined like the fused kernels, it stays off the call path between the passes.
        bool writtenOut = spec.Loss == LossKind.SquaredError && activation != ActivationKind.Softmax && output.Outputs <= UnrollOutputs;
        NetworkEmitter.EmitMemberAttributes(w, inline: fused is not null || writtenOut);
        string z = output.KeepsPreActivation ? $"{readOnlySpan} z, " : "";
        using (w.Block($"private static {t} OutputDelta({readOnlySpan} output, {z}{readOnlySpan} target, {span} delta)"))
        {
            if (fused is not null)
            {
                w.Line($"return {losses}.{fused}(output, target, delta);");
                return;
            }

            string? derivative = ActivationSyntax.Derivative(activation, "output[j]", "z[j]", output.Slope);
            if (writtenOut)
            {
                w.Line($"{t} sum = {output.Type.Literal(0)};");
                EachOutput(w, output.Outputs, j =>
                {
                    using (w.Block())
                    {
                        w.Line($"var e = output[{j}] - target[{j}];");
                        w.Line("sum += e * e;");
                        w.Line(derivative is null ? $"delta[{j}] = e;" : $"delta[{j}] = e * {derivative.Replace("[j]", $"[{j}]")};");
                    }
                });
                w.Line($"return {output.Type.Literal(0.5)} * sum;");
                return;
            }

            string gradient = spec.Loss switch
            {
                LossKind.Exponential => $"ExponentialGradient(output, target, {tau}, delta)",
                LossKind.Hellinger => "HellingerGradient(output, target, delta)",
                _ => "SquaredErrorGradient(output, target, delta)",
            };
            w.Line($"var cost = {losses}.{gradient};");
            if (activation == ActivationKind.Softmax)
            {
                w.Line($"{Kernel.ActivationFunctions}.SoftmaxBackward<{t}>(output, delta);");
            }
            else if (derivative is not null)
            {
                EachOutput(w, output.Outputs, j => w.Line($"delta[{j}] *= {derivative.Replace("[j]", $"[{j}]")};"));
            }

            w.Line("return cost;");
        }
    }

    private static string CostKernel(LossKind loss, ActivationKind output) => loss switch
    {
        LossKind.CrossEntropy => output == ActivationKind.Softmax ? "CategoricalCrossEntropy" : "BinaryCrossEntropy",
        _ => loss.ToString(),
    };

    private static string? FusedDeltaKernel(LossKind loss, ActivationKind output) => (loss, output) switch
    {
        (LossKind.CrossEntropy, ActivationKind.Softmax) => "CategoricalCrossEntropyDelta",
        (LossKind.CrossEntropy, _) => "BinaryCrossEntropyDelta",
        (LossKind.Hellinger, ActivationKind.Sigmoid) => "HellingerSigmoidDelta",
        (LossKind.Hellinger, ActivationKind.Softmax) => "HellingerSoftmaxDelta",
        _ => null,
    };

    /// <summary>J of one sample as a formula, for comments.</summary>
    public static string CostFormula(LossKind loss, ActivationKind output) => loss switch
    {
        LossKind.CrossEntropy when output == ActivationKind.Softmax => "−Σ y ln ŷ",
        LossKind.CrossEntropy => "−Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]",
        LossKind.Exponential => "τ·exp((1/τ) Σ (ŷ − y)²)",
        LossKind.Hellinger => "(1/√2) Σ (√ŷ − √y)²",
        _ => "Σ ½(ŷ − y)²",
    };

    private static string GradientFormula(LossKind loss) => loss switch
    {
        LossKind.Exponential => "(2/τ)(ŷ − y)·J",
        LossKind.Hellinger => "(√ŷ − √y)/(√2·√ŷ)",
        _ => "ŷ − y",
    };

    private static string FusedFormula(LossKind loss, ActivationKind output) => (loss, output) switch
    {
        (LossKind.CrossEntropy, ActivationKind.Softmax) => "ŷ·Σy − y",
        (LossKind.CrossEntropy, _) => "ŷ − y",
        (LossKind.Hellinger, ActivationKind.Sigmoid) => "(√ŷ − √y)·√ŷ·(1 − ŷ)/√2",
        _ => "h − ŷ·Σh with h = (ŷ − √(y·ŷ))/√2",
    };

    private static void EachOutput(SourceWriter w, int outputs, System.Action<string> body)
    {
        if (outputs <= UnrollOutputs)
        {
            for (int j = 0; j < outputs; j++)
            {
                body(j.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return;
        }

        using (w.Block($"for (int j = 0; j < {outputs}; j++)"))
        {
            body("j");
        }
    }
}
