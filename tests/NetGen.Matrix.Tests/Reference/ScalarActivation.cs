using System;

namespace NetGen.Matrix.Tests.Reference;

/// <summary>
/// The activations of contract 3, written out from their formulas in double, one scalar at a time. Shares no code
/// with NetGen's kernels or the generated networks.
/// </summary>
internal static class ScalarActivation
{
    /// <summary>√(2/π), the GELU scale.</summary>
    private static readonly double GeluScale = Math.Sqrt(2.0 / Math.PI);

    private const double GeluCubic = 0.044715;

    /// <summary>f(z) for an element-wise activation.</summary>
    public static double Apply(Activation activation, double z, double leakySlope) => activation switch
    {
        Activation.Identity => z,
        Activation.Sigmoid => 1.0 / (1.0 + Math.Exp(-z)),
        Activation.Tanh => Math.Tanh(z),
        Activation.ReLU => z > 0 ? z : 0.0,
        Activation.LeakyReLU => z > 0 ? z : leakySlope * z,
        Activation.Softplus => Softplus(z),
        Activation.ELU => z > 0 ? z : ExpMinusOne(z),
        Activation.GELU => 0.5 * z * (1.0 + Math.Tanh(GeluScale * (z + GeluCubic * z * z * z))),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Not an element-wise activation."),
    };

    /// <summary>a_j = z_j − max z − ln Σ_k e^(z_k − max z), written from its definition, not from Softmax.</summary>
    public static double[] LogSoftmax(double[] z)
    {
        double max = double.NegativeInfinity;
        foreach (double value in z)
        {
            max = Math.Max(max, value);
        }

        double sum = 0;
        foreach (double value in z)
        {
            sum += Math.Exp(value - max);
        }

        var a = new double[z.Length];
        for (int j = 0; j < z.Length; j++)
        {
            a[j] = z[j] - max - Math.Log(sum);
        }

        return a;
    }

    /// <summary>a_j = e^(z_j − max z) / Σ_k e^(z_k − max z).</summary>
    public static double[] Softmax(double[] z)
    {
        double max = double.NegativeInfinity;
        foreach (double value in z)
        {
            max = Math.Max(max, value);
        }

        var a = new double[z.Length];
        double sum = 0;
        for (int j = 0; j < z.Length; j++)
        {
            a[j] = Math.Exp(z[j] - max);
            sum += a[j];
        }

        for (int j = 0; j < z.Length; j++)
        {
            a[j] /= sum;
        }

        return a;
    }

    /// <summary>ln(1 + e^z) without overflow, and accurate for very negative z (where it is ≈ e^z).</summary>
    private static double Softplus(double z) =>
        z > 0 ? z + LogOnePlus(Math.Exp(-z)) : LogOnePlus(Math.Exp(z));

    /// <summary>ln(1 + x) for x ≥ 0, accurate also when x is tiny (Goldberg's correction of the rounded 1 + x).</summary>
    private static double LogOnePlus(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>e^z − 1 for z ≤ 0, accurate near 0 (Kahan's correction).</summary>
    private static double ExpMinusOne(double z)
    {
        double u = Math.Exp(z);
        if (u == 1.0)
        {
            return z;
        }

        double um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * z / Math.Log(u);
    }
}
