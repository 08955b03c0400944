using System;
using System.Globalization;
using System.Linq;

namespace NetGen.Matrix.Tests.Networks;

/// <summary>One network of the matrix: everything its <c>[Network(...)]</c> attribute says, plus a readable name.</summary>
/// <param name="ClassName">The generated class name, unique in the compiled assembly.</param>
/// <param name="Sizes">Input, hidden... and output sizes.</param>
/// <param name="Activations">One activation per weight layer (hidden..., output).</param>
/// <param name="PerLayer">Declare them with <c>Activations = new[] { ... }</c> instead of <c>Hidden</c>/<c>Output</c>.</param>
/// <param name="Loss">The cost J.</param>
/// <param name="IsDouble">Element type double (else float).</param>
/// <param name="Bias">Whether every layer has a bias vector.</param>
/// <param name="Tau">τ of the exponential cost (1 is the attribute's default and is then not written).</param>
/// <param name="LeakySlope">α of LeakyReLU (0.01 is the default and is then not written).</param>
internal sealed record MatrixSpec(
    string ClassName,
    int[] Sizes,
    Activation[] Activations,
    bool PerLayer,
    Loss Loss,
    bool IsDouble,
    bool Bias,
    double Tau = MatrixSpec.DefaultTau,
    double LeakySlope = MatrixSpec.DefaultLeakySlope)
{
    public const double DefaultTau = 1.0;
    public const double DefaultLeakySlope = 0.01;

    public Activation Output => Activations[^1];

    public int InputSize => Sizes[0];

    public int OutputSize => Sizes[^1];

    /// <summary>E.g. "GELU→Softmax/CrossEntropy/double/bias/4-7-6-3", "[ReLU,GELU,ELU]→Softmax/...", ".../τ=0.5".</summary>
    public string Name
    {
        get
        {
            string hidden = PerLayer
                ? "[" + string.Join(",", Activations[..^1]) + "]"
                : Activations[0].ToString();
            string name = $"{hidden}→{Output}/{Loss}/{(IsDouble ? "double" : "float")}/{(Bias ? "bias" : "nobias")}/"
                + string.Join("-", Sizes);
            if (Tau != DefaultTau)
            {
                name += "/τ=" + Tau.ToString(CultureInfo.InvariantCulture);
            }

            if (LeakySlope != DefaultLeakySlope)
            {
                name += "/α=" + LeakySlope.ToString(CultureInfo.InvariantCulture);
            }

            return name;
        }
    }

    /// <summary>The attribute and class declaration, as a user would write it.</summary>
    public string Declaration
    {
        get
        {
            string arguments = string.Join(", ", Sizes.Select(s => s.ToString(CultureInfo.InvariantCulture)));
            if (PerLayer)
            {
                arguments += ", Activations = new[] { "
                    + string.Join(", ", Activations.Select(a => "Activation." + a)) + " }";
            }
            else
            {
                arguments += $", Hidden = Activation.{Activations[0]}, Output = Activation.{Output}";
            }

            arguments += $", Loss = Loss.{Loss}, Bias = {(Bias ? "true" : "false")}";
            if (IsDouble)
            {
                arguments += ", ElementType = typeof(double)";
            }

            if (Tau != DefaultTau)
            {
                arguments += ", Tau = " + Tau.ToString("R", CultureInfo.InvariantCulture);
            }

            if (LeakySlope != DefaultLeakySlope)
            {
                arguments += ", LeakySlope = " + LeakySlope.ToString("R", CultureInfo.InvariantCulture);
            }

            return $"[Network({arguments})]{Environment.NewLine}public partial class {ClassName} {{ }}";
        }
    }

    public override string ToString() => Name;
}
