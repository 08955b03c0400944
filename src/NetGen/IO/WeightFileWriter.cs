using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using System.Numerics;

namespace NetGen.IO;

/// <summary>Writes the NetGen binary weight format (docs/weight-format.md).</summary>
internal static class WeightFileWriter
{
    /// <summary>Parameters are encoded and written in chunks of at most this many bytes.</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Writes the header, the parameters and the CRC-32 of both to <paramref name="stream"/>.</summary>
    public static void Write<T>(INetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte elementType = WeightFileFormat.ElementTypeOf<T>();
        int elementSize = WeightFileFormat.ElementSize(elementType);
        NetworkShape.Validate(network);

        var crc = new Crc32();
        byte[] header = EncodeHeader(network, elementType);
        crc.Append(header);
        stream.Write(header);

        int parameterCount = network.ParameterCount;
        int valuesPerChunk = Math.Min(parameterCount, ChunkBytes / elementSize);
        byte[] chunk = new byte[valuesPerChunk * elementSize];
        for (int done = 0; done < parameterCount; done += valuesPerChunk)
        {
            int count = Math.Min(valuesPerChunk, parameterCount - done);
            Span<byte> bytes = chunk.AsSpan(0, count * elementSize);
            WeightCodec.Encode<T>(network.Parameters.Slice(done, count), bytes);
            crc.Append(bytes);
            stream.Write(bytes);
        }

        Span<byte> checksum = stackalloc byte[WeightFileFormat.ChecksumSize];
        BinaryPrimitives.WriteUInt32LittleEndian(checksum, crc.GetCurrentHashAsUInt32());
        stream.Write(checksum);
        stream.Flush();
    }

    private static byte[] EncodeHeader<T>(INetwork<T> network, byte elementType)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<int> sizes = network.LayerSizes;
        ReadOnlySpan<Activation> activations = network.Activations;
        byte[] header = new byte[WeightFileFormat.HeaderSize(sizes.Length)];
        Span<byte> at = header;

        WeightFileFormat.Magic.CopyTo(at);
        at = at.Slice(WeightFileFormat.Magic.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(at, WeightFileFormat.Version);
        at = at.Slice(sizeof(ushort));
        at[0] = elementType;
        at = at.Slice(1);
        BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)sizes.Length);
        at = at.Slice(sizeof(ushort));
        foreach (int size in sizes)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)size);
            at = at.Slice(sizeof(uint));
        }

        foreach (Activation activation in activations)
        {
            at[0] = checked((byte)activation);
            at = at.Slice(1);
        }

        BinaryPrimitives.WriteDoubleLittleEndian(at, network.LeakySlope);
        at = at.Slice(sizeof(double));
        at[0] = network.HasBias ? (byte)1 : (byte)0;
        at = at.Slice(1);
        BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)network.ParameterCount);
        at = at.Slice(sizeof(uint));

        if (!at.IsEmpty)
        {
            throw new InvalidOperationException("The header size does not match the fields written (a NetGen bug).");
        }

        return header;
    }
}
