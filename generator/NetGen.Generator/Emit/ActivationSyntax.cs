using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>How each activation is called, differentiated and named in generated code.</summary>
internal static class ActivationSyntax
{
    /// <summary>
    /// f(z) applied element-wise to <paramref name="z"/> (scalar or vector: the kernels overload both). Softmax is
    /// applied to the whole layer afterwards, so element-wise it passes z through.
    /// </summary>
    public static string Apply(ActivationKind activation, string z, string slope) => activation switch
    {
        ActivationKind.Identity or ActivationKind.Softmax => z,
        ActivationKind.LeakyReLU => $"{Kernel.ActivationFunctions}.LeakyReLU({z}, {slope})",
        _ => $"{Kernel.ActivationFunctions}.{activation}({z})",
    };

    /// <summary>
    /// f′ for element-wise activations, from the stored output <paramref name="a"/> (or pre-activation
    /// <paramref name="z"/> for GELU); <see langword="null"/> when f′ = 1. Softmax has no element-wise derivative.
    /// </summary>
    public static string? Derivative(ActivationKind activation, string a, string z, string slope) => activation switch
    {
        ActivationKind.Identity or ActivationKind.Softmax => null,
        ActivationKind.LeakyReLU => $"{Kernel.ActivationFunctions}.LeakyReLUDerivative({a}, {slope})",
        ActivationKind.GELU => $"{Kernel.ActivationFunctions}.GELUDerivative({z})",
        _ => $"{Kernel.ActivationFunctions}.{activation}Derivative({a})",
    };

    /// <summary>Whether backpropagation needs the pre-activation z kept, not only a = f(z).</summary>
    public static bool NeedsPreActivation(ActivationKind activation) => activation == ActivationKind.GELU;

    /// <summary>The function's symbol in math comments, or nothing for identity.</summary>
    public static string Symbol(ActivationKind activation) => activation switch
    {
        ActivationKind.Identity => "",
        ActivationKind.Sigmoid => "σ",
        ActivationKind.Tanh => "tanh",
        ActivationKind.Softplus => "softplus",
        ActivationKind.Softmax => "softmax",
        _ => activation.ToString(),
    };

    /// <summary>f(x) written for comments, e.g. <c>σ(z2)</c>, or just <c>z2</c> for identity.</summary>
    public static string Formula(ActivationKind activation, string x) =>
        activation == ActivationKind.Identity ? x : $"{Symbol(activation)}({x})";

    /// <summary>The name used in summaries.</summary>
    public static string Name(ActivationKind activation) => activation switch
    {
        ActivationKind.Identity => "identity",
        ActivationKind.Sigmoid => "sigmoid",
        ActivationKind.Tanh => "tanh",
        ActivationKind.Softplus => "softplus",
        ActivationKind.Softmax => "softmax",
        _ => activation.ToString(),
    };
}
