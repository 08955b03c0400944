using System;
using Xunit;

namespace NetGen.Tests;

/// <summary>Comparisons with explicit, justified tolerances.</summary>
internal static class NumericAssert
{
    /// <summary>
    /// Float forward pass vs the double reference. Float carries 24 bits (unit roundoff u ≈ 6e−8); a dot
    /// product of n terms accumulates about √n·u relative to the sum of |terms| in practice (n ≤ 784 here:
    /// ≈ 2e−6), and FMA kernels and exp/tanh add a few ulps. 1e−5 of max(1, |ŷ|) leaves a factor of 5–10.
    /// </summary>
    public const double ForwardTolerance = 1e-5;

    /// <summary>
    /// Float analytic gradient vs double finite differences: the double numeric gradient is accurate to about
    /// 1e−9 (truncation ε² ≈ 1e−12, cancellation 1e−16/ε ≈ 1e−10), so the error is the float rounding of the
    /// backward pass, about 1e−6 relative; 1e−4 is a factor of 100 above that and still far below the ~1e−1
    /// that a wrong gradient gives.
    /// </summary>
    public const double GradientRelativeTolerance = 1e-4;

    /// <summary>
    /// Two float computations of the same quantity that may differ only in summation order or FMA use
    /// (batch vs per-row, TrainStep vs AccumulateGradients): a few ulps, so 1e−5 of max(1, |value|).
    /// </summary>
    public const double ReassociationTolerance = 1e-5;

    public static void Close(double expected, double actual, double tolerance, string what)
    {
        if (!(Math.Abs(expected - actual) <= tolerance))
        {
            Assert.Fail($"{what}: expected {expected:R}, actual {actual:R}, difference {Math.Abs(expected - actual):E3} > tolerance {tolerance:E3}.");
        }
    }

    /// <summary>|expected − actual| ≤ tolerance · max(1, |expected|), element by element.</summary>
    public static void AllClose(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Close(expected[i], actual[i], tolerance * Math.Max(1, Math.Abs(expected[i])), $"{what}[{i}]");
        }
    }

    /// <summary>|expected − actual| ≤ tolerance · max(1, |expected|), element by element.</summary>
    public static void AllClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Close(expected[i], actual[i], tolerance * Math.Max(1, Math.Abs(expected[i])), $"{what}[{i}]");
        }
    }

    /// <summary>‖g − n‖ / ‖g + n‖, 0 when both are zero.</summary>
    public static double RelativeError(ReadOnlySpan<double> g, ReadOnlySpan<double> n)
    {
        Assert.Equal(g.Length, n.Length);
        double difference = 0, sum = 0;
        for (int i = 0; i < g.Length; i++)
        {
            difference += (g[i] - n[i]) * (g[i] - n[i]);
            sum += (g[i] + n[i]) * (g[i] + n[i]);
        }

        return difference == 0 ? 0 : Math.Sqrt(difference / sum);
    }

    /// <summary>Bitwise equality of two float sequences, with the first differing index in the message.</summary>
    public static void BitwiseEqual(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"{what}: first difference at [{i}]: expected {expected[i]:R}, actual {actual[i]:R}.");
            }
        }
    }

    /// <summary>Every element equals <paramref name="value"/> exactly (a plain loop: fast for 100,000 elements).</summary>
    public static void AllEqual(float value, ReadOnlySpan<float> actual, string what)
    {
        for (int i = 0; i < actual.Length; i++)
        {
            if (actual[i] != value)
            {
                Assert.Fail($"{what}: [{i}] is {actual[i]:R}, expected {value:R}.");
            }
        }
    }
}
