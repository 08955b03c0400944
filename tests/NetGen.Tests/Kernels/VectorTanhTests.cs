using System;
using System.Runtime.Intrinsics;
using NetGen.CompilerServices;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>The vectorized float tanh against the double-precision tanh, across both of its branches.</summary>
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

    [Fact]
    public void VectorTanh_SaturatesAndPropagatesSpecialValues()
    {
        Vector128<float> result = ActivationFunctions.Tanh(Vector128.Create(50f, -50f, float.NaN, 0f));

        Assert.Equal(1f, result.GetElement(0));
        Assert.Equal(-1f, result.GetElement(1));
        Assert.True(float.IsNaN(result.GetElement(2)));
        Assert.Equal(0f, result.GetElement(3));
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
