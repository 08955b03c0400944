using System;
using System.Collections.Generic;
using Xunit;

namespace NetGen.Tests;

/// <summary>Deterministic samples and parameter selections for the numerical tests.</summary>
internal static class TestData
{
    /// <summary>
    /// Gradient tests need every ReLU pre-activation at least this far from the kink at 0: finite differences
    /// move z by about ε·|a| ≈ 1e−6, and float and double z differ by about 1e−6, so 1e−3 leaves a wide margin.
    /// </summary>
    public const double ReLUMargin = 1e-3;

    /// <summary>Networks with at most this many parameters get every gradient component checked.</summary>
    public const int FullGradientCheckLimit = 1_500;

    /// <summary>
    /// Budget for a partial check, in (checked components) × (parameters), which is what the finite differences
    /// on the reference cost: about 1e6 keeps a gradient test well under a second in a Debug build.
    /// </summary>
    private const long PartialCheckBudget = 1_000_000;

    /// <summary>
    /// <paramref name="rows"/> samples, inputs uniform in [−1, 1] and targets uniform in [0.1, 0.9], row-major.
    /// Candidate inputs that bring a ReLU pre-activation of the network's current parameters within
    /// <see cref="ReLUMargin"/> of 0 are skipped, so the result is also safe for finite differences.
    /// </summary>
    public static (float[] Inputs, float[] Targets) Samples(NetworkCase c, int rows, int seed)
    {
        ScalarReference reference = c.Reference();
        var random = new Random(seed);
        int inputSize = c.Spec.InputSize, outputSize = c.Spec.OutputSize;
        var inputs = new float[rows * inputSize];
        var targets = new float[rows * outputSize];
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = inputs.AsSpan(r * inputSize, inputSize);
            int attempts = 0;
            do
            {
                Assert.True(++attempts <= 1000, $"{c.Name}: no input keeps ReLU pre-activations away from 0.");
                Fill(random, row, -1, 1);
            }
            while (reference.MinAbsReLUPreActivation(row) <= ReLUMargin);

            Fill(random, targets.AsSpan(r * outputSize, outputSize), 0.1f, 0.9f);
        }

        return (inputs, targets);
    }

    public static void Fill(Random random, Span<float> values, float low, float high)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = low + (high - low) * random.NextSingle();
        }
    }

    /// <summary>
    /// The parameter indices a gradient test compares. Small networks: all of them. Larger ones: every bias and,
    /// for every column j of every W, one weight W[i][j] at a pseudo-random row i, plus the first and last
    /// weight of every layer, so that each vector lane and loop tail of the kernels is covered. When even that
    /// exceeds <see cref="PartialCheckBudget"/> (784 → 128 → 10), the block boundaries and a fixed random sample.
    /// </summary>
    public static int[] GradientIndices(NetworkSpec spec, int sampleSize = 48)
    {
        int count = spec.ParameterCount;
        var indices = new SortedSet<int>();
        if (count <= FullGradientCheckLimit)
        {
            for (int i = 0; i < count; i++)
            {
                indices.Add(i);
            }

            return [.. indices];
        }

        var random = new Random(12345);
        var boundaries = new SortedSet<int>();
        var columns = new SortedSet<int>();
        for (int l = 0; l < spec.WeightLayers; l++)
        {
            int fanIn = spec.LayerSizes[l], fanOut = spec.LayerSizes[l + 1];
            int w = spec.WeightOffset(l), b = spec.BiasOffset(l);
            boundaries.Add(w);
            boundaries.Add(b - 1);
            if (spec.Bias)
            {
                boundaries.Add(b);
                boundaries.Add(b + fanOut - 1);
            }

            for (int j = 0; j < fanOut; j++)
            {
                columns.Add(w + (random.Next(fanIn) * fanOut) + j);
                if (spec.Bias)
                {
                    columns.Add(b + j);
                }
            }
        }

        indices.UnionWith(boundaries);
        if ((long)(indices.Count + columns.Count) * count <= PartialCheckBudget)
        {
            indices.UnionWith(columns);
            return [.. indices];
        }

        while (indices.Count < sampleSize)
        {
            indices.Add(random.Next(count));
        }

        return [.. indices];
    }

    public static float[] Row(float[] values, int row, int length) => values.AsSpan(row * length, length).ToArray();
}
