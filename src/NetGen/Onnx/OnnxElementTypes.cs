using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Onnx.Messages;

namespace NetGen.Onnx;

/// <summary>Maps float and double to ONNX element types and converts tensor data to and from little-endian bytes.</summary>
internal static class OnnxElementTypes
{
    /// <summary>TensorProto.DataType of <typeparamref name="T"/>: FLOAT (1) or DOUBLE (11).</summary>
    public static int Of<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? TensorElementType.Float
        : typeof(T) == typeof(double) ? TensorElementType.Double
        : throw new NotSupportedException($"ONNX export supports float and double networks, not {typeof(T).Name}.");

    /// <summary>"float (FLOAT, 1)" or "double (DOUBLE, 11)", for messages.</summary>
    public static string Describe<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? "float (ONNX FLOAT, 1)" : "double (ONNX DOUBLE, 11)";

    /// <summary>The elements as IEEE 754 little-endian bytes, as raw_data stores them.</summary>
    public static byte[] ToBytes<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte[] bytes = new byte[values.Length * Unsafe.SizeOf<T>()];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(bytes);
        }
        else if (typeof(T) == typeof(float))
        {
            ReadOnlySpan<float> floats = MemoryMarshal.Cast<T, float>(values);
            for (int i = 0; i < floats.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), floats[i]);
            }
        }
        else
        {
            ReadOnlySpan<double> doubles = MemoryMarshal.Cast<T, double>(values);
            for (int i = 0; i < doubles.Length; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * i), doubles[i]);
            }
        }

        return bytes;
    }

    /// <summary>
    /// Copies a tensor's elements into <paramref name="destination"/> (whose length is the expected element count),
    /// from raw_data, float_data or double_data; throws <see cref="OnnxFormatException"/> if the tensor is not of
    /// type <typeparamref name="T"/> or holds a different number of elements.
    /// </summary>
    public static void CopyElements<T>(TensorProto tensor, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string name = $"Initializer '{tensor.Name}'";
        if (tensor.UnsupportedStorage is { } storage)
        {
            throw new OnnxFormatException($"{name} uses {storage}, which NetGen does not read.");
        }

        if (tensor.DataType != Of<T>())
        {
            throw new OnnxFormatException(
                $"{name} has element type {TensorElementType.Describe(tensor.DataType)}; the network's element type is {Describe<T>()}.");
        }

        int size = Unsafe.SizeOf<T>();
        if (tensor.RawData is { } raw)
        {
            if (raw.Length != destination.Length * size)
            {
                throw new OnnxFormatException(
                    $"{name} has {raw.Length} bytes of raw_data; {destination.Length} elements of {size} bytes need {destination.Length * size}.");
            }

            ReadOnlySpan<byte> bytes = raw.Span;
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = typeof(T) == typeof(float)
                    ? T.CreateTruncating(BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4)))
                    : T.CreateTruncating(BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(i * 8)));
            }

            return;
        }

        int count = typeof(T) == typeof(float) ? tensor.FloatData.Count : tensor.DoubleData.Count;
        if (count != destination.Length)
        {
            string field = typeof(T) == typeof(float) ? "float_data" : "double_data";
            throw new OnnxFormatException($"{name} has {count} elements in {field}; its shape needs {destination.Length}.");
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = typeof(T) == typeof(float)
                ? T.CreateTruncating(tensor.FloatData[i])
                : T.CreateTruncating(tensor.DoubleData[i]);
        }
    }
}
