using System;
using System.Collections.Generic;

namespace NetGen.Matrix.Tests.Support;

/// <summary>The error measures the tests assert on.</summary>
internal static class Errors
{
    /// <summary>‖g − n‖₂ / ‖g + n‖₂, the usual gradient-check measure; 0 when both are zero.</summary>
    public static double GradientRelative(IReadOnlyList<double> g, IReadOnlyList<double> n)
    {
        Check(g, n);
        double difference = 0, sum = 0;
        for (int i = 0; i < g.Count; i++)
        {
            difference += (g[i] - n[i]) * (g[i] - n[i]);
            sum += (g[i] + n[i]) * (g[i] + n[i]);
        }

        return difference == 0 ? 0 : Math.Sqrt(difference) / Math.Sqrt(sum);
    }

    /// <summary>‖actual − expected‖∞ / ‖expected‖∞ (NaN or ∞ in actual give ∞); 0 when both are zero.</summary>
    public static double VectorRelative(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        Check(actual, expected);
        double difference = 0, scale = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            double d = Math.Abs(actual[i] - expected[i]);
            difference = double.IsNaN(d) ? double.PositiveInfinity : Math.Max(difference, d);
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }

        return difference == 0 ? 0 : difference / scale;
    }

    /// <summary>|actual − expected| / |expected| (NaN gives ∞).</summary>
    public static double ScalarRelative(double actual, double expected)
    {
        double d = Math.Abs(actual - expected);
        return double.IsNaN(d) ? double.PositiveInfinity : d == 0 ? 0 : d / Math.Abs(expected);
    }

    private static void Check(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"Lengths differ: {a.Count} and {b.Count}.");
        }
    }
}
