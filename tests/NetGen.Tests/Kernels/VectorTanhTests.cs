using System;
using System.Linq;
using System.Runtime.Intrinsics;
using NetGen.CompilerServices;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>The vectorized float tanh against the double-precision tanh, near 0, across the range and where it saturates.</summary>
public sealed class VectorTanhTests
{
    [Fact]
    public void VectorTanh_IsWithin3Point2e7Relative_OfExactTanh()
    {
        var random = new Random(7);
        double worst = 0;
        float worstAt = 0;
        for (int i = 0; i < 200_000; i++)
        {
            // Half the points near the branch point and zero, half across the saturating range, plus tiny magnitudes.
            float x = i % 2 == 0 ? (float)(random.NextDouble() * 2 - 1) : (float)((random.NextDouble() * 2 - 1) * 12);
            if (i % 100 == 0)
            {
                x = (float)(Math.Pow(10, -random.Next(1, 30)) * (random.Next(2) * 2 - 1));
            }

            double exact = Math.Tanh(x);
            double actual = ActivationFunctions.Tanh(Vector128.Create(x)).GetElement(0);
            double relative = exact == 0 ? Math.Abs(actual) : Math.Abs(actual - exact) / Math.Abs(exact);
            if (relative > worst)
            {
                worst = relative;
                worstAt = x;
            }
        }

        Assert.True(worst < 3.2e-7, $"worst relative error {worst:E3} at x = {worstAt:R}");
    }

    /// <summary>Every width: ±1 where tanh rounds to ±1 (|z| ≥ 9.5, infinities), NaN stays NaN, ±0 and tiny z are returned as they are.</summary>
    [Fact]
    public void VectorTanh_SaturatesAndPropagatesSpecialValues()
    {
        float[] z = [50f, -50f, float.NaN, 0f, -0f, float.PositiveInfinity, float.NegativeInfinity, 9.5f, -9.5f, 1e30f, -1e-40f, 1e-30f];
        float[] expected = [1f, -1f, float.NaN, 0f, -0f, 1f, -1f, 1f, -1f, 1f, -1e-40f, 1e-30f];
        var lanes = new float[16];
        z.CopyTo(lanes, 0);
        Vector128<float>[] narrow = [.. Enumerable.Range(0, 3).Select(g => ActivationFunctions.Tanh(Vector128.Create(lanes, g * 4)))];
        Vector256<float>[] wide = [ActivationFunctions.Tanh(Vector256.Create(lanes, 0)), ActivationFunctions.Tanh(Vector256.Create(lanes, 8))];
        Vector512<float> widest = ActivationFunctions.Tanh(Vector512.Create(lanes));
        for (int i = 0; i < z.Length; i++)
        {
            foreach (float actual in new[] { narrow[i / 4].GetElement(i % 4), wide[i / 8].GetElement(i % 8), widest.GetElement(i) })
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(actual) == BitConverter.SingleToInt32Bits(expected[i]) || (float.IsNaN(actual) && float.IsNaN(expected[i])),
                    $"tanh({z[i]:R}) = {actual:R}, expected {expected[i]:R}");
            }
        }
    }

    /// <summary>The 256- and 512-bit forms compute the 128-bit form's values, bit for bit.</summary>
    [Fact]
    public void VectorTanh_AgreesAcrossWidths()
    {
        var random = new Random(11);
        var x = new float[16];
        for (int round = 0; round < 2_000; round++)
        {
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = (float)((random.NextDouble() * 2 - 1) * (round % 2 == 0 ? 1 : 12));
            }

            Vector256<float> wide = ActivationFunctions.Tanh(Vector256.Create(x));
            Vector512<float> widest = ActivationFunctions.Tanh(Vector512.Create(x));
            for (int i = 0; i < x.Length; i++)
            {
                float expected = ActivationFunctions.Tanh(Vector128.Create(x[i])).GetElement(0);
                Assert.Equal(expected, widest.GetElement(i));
                if (i < 8)
                {
                    Assert.Equal(expected, wide.GetElement(i));
                }
            }
        }
    }

    [Fact]
    public void VectorTanh_AgreesAcrossLanes()
    {
        Vector128<float> z = Vector128.Create(-0.31f, -0.29f, 0.29f, 0.31f);
        Vector128<float> result = ActivationFunctions.Tanh(z);
        for (int lane = 0; lane < 4; lane++)
        {
            Assert.Equal(ActivationFunctions.Tanh(Vector128.Create(z.GetElement(lane))).GetElement(0), result.GetElement(lane));
        }
    }
}
