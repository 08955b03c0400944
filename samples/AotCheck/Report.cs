using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace AotCheck;

/// <summary>
/// Prints results so that two runs agree character for character exactly when they computed the same bits:
/// invariant culture, round-trippable ("R") numbers, and a checksum of the raw bits of longer spans.
/// </summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine("== " + title);
    }

    public static void Text(string label, string value) => Console.WriteLine(label + ": " + value);

    public static void Number<T>(string label, T value)
        where T : IFormattable =>
        Text(label, Format(value));

    /// <summary>Every value of a short span, round-trippable.</summary>
    public static void Values<T>(string label, ReadOnlySpan<T> values)
        where T : IFormattable
    {
        var text = new StringBuilder();
        for (int i = 0; i < values.Length; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(Format(values[i]));
        }

        Text(label, text.ToString());
    }

    /// <summary>The length and a checksum of the raw bits of a span (any difference in any bit changes it).</summary>
    public static void Digest<T>(string label, ReadOnlySpan<T> values)
        where T : unmanaged =>
        Text(label, string.Create(Invariant, $"{values.Length} values, fnv1a64 {Checksum(MemoryMarshal.AsBytes(values)):x16}"));

    /// <summary>FNV-1a, 64 bits.</summary>
    public static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    public static string Format<T>(T value)
        where T : IFormattable =>
        value is float or double or Half ? value.ToString("R", Invariant) : value.ToString(null, Invariant);

    /// <summary>Sum of squares, to show a parameter vector's size in one number.</summary>
    public static T SumOfSquares<T>(ReadOnlySpan<T> values)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        foreach (T v in values)
        {
            sum += v * v;
        }

        return sum;
    }
}
