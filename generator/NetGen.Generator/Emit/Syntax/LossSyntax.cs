namespace NetGen.Generator.Emit.Syntax;

/// <summary>How each cost is written in comments and which runtime loss kernel computes it.</summary>
internal static class LossSyntax
{
    /// <summary>J of one sample as a formula.</summary>
    public static string Cost(Loss loss, Activation output) => loss switch
    {
        Loss.CrossEntropy when output == Activation.Softmax => "−Σ y ln ŷ",
        Loss.CrossEntropy when output == Activation.LogSoftmax => "−Σ y ŷ (ŷ = ln p: the negative log-likelihood)",
        Loss.CrossEntropy => "−Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]",
        Loss.Exponential => "τ·exp((1/τ) Σ (y − ŷ)²)",
        Loss.Hellinger => "(1/√2) Σ (√ŷ − √y)²",
        _ => "Σ ½(y − ŷ)²",
    };

    /// <summary>dJ/dŷ as a formula.</summary>
    public static string Gradient(Loss loss) => loss switch
    {
        Loss.Exponential => "−(2/τ)(y − ŷ)·J",
        Loss.Hellinger => "(√ŷ − √y)/(√2·√ŷ)",
        _ => "−(y − ŷ)",
    };

    /// <summary>δ of the output layer, dJ/dŷ ⊙ f′(z), as a formula; fused where the activation cancels a division.</summary>
    public static string OutputDelta(Loss loss, Activation output, string z) =>
        Fused(loss, output) ?? Gradient(loss) + ActivationSyntax.PrimeFactor(output, z);

    /// <summary>The fused form of δ where one runtime kernel computes it, else <see langword="null"/>.</summary>
    public static string? Fused(Loss loss, Activation output) => (loss, output) switch
    {
        (Loss.CrossEntropy, Activation.Softmax) => "ŷ·Σy − y",
        (Loss.CrossEntropy, Activation.LogSoftmax) => "e^ŷ·Σy − y",
        (Loss.CrossEntropy, _) => "ŷ − y",
        (Loss.Hellinger, Activation.Sigmoid) => "(√ŷ − √y)·√ŷ·(1 − ŷ)/√2",
        (Loss.Hellinger, Activation.Softmax) => "h − ŷ·Σh with h = (ŷ − √(y·ŷ))/√2",
        _ => null,
    };

    /// <summary>The runtime kernel that returns J.</summary>
    public static string CostKernel(Loss loss, Activation output) => loss switch
    {
        Loss.CrossEntropy => output switch
        {
            Activation.Softmax => "CategoricalCrossEntropy",
            Activation.LogSoftmax => "NegativeLogLikelihood",
            _ => "BinaryCrossEntropy",
        },
        _ => loss.ToString(),
    };

    /// <summary>The runtime kernel that writes the fused δ and returns J, or <see langword="null"/>.</summary>
    public static string? FusedDeltaKernel(Loss loss, Activation output) => (loss, output) switch
    {
        (Loss.CrossEntropy, Activation.Softmax) => "CategoricalCrossEntropyDelta",
        (Loss.CrossEntropy, Activation.LogSoftmax) => "NegativeLogLikelihoodDelta",
        (Loss.CrossEntropy, _) => "BinaryCrossEntropyDelta",
        (Loss.Hellinger, Activation.Sigmoid) => "HellingerSigmoidDelta",
        (Loss.Hellinger, Activation.Softmax) => "HellingerSoftmaxDelta",
        _ => null,
    };

    /// <summary>The loss's name in summaries.</summary>
    public static string Name(Loss loss, double tau) => loss switch
    {
        Loss.CrossEntropy => "cross entropy",
        Loss.Exponential => $"exponential cost with τ = {tau.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}",
        Loss.Hellinger => "Hellinger distance",
        _ => "squared error",
    };
}
