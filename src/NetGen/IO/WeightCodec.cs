using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.IO;

/// <summary>Little-endian encoding of parameters, independent of the machine's byte order.</summary>
internal static class WeightCodec
{
    /// <summary>Writes <paramref name="values"/> as IEEE 754 little-endian into <paramref name="destination"/>.</summary>
    public static void Encode<T>(ReadOnlySpan<T> values, Span<byte> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            ReadOnlySpan<float> floats = MemoryMarshal.Cast<T, float>(values);
            for (int i = 0; i < floats.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(destination.Slice(i * sizeof(float)), floats[i]);
            }
        }
        else
        {
            ReadOnlySpan<double> doubles = MemoryMarshal.Cast<T, double>(values);
            for (int i = 0; i < doubles.Length; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(destination.Slice(i * sizeof(double)), doubles[i]);
            }
        }
    }

    /// <summary>Reads IEEE 754 little-endian values from <paramref name="source"/> into <paramref name="values"/>, bit for bit.</summary>
    public static void Decode<T>(ReadOnlySpan<byte> source, Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            Span<float> floats = MemoryMarshal.Cast<T, float>(values);
            for (int i = 0; i < floats.Length; i++)
            {
                floats[i] = BinaryPrimitives.ReadSingleLittleEndian(source.Slice(i * sizeof(float)));
            }
        }
        else
        {
            Span<double> doubles = MemoryMarshal.Cast<T, double>(values);
            for (int i = 0; i < doubles.Length; i++)
            {
                doubles[i] = BinaryPrimitives.ReadDoubleLittleEndian(source.Slice(i * sizeof(double)));
            }
        }
    }
}
