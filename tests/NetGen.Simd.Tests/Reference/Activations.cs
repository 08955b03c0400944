using System;

namespace NetGen.Simd.Tests.Reference;

/// <summary>
/// The activations of the probe's networks and their derivatives, written from their formulas in double, each with
/// the first-order bound of <see cref="ErrorModel"/>: how an error in the argument propagates (|f′|·Δz) plus the
/// activation's own rounding (<see cref="ErrorModel.ActivationUlps"/>·u times the size of what is computed).
/// Shares no code with NetGen.
/// </summary>
internal static class Activations
{
    /// <summary>√(2/π), the GELU scale.</summary>
    private static readonly double GeluScale = Math.Sqrt(2.0 / Math.PI);

    private const double GeluCubic = 0.044715;

    private const double C = ErrorModel.ActivationUlps;

    /// <summary>a = f(z) for an element-wise activation.</summary>
    public static Approx Apply(Activation activation, Approx z, ErrorModel model)
    {
        double u = model.U, v = z.Value;
        switch (activation)
        {
            case Activation.Identity:
                return z;

            case Activation.ReLU:
                return new Approx(v > 0 ? v : 0, z.Bound); // 1-Lipschitz, no rounding

            case Activation.Sigmoid:
            {
                double a = 1 / (1 + Math.Exp(-v));
                return new Approx(a, (a * (1 - a) * z.Bound) + (C * u * a));
            }

            case Activation.Tanh:
            {
                double a = Math.Tanh(v);
                return new Approx(a, ((1 - (a * a)) * z.Bound) + (C * u * Math.Abs(a)));
            }

            case Activation.GELU:
            {
                (double g, double t) = GeluInner(v);
                double a = 0.5 * v * (1 + t);
                // The tanh's own error, C·u·|t| plus its argument's rounding (1 − t²)·|g|·u, is scaled by ½|z|.
                double rounding = C * u * (Math.Abs(a) + (0.5 * Math.Abs(v) * (Math.Abs(t) + ((1 - (t * t)) * Math.Abs(g)))));
                return new Approx(a, (Math.Abs(GeluDerivative(v)) * z.Bound) + rounding);
            }

            default:
                throw new NotSupportedException($"No reference for a {activation} element-wise activation.");
        }
    }

    /// <summary>a_j = e^(z_j − m) / Σ_k e^(z_k − m), m = max z.</summary>
    public static Approx[] Softmax(Approx[] z, ErrorModel model)
    {
        double u = model.U;
        double max = double.NegativeInfinity, maxBound = 0;
        foreach (Approx zj in z)
        {
            max = Math.Max(max, zj.Value);
            maxBound = Math.Max(maxBound, zj.Bound);
        }

        var e = new double[z.Length];
        double sum = 0, maxShift = 0;
        for (int j = 0; j < z.Length; j++)
        {
            e[j] = Math.Exp(z[j].Value - max);
            sum += e[j];
            maxShift = Math.Max(maxShift, z[j].Value - max);
        }

        // da_j = a_j·(dz_j − Σ_k a_k·dz_k), so |da_j| ≤ a_j·(Δz_j + max Δz); rounding: the subtraction of m (relative
        // u·|z − m| in the exponent), exp (C·u), the n-term sum and the division.
        var a = new Approx[z.Length];
        for (int j = 0; j < z.Length; j++)
        {
            double aj = e[j] / sum;
            double relative = z[j].Bound + maxBound + (u * (Math.Abs(z[j].Value - max) + Math.Abs(maxShift))) + ((C + z.Length + 2) * u);
            a[j] = new Approx(aj, aj * relative);
        }

        return a;
    }

    /// <summary>f′ at z (for GELU) or from a = f(z) (the others), with its bound.</summary>
    public static Approx Derivative(Activation activation, Approx z, Approx a, ErrorModel model)
    {
        double u = model.U;
        switch (activation)
        {
            case Activation.Identity:
                return Approx.Exact(1);

            case Activation.ReLU:
                // 0 or 1; when z may lie on either side of the kink, either may be computed.
                return new Approx(z.Value > 0 ? 1 : 0, Math.Abs(z.Value) <= z.Bound ? 1 : 0);

            case Activation.Sigmoid:
            {
                double d = a.Value * (1 - a.Value);
                return new Approx(d, (Math.Abs(1 - (2 * a.Value)) * a.Bound) + (C * u * d));
            }

            case Activation.Tanh:
            {
                // 1 − a² rounds to within a few u absolutely (|a| ≤ 1).
                double d = 1 - (a.Value * a.Value);
                return new Approx(d, (2 * a.Magnitude * a.Bound) + (C * u));
            }

            case Activation.GELU:
            {
                double v = z.Value;
                (double g, double t) = GeluInner(v);
                double gPrime = GeluScale * (1 + (3 * GeluCubic * v * v));
                double d = GeluDerivative(v);
                // Rounding: each of the three terms, and the tanh's error scaled by ∂f′/∂t = ½ − z·t·g′.
                double terms = 0.5 + (0.5 * Math.Abs(t)) + (0.5 * Math.Abs(v) * (1 - (t * t)) * gPrime);
                double tanhError = Math.Abs(0.5 - (v * t * gPrime)) * (Math.Abs(t) + ((1 - (t * t)) * Math.Abs(g)));
                return new Approx(d, (Math.Abs(GeluSecondDerivative(v)) * z.Bound) + (C * u * (terms + tanhError)));
            }

            default:
                throw new NotSupportedException($"No reference for the derivative of {activation}.");
        }
    }

    /// <summary>g = √(2/π)·(z + 0.044715·z³) and t = tanh g.</summary>
    private static (double G, double T) GeluInner(double z)
    {
        double g = GeluScale * (z + (GeluCubic * z * z * z));
        return (g, Math.Tanh(g));
    }

    private static double GeluDerivative(double z)
    {
        (_, double t) = GeluInner(z);
        double gPrime = GeluScale * (1 + (3 * GeluCubic * z * z));
        return (0.5 * (1 + t)) + (0.5 * z * (1 - (t * t)) * gPrime);
    }

    /// <summary>f″ = (1 − t²)·(g′ + ½z·(g″ − 2t·g′²)), g′ = s(1 + 3cz²), g″ = 6scz.</summary>
    private static double GeluSecondDerivative(double z)
    {
        (_, double t) = GeluInner(z);
        double gPrime = GeluScale * (1 + (3 * GeluCubic * z * z));
        double gSecond = 6 * GeluScale * GeluCubic * z;
        return (1 - (t * t)) * (gPrime + (0.5 * z * (gSecond - (2 * t * gPrime * gPrime))));
    }
}
