using System;

namespace NetGen.Simd.Tests.Reference;

/// <summary>
/// The rounding model behind every tolerance of these tests.
/// <para>
/// Each kernel operation is assumed to return the exact result of its rounded operands times (1 + ε), |ε| ≤ u, with
/// u = 2⁻²⁴ for float and 2⁻⁵³ for double, whatever the SIMD width, the summation order, or whether a multiply and an
/// add are fused (FMA only removes a rounding). Then (Higham, Accuracy and Stability of Numerical Algorithms, §3.1) a
/// sum of n terms computed in any order is within γₙ·Σ|terms| of the exact sum, γₙ = n·u/(1 − n·u) ≈ n·u, and a
/// product of two rounded factors x̂ŷ is within |x|·Δy + |y|·Δx + u·|xy|. Propagating these through the network
/// layer by layer, to first order in u, gives a bound that no correct kernel can exceed and that a structurally wrong
/// one (a lane lost in a tail, a wrong offset, a wrong activation) overshoots by orders of magnitude. Being a worst
/// case over dot products of up to 785 terms, it is 10² to 10⁴ times what correct kernels actually err by, too wide to
/// see an activation that is merely a few tens of ulps inaccurate: ActivationTests checks the activations on their own.
/// </para>
/// <para>
/// The vectorized activations are not correctly rounded: <see cref="ActivationUlps"/> allows each of them, and each
/// activation derivative, 16 units of u relative to its value (the current float tanh is documented at 3.2e−7 ≈ 5.4u,
/// float and double exp-based sigmoids at a few u). The double reference itself rounds too; its error has the same
/// first-order bound with u = 2⁻⁵³, so the bound is computed once with u = u(element type) + 2⁻⁵³.
/// </para>
/// </summary>
public sealed class ErrorModel
{
    /// <summary>Allowed error of a vectorized activation or derivative, in units of u, relative to its value.</summary>
    public const double ActivationUlps = 16;

    public static readonly double FloatUnitRoundoff = Math.ScaleB(1.0, -24);

    public static readonly double DoubleUnitRoundoff = Math.ScaleB(1.0, -53);

    private ErrorModel(double u, double underflow)
    {
        U = u;
        Underflow = underflow;
    }

    /// <summary>u of the element type plus u of the double reference.</summary>
    public double U { get; }

    /// <summary>
    /// Absolute slack for gradual underflow: the smallest normal number of the element type, far below every value the
    /// probe's data produce, but what a product that lands among the subnormals may lose.
    /// </summary>
    public double Underflow { get; }

    public static ErrorModel For(bool isDouble) =>
        isDouble
            ? new ErrorModel(2 * DoubleUnitRoundoff, 2.2250738585072014E-308)
            : new ErrorModel(FloatUnitRoundoff + DoubleUnitRoundoff, 1.1754943508222875E-38);

    /// <summary>γ(n) to first order: the bound factor of an n-term sum or dot product.</summary>
    public double Gamma(int n) => n * U;

    /// <summary>The allowed difference between a computed value and the reference.</summary>
    public double Allowed(Approx expected) => expected.Bound + Underflow;
}
