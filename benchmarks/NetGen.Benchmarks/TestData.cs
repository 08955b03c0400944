using System;

namespace NetGen.Benchmarks;

/// <summary>Fixed-seed inputs and targets, and a check that two implementations agree.</summary>
internal static class TestData
{
    /// <summary>Relative tolerance of <see cref="EnsureSameOutput"/>: float rounding (summation order, FMA, activation approximations).</summary>
    public const float ForwardTolerance = 1e-5f;

    public static float[] Uniform(int length, int seed)
    {
        var random = new Random(seed);
        float[] values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2.0 - 1.0);
        }

        return values;
    }

    /// <summary>
    /// Throws unless the generated network and the baseline compute the same outputs: |generated − baseline| ≤
    /// tolerance·max(1, |baseline|) for every element.
    /// </summary>
    public static void EnsureSameOutput(
        ReadOnlySpan<float> generated, ReadOnlySpan<float> baseline, string what = "baseline", float tolerance = ForwardTolerance)
    {
        if (generated.Length != baseline.Length)
        {
            throw new InvalidOperationException($"{what}: {baseline.Length} outputs, the generated network {generated.Length}.");
        }

        for (int j = 0; j < generated.Length; j++)
        {
            float limit = tolerance * Math.Max(1f, Math.Abs(baseline[j]));
            if (!(Math.Abs(generated[j] - baseline[j]) <= limit))
            {
                throw new InvalidOperationException(
                    $"{what}, output {j}: generated network {generated[j]}, baseline {baseline[j]} (tolerance {limit}). " +
                    "The benchmark would compare different computations.");
            }
        }
    }

    /// <summary>Largest |a − b| over two equally long spans.</summary>
    public static float MaxDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float worst = 0f;
        for (int j = 0; j < a.Length; j++)
        {
            worst = Math.Max(worst, Math.Abs(a[j] - b[j]));
        }

        return worst;
    }
}
