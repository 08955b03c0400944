using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace NetGen.Onnx.Protobuf;

/// <summary>
/// Reads protobuf fields from a region of a byte array. Every read checks the bounds and throws
/// <see cref="OnnxFormatException"/> with the byte offset of the problem, so a truncated or corrupt file
/// never surfaces as an index or overflow exception. Embedded messages are read by sub-readers over their
/// own region (<see cref="ReadMessage"/>), so large payloads (tensor data) are never copied while parsing.
/// </summary>
internal struct ProtoReader
{
    /// <summary>Deeper nesting than this is not an ONNX model (ONNX models nest about six levels).</summary>
    private const int MaxDepth = 64;

    private readonly byte[] _data;
    private readonly int _end;
    private readonly int _depth;
    private int _position;

    /// <summary>Reads the first <paramref name="length"/> bytes of <paramref name="data"/> as one message.</summary>
    public ProtoReader(byte[] data, int length)
        : this(data, 0, length, 0)
    {
    }

    private ProtoReader(byte[] data, int start, int end, int depth)
    {
        _data = data;
        _position = start;
        _end = end;
        _depth = depth;
    }

    /// <summary>The offset of the next byte, from the start of the file.</summary>
    public readonly int Position => _position;

    /// <summary>Reads the next field's tag; false at the end of the message.</summary>
    public bool TryReadTag(out int field, out WireType wireType)
    {
        if (_position >= _end)
        {
            field = 0;
            wireType = default;
            return false;
        }

        int at = _position;
        ulong tag = ReadVarint();
        ulong number = tag >> 3;
        if (number == 0 || number > 536_870_911)
        {
            throw new OnnxFormatException($"Invalid protobuf field number {number} at byte {at}.");
        }

        field = (int)number;
        wireType = (WireType)(tag & 7);
        if (wireType is not (WireType.Varint or WireType.Fixed64 or WireType.LengthDelimited or WireType.Fixed32))
        {
            throw new OnnxFormatException($"Unsupported protobuf wire type {(int)wireType} for field {field} at byte {at}.");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        int at = _position;
        ulong value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _end)
            {
                throw new OnnxFormatException($"Truncated varint at byte {at}.");
            }

            byte b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                break;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new OnnxFormatException($"Varint longer than 64 bits at byte {at}.");
    }

    public long ReadInt64() => unchecked((long)ReadVarint());

    public float ReadFloat() => LittleEndian.ReadSingle(Take(4));

    public double ReadDouble() => LittleEndian.ReadDouble(Take(8));

    /// <summary>Reads a length-delimited payload as a region of the underlying array.</summary>
    public ReadOnlyMemory<byte> ReadBytes()
    {
        int length = ReadLength();
        var bytes = new ReadOnlyMemory<byte>(_data, _position, length);
        _position += length;
        return bytes;
    }

    public string ReadString()
    {
        int at = _position;
        int length = ReadLength();
        int start = _position;
        _position += length;
        try
        {
            return new UTF8Encoding(false, true).GetString(_data, start, length);
        }
        catch (ArgumentException e)
        {
            throw new OnnxFormatException($"Invalid UTF-8 string at byte {at}.", e);
        }
    }

    /// <summary>Returns a reader over the embedded message that follows, and moves past it.</summary>
    public ProtoReader ReadMessage()
    {
        if (_depth >= MaxDepth)
        {
            throw new OnnxFormatException($"Messages nested more than {MaxDepth} deep at byte {_position}.");
        }

        int length = ReadLength();
        var reader = new ProtoReader(_data, _position, _position + length, _depth + 1);
        _position += length;
        return reader;
    }

    /// <summary>Skips a field this reader does not need.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Take(8);
                break;
            case WireType.Fixed32:
                Take(4);
                break;
            default:
                ReadBytes();
                break;
        }
    }

    /// <summary>Reads one element, or a packed run of elements, of a repeated int64 field.</summary>
    public void ReadRepeatedInt64(WireType wireType, List<long> values, string name)
    {
        if (wireType == WireType.Varint)
        {
            values.Add(ReadInt64());
            return;
        }

        Expect(wireType, WireType.LengthDelimited, name);
        ProtoReader packed = ReadMessage();
        while (packed._position < packed._end)
        {
            values.Add(packed.ReadInt64());
        }
    }

    /// <summary>Reads one element, or a packed run of elements, of a repeated float field.</summary>
    public void ReadRepeatedFloat(WireType wireType, List<float> values, string name)
    {
        if (wireType == WireType.Fixed32)
        {
            values.Add(ReadFloat());
            return;
        }

        Expect(wireType, WireType.LengthDelimited, name);
        ReadOnlySpan<byte> bytes = PackedFixed(4, name);
        for (int i = 0; i < bytes.Length; i += 4)
        {
            values.Add(LittleEndian.ReadSingle(bytes.Slice(i)));
        }
    }

    /// <summary>Reads one element, or a packed run of elements, of a repeated double field.</summary>
    public void ReadRepeatedDouble(WireType wireType, List<double> values, string name)
    {
        if (wireType == WireType.Fixed64)
        {
            values.Add(ReadDouble());
            return;
        }

        Expect(wireType, WireType.LengthDelimited, name);
        ReadOnlySpan<byte> bytes = PackedFixed(8, name);
        for (int i = 0; i < bytes.Length; i += 8)
        {
            values.Add(LittleEndian.ReadDouble(bytes.Slice(i)));
        }
    }

    /// <summary>Throws unless a field arrived with the wire type its declaration gives it.</summary>
    public readonly void Expect(WireType actual, WireType expected, string name)
    {
        if (actual != expected)
        {
            throw new OnnxFormatException(
                $"Field {name} has protobuf wire type {(int)actual}, expected {(int)expected} (before byte {_position}).");
        }
    }

    private ReadOnlySpan<byte> PackedFixed(int elementSize, string name)
    {
        int at = _position;
        ReadOnlySpan<byte> bytes = ReadBytes().Span;
        if (bytes.Length % elementSize != 0)
        {
            throw new OnnxFormatException(
                $"Packed field {name} at byte {at} has {bytes.Length} bytes, not a multiple of {elementSize}.");
        }

        return bytes;
    }

    private int ReadLength()
    {
        int at = _position;
        ulong length = ReadVarint();
        if (length > (ulong)(_end - _position))
        {
            throw new OnnxFormatException(
                $"A field at byte {at} declares {length} bytes but only {_end - _position} remain in its message.");
        }

        return (int)length;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_end - _position < count)
        {
            throw new OnnxFormatException($"Truncated {count}-byte fixed field at byte {_position}.");
        }

        var span = new ReadOnlySpan<byte>(_data, _position, count);
        _position += count;
        return span;
    }
}
