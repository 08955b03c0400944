using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>How each activation is called, differentiated and named in generated code.</summary>
internal static class ActivationSyntax
{
    /// <summary>f(z) applied to <paramref name="z"/> (scalar or vector: the kernels overload both).</summary>
    public static string Apply(ActivationKind activation, string z) => activation switch
    {
        ActivationKind.Identity => z,
        _ => $"{Kernel.ActivationFunctions}.{activation}({z})",
    };

    /// <summary>f′ computed from the activation's output <paramref name="a"/>, or <see langword="null"/> when f′ = 1.</summary>
    public static string? Derivative(ActivationKind activation, string a) => activation switch
    {
        ActivationKind.Identity => null,
        _ => $"{Kernel.ActivationFunctions}.{activation}Derivative({a})",
    };

    /// <summary>The function's symbol in math comments: σ, tanh, ReLU, or nothing for identity.</summary>
    public static string Symbol(ActivationKind activation) => activation switch
    {
        ActivationKind.Sigmoid => "σ",
        ActivationKind.Tanh => "tanh",
        ActivationKind.ReLU => "ReLU",
        _ => "",
    };

    /// <summary>f(x) written for comments, e.g. <c>σ(z2)</c>, or just <c>z2</c> for identity.</summary>
    public static string Formula(ActivationKind activation, string x) =>
        activation == ActivationKind.Identity ? x : $"{Symbol(activation)}({x})";

    /// <summary>The lower-case name used in summaries.</summary>
    public static string Name(ActivationKind activation) => activation switch
    {
        ActivationKind.Sigmoid => "sigmoid",
        ActivationKind.Tanh => "tanh",
        ActivationKind.ReLU => "ReLU",
        _ => "identity",
    };
}
