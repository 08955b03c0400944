using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Onnx.Messages;

namespace NetGen.Onnx;

/// <summary>Maps float and double to ONNX element types and converts values to little-endian bytes (<see cref="TensorValues"/> reads them).</summary>
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
    /// The element type a model is read in for a network of <typeparamref name="T"/>: <typeparamref name="T"/>'s, or
    /// FLOAT for a double network when the graph's input is float (every float widens to double exactly).
    /// </summary>
    public static int ReadAs<T>(Messages.ModelProto model)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(double) && DenseGraph.InputElementType(model) == TensorElementType.Float ? TensorElementType.Float : Of<T>();
}
