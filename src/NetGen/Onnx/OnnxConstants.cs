using System.Numerics;

namespace NetGen.Onnx;

/// <summary>
/// The scalar initializers of the activations a double model writes as formulas, with the values NetGen's
/// <see cref="CompilerServices.ActivationFunctions"/> compute with (converted to the element type the same way).
/// </summary>
internal static class OnnxConstants
{
    public const string Zero = "zero";
    public const string One = "one";
    public const string Half = "half";
    public const string LeakySlope = "leaky_slope";
    public const string GeluCubic = "gelu_cubic";
    public const string SqrtTwoOverPi = "sqrt_2_over_pi";

    /// <summary>0.5, the ½ of GELU.</summary>
    public static T HalfValue<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(0.5);

    /// <summary>0.044715, the cubic coefficient of GELU's tanh approximation.</summary>
    public static T GeluCubicValue<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(0.044715);

    /// <summary>√(2/π), to the precision <see cref="CompilerServices.ActivationFunctions.GELU{T}(T)"/> uses.</summary>
    public static T SqrtTwoOverPiValue<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(0.79788456080286535588);
}
