using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace NetGen.Onnx.Protobuf;

/// <summary>
/// Writes protobuf fields to a stream. A message is written as its fields in order; an embedded message needs its
/// size first (<see cref="IProtoMessage.ComputeSize"/>), so nothing is buffered twice. Sizes are counted in
/// <see cref="long"/> so that an oversized message is reported instead of wrapping around.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _count;

    public ProtoWriter(Stream stream) => _stream = stream;

    /// <summary>Bytes taken by <paramref name="value"/> as a varint (1 to 10).</summary>
    public static int VarintSize(ulong value)
    {
        int size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>Bytes taken by a field's tag.</summary>
    public static int TagSize(int field) => VarintSize((ulong)field << 3);

    /// <summary>Bytes taken by an int64 field (negative values take ten bytes, as protobuf encodes them).</summary>
    public static long Int64FieldSize(int field, long value) => TagSize(field) + VarintSize(unchecked((ulong)value));

    /// <summary>Bytes taken by a length-delimited field whose payload is <paramref name="length"/> bytes.</summary>
    public static long LengthDelimitedFieldSize(int field, long length) =>
        TagSize(field) + VarintSize((ulong)length) + length;

    /// <summary>Bytes taken by a string field (UTF-8).</summary>
    public static long StringFieldSize(int field, string value) =>
        LengthDelimitedFieldSize(field, Encoding.UTF8.GetByteCount(value));

    /// <summary>Bytes taken by an embedded message field.</summary>
    public static long MessageFieldSize(int field, IProtoMessage message) =>
        LengthDelimitedFieldSize(field, message.ComputeSize());

    /// <summary>Bytes taken by a float field.</summary>
    public static long Fixed32FieldSize(int field) => TagSize(field) + 4;

    public void WriteTag(int field, WireType wireType) => WriteVarint(((ulong)field << 3) | (uint)wireType);

    public void WriteVarint(ulong value)
    {
        EnsureRoom(10);
        while (value >= 0x80)
        {
            _buffer[_count++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_count++] = (byte)value;
    }

    public void WriteInt64Field(int field, long value)
    {
        WriteTag(field, WireType.Varint);
        WriteVarint(unchecked((ulong)value));
    }

    public void WriteFloatField(int field, float value)
    {
        WriteTag(field, WireType.Fixed32);
        EnsureRoom(4);
        LittleEndian.WriteSingle(_buffer.AsSpan(_count), value);
        _count += 4;
    }

    public void WriteStringField(int field, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        WriteBytesField(field, bytes);
    }

    public void WriteBytesField(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, WireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        WriteRaw(value);
    }

    public void WriteMessageField(int field, IProtoMessage message)
    {
        WriteTag(field, WireType.LengthDelimited);
        WriteVarint((ulong)message.ComputeSize());
        message.WriteTo(this);
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _count)
        {
            Flush();
            if (bytes.Length >= _buffer.Length)
            {
#if NETGEN_GENERATOR
                _stream.Write(bytes.ToArray(), 0, bytes.Length);
#else
                _stream.Write(bytes);
#endif
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
    }

    /// <summary>Hands every buffered byte to the stream (does not flush the stream itself).</summary>
    public void Flush()
    {
        if (_count > 0)
        {
            _stream.Write(_buffer, 0, _count);
            _count = 0;
        }
    }

    private void EnsureRoom(int bytes)
    {
        if (_buffer.Length - _count < bytes)
        {
            Flush();
        }
    }
}
