using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Simd.Tests.Reference;

/// <summary>How one line of results compares with its bounds: the worst |actual − expected| / allowed, and every miss.</summary>
public sealed record Comparison(string Key, double WorstRatio, int WorstIndex, IReadOnlyList<string> Misses, int Count)
{
    /// <summary>Misses listed in full; the rest are counted.</summary>
    private const int Listed = 5;

    public bool Passed => Misses.Count == 0;

    /// <summary>
    /// Compares <paramref name="actual"/> element by element with <paramref name="expected"/>, allowing
    /// <paramref name="allowed"/>(i) at element i. NaN, infinities and length mismatches are misses.
    /// </summary>
    public static Comparison Of(string key, double[] actual, double[] center, Func<int, double> allowed)
    {
        var misses = new List<string>();
        if (actual.Length != center.Length)
        {
            misses.Add($"{actual.Length} values, expected {center.Length}");
            return new Comparison(key, double.PositiveInfinity, -1, misses, actual.Length);
        }

        double worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < actual.Length; i++)
        {
            double difference = Math.Abs(actual[i] - center[i]);
            double limit = allowed(i);
            double ratio = double.IsFinite(difference) ? difference / limit : double.PositiveInfinity;
            if (ratio > worst || worstIndex < 0)
            {
                worst = ratio;
                worstIndex = i;
            }

            if (!(difference <= limit))
            {
                misses.Add(string.Create(CultureInfo.InvariantCulture,
                    $"[{i}] {actual[i]:R} vs {center[i]:R}: |Δ| = {difference:E3} > {limit:E3}"));
            }
        }

        return new Comparison(key, worst, worstIndex, misses, actual.Length);
    }

    public static Comparison Of(string key, double[] actual, Approx[] expected, ErrorModel model) =>
        Of(key, actual, expected.Select(e => e.Value).ToArray(), i => model.Allowed(expected[i]));

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Key}: worst |Δ|/bound = {WorstRatio:E2} at [{WorstIndex}] of {Count}");
        if (!Passed)
        {
            text.Append(CultureInfo.InvariantCulture, $", {Misses.Count} outside the bound: ");
            text.Append(string.Join("; ", Misses.Take(Listed)));
            if (Misses.Count > Listed)
            {
                text.Append(CultureInfo.InvariantCulture, $"; … {Misses.Count - Listed} more");
            }
        }

        return text.ToString();
    }
}
