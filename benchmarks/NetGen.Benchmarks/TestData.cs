using System;

namespace NetGen.Benchmarks;

/// <summary>Fixed-seed inputs and targets, and a check that the two implementations agree.</summary>
internal static class TestData
{
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

    /// <summary>Throws unless the generated network and the baseline compute the same output (up to rounding).</summary>
    public static void EnsureSameOutput(ReadOnlySpan<float> generated, ReadOnlySpan<float> baseline)
    {
        for (int j = 0; j < generated.Length; j++)
        {
            float tolerance = 1e-5f * Math.Max(1f, Math.Abs(baseline[j]));
            if (!(Math.Abs(generated[j] - baseline[j]) <= tolerance))
            {
                throw new InvalidOperationException(
                    $"Output {j}: generated network {generated[j]}, baseline {baseline[j]}. The benchmark would compare different computations.");
            }
        }
    }
}
