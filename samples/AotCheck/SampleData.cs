using System;
using System.Numerics;

namespace AotCheck;

/// <summary>
/// Deterministic data from integer arithmetic only (SplitMix64), so that every runtime and compiler produces the same
/// bits; and the three samples of the classic sleep/study example.
/// </summary>
internal static class SampleData
{
    /// <summary>(sleep / 10, study / 5) of the classic samples (3, 5), (5, 1), (10, 2).</summary>
    public static readonly double[] ClassicInputs = { 0.3, 1.0, 0.5, 0.2, 1.0, 0.4 };

    /// <summary>Score / 100 of the classic samples: 75, 82, 93.</summary>
    public static readonly double[] ClassicTargets = { 0.75, 0.82, 0.93 };

    /// <summary><paramref name="count"/> values uniform in [low, high), from <paramref name="seed"/>.</summary>
    public static T[] Uniform<T>(int count, ulong seed, double low, double high)
        where T : IFloatingPointIeee754<T>
    {
        var values = new T[count];
        ulong state = seed;
        for (int i = 0; i < count; i++)
        {
            // Top 53 bits as a double in [0, 1): exact, so the result does not depend on the platform.
            double unit = (Next(ref state) >> 11) * (1.0 / (1UL << 53));
            values[i] = T.CreateChecked(low + (high - low) * unit);
        }

        return values;
    }

    /// <summary>One-hot targets: row r has a 1 in column labels[r].</summary>
    public static T[] OneHot<T>(ReadOnlySpan<int> labels, int classes)
        where T : IFloatingPointIeee754<T>
    {
        var targets = new T[labels.Length * classes];
        Array.Fill(targets, T.Zero);
        for (int r = 0; r < labels.Length; r++)
        {
            targets[r * classes + labels[r]] = T.One;
        }

        return targets;
    }

    public static float[] ToSingle(ReadOnlySpan<double> values)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }

        return result;
    }

    private static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
