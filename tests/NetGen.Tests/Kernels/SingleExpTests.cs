using System;
using System.Runtime.Intrinsics;
using NetGen.CompilerServices;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>The float vector exponential behind the vector sigmoid and tanh, against the double exponential.</summary>
public sealed class SingleExpTests
{
    private const double SmallestNormal = 1.1754943508222875E-38;

    /// <summary>Every 997th float bit pattern with e^x finite and not 0, both signs: about 2.2 million arguments.</summary>
    [Fact]
    public void Exp_IsWithin2Ulp_OverTheWholeRange()
    {
        double worst = 0;
        float worstAt = 0;
        for (int bits = 0; bits >= 0; bits += 997)
        {
            float magnitude = BitConverter.Int32BitsToSingle(bits);
            foreach (float x in new[] { magnitude, -magnitude })
            {
                if (!(x > -103.9f && x < 88.72f))
                {
                    continue;
                }

                double exact = Math.Exp(x);
                double ulp = exact < SmallestNormal ? Math.Pow(2, -149) : Math.Pow(2, Math.Floor(Math.Log2(exact)) - 23);
                double error = Math.Abs(SingleExp.Exp(Vector128.Create(x)).GetElement(0) - exact) / ulp;
                if (error > worst)
                {
                    worst = error;
                    worstAt = x;
                }
            }
        }

        Assert.True(worst <= 2, $"worst error {worst:F3} ulp at x = {worstAt:R}");
    }

    [Fact]
    public void Exp_OverflowsUnderflowsAndPropagatesNaN()
    {
        Vector128<float> result = SingleExp.Exp(Vector128.Create(89f, -104f, float.NaN, 0f));

        Assert.Equal(float.PositiveInfinity, result.GetElement(0));
        Assert.Equal(0f, result.GetElement(1));
        Assert.True(float.IsNaN(result.GetElement(2)));
        Assert.Equal(1f, result.GetElement(3));
        Assert.Equal(float.PositiveInfinity, SingleExp.Exp(Vector128.Create(float.PositiveInfinity)).GetElement(0));
        Assert.Equal(0f, SingleExp.Exp(Vector128.Create(float.NegativeInfinity)).GetElement(0));
    }

    /// <summary>Each width computes the same values as the 128-bit form, lane by lane.</summary>
    [Fact]
    public void Exp_AgreesAcrossWidths()
    {
        var x = new float[16];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = -100f + (i * 12.3f);
        }

        Vector256<float> wide = SingleExp.Exp(Vector256.Create(x));
        Vector512<float> widest = SingleExp.Exp(Vector512.Create(x));
        for (int i = 0; i < x.Length; i++)
        {
            float expected = SingleExp.Exp(Vector128.Create(x[i])).GetElement(0);
            Assert.Equal(expected, widest.GetElement(i));
            if (i < 8)
            {
                Assert.Equal(expected, wide.GetElement(i));
            }
        }
    }

    /// <summary>
    /// e^x − 1 over every 997th float bit pattern in [0, 88], tiny arguments included: relative accuracy holds near 0.
    /// The worst case is where n turns from 0 to 1 (x ≈ 0.347), about 2.3 ulp.
    /// </summary>
    [Fact]
    public void ExpMinusOne_IsWithin2Point5Ulp_FromZeroTo88()
    {
        double worst = 0;
        float worstAt = 0;
        for (int bits = 0; bits >= 0; bits += 997)
        {
            float x = BitConverter.Int32BitsToSingle(bits);
            if (!(x <= 88f))
            {
                break;
            }

            // Math.Exp(x) − 1 loses digits below 1e−5: there e^x − 1 = x + x²/2 + x³/6 to far below a float ulp.
            double exact = x < 1e-5 ? x + (x * (double)x / 2) + (x * (double)x * x / 6) : Math.Exp(x) - 1;
            if (exact == 0)
            {
                Assert.Equal(0f, SingleExp.ExpMinusOne(Vector128.Create(x)).GetElement(0));
                continue;
            }

            double ulp = exact < SmallestNormal ? Math.Pow(2, -149) : Math.Pow(2, Math.Floor(Math.Log2(exact)) - 23);
            double error = Math.Abs(SingleExp.ExpMinusOne(Vector128.Create(x)).GetElement(0) - exact) / ulp;
            if (error > worst)
            {
                worst = error;
                worstAt = x;
            }
        }

        Assert.True(worst <= 2.5, $"worst error {worst:F3} ulp at x = {worstAt:R}");
    }

    [Fact]
    public void ExpMinusOne_AgreesAcrossWidths()
    {
        var x = new float[16];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = i == 0 ? 1e-20f : i * 5.43f;
        }

        Vector256<float> wide = SingleExp.ExpMinusOne(Vector256.Create(x));
        Vector512<float> widest = SingleExp.ExpMinusOne(Vector512.Create(x));
        for (int i = 0; i < x.Length; i++)
        {
            float expected = SingleExp.ExpMinusOne(Vector128.Create(x[i])).GetElement(0);
            Assert.Equal(expected, widest.GetElement(i));
            if (i < 8)
            {
                Assert.Equal(expected, wide.GetElement(i));
            }
        }
    }
}
