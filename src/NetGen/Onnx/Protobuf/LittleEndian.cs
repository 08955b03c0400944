using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

// Also compiled into the generator (linked), whose netstandard2.0 has no floating-point BinaryPrimitives.
namespace NetGen.Onnx;

/// <summary>IEEE 754 values stored little-endian, as protobuf and ONNX's raw_data store them.</summary>
internal static class LittleEndian
{
    public static float ReadSingle(ReadOnlySpan<byte> bytes)
    {
#if NETGEN_GENERATOR
        Span<byte> value = stackalloc byte[4];
        bytes.Slice(0, 4).CopyTo(value);
        if (!BitConverter.IsLittleEndian)
        {
            value.Reverse();
        }

        return MemoryMarshal.Read<float>(value);
#else
        return BinaryPrimitives.ReadSingleLittleEndian(bytes);
#endif
    }

    public static double ReadDouble(ReadOnlySpan<byte> bytes)
    {
#if NETGEN_GENERATOR
        Span<byte> value = stackalloc byte[8];
        bytes.Slice(0, 8).CopyTo(value);
        if (!BitConverter.IsLittleEndian)
        {
            value.Reverse();
        }

        return MemoryMarshal.Read<double>(value);
#else
        return BinaryPrimitives.ReadDoubleLittleEndian(bytes);
#endif
    }

    public static void WriteSingle(Span<byte> bytes, float value)
    {
#if NETGEN_GENERATOR
        MemoryMarshal.Write(bytes, ref value);
        if (!BitConverter.IsLittleEndian)
        {
            bytes.Slice(0, 4).Reverse();
        }
#else
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
#endif
    }
}
