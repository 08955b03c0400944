using System;
using System.Numerics;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Optimizers;

/// <summary>Tolerances and comparisons for optimizer results against <see cref="ReferenceOptimizer"/>.</summary>
internal static class OptimizerAssert
{
    /// <summary>
    /// double: the reference and the product both compute in double and differ only in the order and grouping of
    /// a handful of operations per step (the product folds 1/(1 − β^t) into factors, scales √v instead of v,
    /// writes θ·(1 − ηλ) − …). Each step adds a few units of 1.1e−16 relative to the scale; after 20 steps that
    /// is below 1e−14, so 1e−12 leaves a factor of 100 and is still nine orders below a wrong formula.
    /// </summary>
    public const double DoubleTolerance = 1e-12;

    /// <summary>
    /// float: the product rounds every operation to float (unit roundoff u = 2^−24 ≈ 6e−8), the reference runs
    /// in double from the same float inputs and hyperparameters. A step rounds about five times per element and
    /// errors of the state and the parameters add up at most linearly over the 20 steps: ≤ 100·u ≈ 6e−6 of the
    /// scale in the worst case, about √100·u ≈ 6e−7 typically. Adam's bias correction 1 − β2^t is computed in
    /// float; with β2 = 0.999 that cancels (β2^t is rounded by up to 3e−8, 1 − β2^t is ≥ 0.002 for t ≥ 2), which
    /// costs up to 1.5e−5 of 1 − β2^t and half of that, 7.5e−6, of the update Δ at t = 2; but Δ is ≤ η ≤ 1e−2
    /// next to parameters of order 1, so it stays below 1e−7 of the parameter scale. 1e−5 covers these bounds and is still a thousand times below
    /// the error of a wrong formula (a wrong β, a missing bias correction, ε in the wrong place: ≥ 1e−2).
    /// </summary>
    public const double FloatTolerance = 1e-5;

    public static double Tolerance<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => typeof(T) == typeof(float) ? FloatTolerance : DoubleTolerance;

    /// <summary>
    /// |actual − expected| ≤ tolerance · scale, element by element (exact equality where the scale is 0). Returns
    /// the largest |actual − expected| / scale seen, for reporting.
    /// </summary>
    public static double Close<T>(ReadOnlySpan<T> actual, ReadOnlySpan<double> expected, ReadOnlySpan<double> scale, double tolerance, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double a = double.CreateChecked(actual[i]);
            double difference = Math.Abs(a - expected[i]);
            if (!(difference <= tolerance * scale[i]))
            {
                Assert.Fail(
                    $"{what}[{i}]: expected {expected[i]:R}, actual {a:R}, difference {difference:E3} > " +
                    $"tolerance {tolerance:E1} × scale {scale[i]:E3}.");
            }

            if (scale[i] > 0)
            {
                worst = Math.Max(worst, difference / scale[i]);
            }
        }

        return worst;
    }

    /// <summary>The product optimizer's first state (momentum velocity or Adam's m), or an empty span.</summary>
    public static ReadOnlySpan<T> First<T>(GradientOptimizer<T> optimizer)
        where T : unmanaged, IFloatingPointIeee754<T> => optimizer switch
        {
            MomentumOptimizer<T> momentum => momentum.Velocity,
            AdamOptimizer<T> adam => adam.FirstMoment,
            _ => default,
        };

    /// <summary>The product optimizer's second state (Adam's v or RMSProp's s), or an empty span.</summary>
    public static ReadOnlySpan<T> Second<T>(GradientOptimizer<T> optimizer)
        where T : unmanaged, IFloatingPointIeee754<T> => optimizer switch
        {
            AdamOptimizer<T> adam => adam.SecondMoment,
            RmsPropOptimizer<T> rmsProp => rmsProp.MeanSquare,
            _ => default,
        };

    public static double[] ToDouble<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = double.CreateChecked(values[i]);
        }

        return result;
    }

    public static double[] Abs(ReadOnlySpan<double> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = Math.Abs(values[i]);
        }

        return result;
    }
}
