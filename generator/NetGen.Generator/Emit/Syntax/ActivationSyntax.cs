namespace NetGen.Generator.Emit.Syntax;

/// <summary>
/// How each activation is called, differentiated and named in generated code (kernels import NetGen's
/// ActivationFunctions statically, so calls read <c>Sigmoid(z)</c>).
/// </summary>
internal static class ActivationSyntax
{
    /// <summary>
    /// f(z) applied element-wise to <paramref name="z"/> (scalar or vector: the kernels overload both). Softmax and
    /// LogSoftmax are applied to the whole layer afterwards, so element-wise they pass z through.
    /// </summary>
    public static string Apply(Activation activation, string z, string slope) => activation switch
    {
        Activation.Identity or Activation.Softmax or Activation.LogSoftmax => z,
        Activation.LeakyReLU => $"LeakyReLU({z}, {slope})",
        _ => $"{activation}({z})",
    };

    /// <summary>
    /// f′ for element-wise activations, from the stored output <paramref name="a"/> (or pre-activation
    /// <paramref name="z"/> for GELU); <see langword="null"/> when f′ = 1. Softmax has no element-wise derivative.
    /// </summary>
    public static string? Derivative(Activation activation, string a, string z, string slope) => activation switch
    {
        Activation.Identity or Activation.Softmax or Activation.LogSoftmax => null,
        Activation.LeakyReLU => $"LeakyReLUDerivative({a}, {slope})",
        Activation.GELU => $"GELUDerivative({z})",
        _ => $"{activation}Derivative({a})",
    };

    /// <summary>The function's symbol in math comments, or nothing for identity.</summary>
    public static string Symbol(Activation activation) => activation switch
    {
        Activation.Identity => "",
        Activation.Sigmoid => "σ",
        Activation.Tanh => "tanh",
        Activation.Softplus => "softplus",
        Activation.Softmax => "softmax",
        Activation.LogSoftmax => "log softmax",
        _ => activation.ToString(),
    };

    /// <summary>f(x) written for comments, e.g. <c>σ(z2)</c>, or just <c>z2</c> for identity.</summary>
    public static string Formula(Activation activation, string x) =>
        activation == Activation.Identity ? x : $"{Symbol(activation)}({x})";

    /// <summary>The "⊙ f′(z)" factor of a δ formula, or nothing when f is the identity.</summary>
    public static string PrimeFactor(Activation? activation, string z) =>
        activation is { } a && a != Activation.Identity
            ? IsWholeLayer(a) ? $" through the {Symbol(a)} Jacobian" : $" ⊙ {Symbol(a)}′({z})"
            : "";

    /// <summary>The name used in summaries.</summary>
    public static string Name(Activation activation) => activation switch
    {
        Activation.Identity => "identity",
        Activation.Sigmoid => "sigmoid",
        Activation.Tanh => "tanh",
        Activation.Softplus => "softplus",
        Activation.Softmax => "softmax",
        Activation.LogSoftmax => "log-softmax",
        _ => activation.ToString(),
    };

    /// <summary>Softmax and LogSoftmax: functions of the whole layer, applied after the element-wise pass.</summary>
    public static bool IsWholeLayer(Activation activation) => activation is Activation.Softmax or Activation.LogSoftmax;
}
