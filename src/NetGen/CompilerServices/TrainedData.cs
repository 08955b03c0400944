using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace NetGen.CompilerServices;

/// <summary>
/// Reads the trained parameters a model file gave at compile time. The generator writes them as one string literal
/// holding each value's IEEE 754 bits in UTF-16 code units, low 16 bits first (two per float, four per double): the
/// compiler stores the string once in the assembly and a span reads it in place, with nothing to parse and no copy on
/// little-endian processors.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TrainedData
{
    /// <summary>The values whose bits <paramref name="bits"/> holds.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <exception cref="ArgumentException">The string's length is not a whole number of values.</exception>
    public static ReadOnlySpan<T> Read<T>(string bits)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (bits.Length * sizeof(char) % Marshal.SizeOf<T>() != 0)
        {
            throw new ArgumentException($"{bits.Length} code units are not a whole number of {typeof(T).Name} values.", nameof(bits));
        }

        return BitConverter.IsLittleEndian ? MemoryMarshal.Cast<char, T>(bits.AsSpan()) : Reassemble<T>(bits);
    }

    /// <summary>Builds each value from its code units, low first, whatever the processor's byte order.</summary>
    internal static T[] Reassemble<T>(ReadOnlySpan<char> bits)
        where T : unmanaged
    {
        int units = Marshal.SizeOf<T>() / sizeof(char);
        var values = new T[bits.Length / units];
        for (int i = 0; i < values.Length; i++)
        {
            ulong pattern = 0;
            for (int k = units - 1; k >= 0; k--)
            {
                pattern = (pattern << 16) | bits[(i * units) + k];
            }

            values[i] = typeof(T) == typeof(float) ? (T)(object)BitConverter.UInt32BitsToSingle((uint)pattern)
                : typeof(T) == typeof(double) ? (T)(object)BitConverter.UInt64BitsToDouble(pattern)
                : throw new NotSupportedException($"Trained parameters are float or double, not {typeof(T).Name}.");
        }

        return values;
    }
}
