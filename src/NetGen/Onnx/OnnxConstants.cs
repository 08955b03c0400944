// Also compiled into the generator (linked).
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
    public const double HalfValue = 0.5;

    /// <summary>0.044715, the cubic coefficient of GELU's tanh approximation.</summary>
    public const double GeluCubicValue = 0.044715;

    /// <summary>√(2/π), to the precision NetGen's GELU uses (rounded to the element type as every constant is).</summary>
    public const double SqrtTwoOverPiValue = 0.79788456080286535588;
}
