using System;
using System.Collections.Generic;
using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx.Messages;

/// <summary>
/// onnx.TensorProto: a named constant tensor. NetGen writes its elements as raw_data (little-endian IEEE 754) and
/// reads raw_data, float_data or double_data.
/// </summary>
internal sealed class TensorProto : IProtoMessage
{
    private const int DimsField = 1;
    private const int DataTypeField = 2;
    private const int SegmentField = 3;
    private const int FloatDataField = 4;
    private const int Int32DataField = 5;
    private const int StringDataField = 6;
    private const int Int64DataField = 7;
    private const int NameField = 8;
    private const int RawDataField = 9;
    private const int DoubleDataField = 10;
    private const int Uint64DataField = 11;
    private const int ExternalDataField = 13;
    private const int DataLocationField = 14;

    public List<long> Dims { get; } = new();

    /// <summary>A TensorProto.DataType value (<see cref="TensorElementType"/>).</summary>
    public int DataType { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The raw_data bytes, or null when the field is absent.</summary>
    public ReadOnlyMemory<byte>? RawData { get; set; }

    public List<float> FloatData { get; } = new();

    public List<double> DoubleData { get; } = new();

    /// <summary>int64_data: the values of INT64 tensors (shapes, axes and pads of constant nodes) stored without raw_data.</summary>
    public List<long> Int64Data { get; } = new();

    /// <summary>Set when a parsed tensor uses a storage NetGen does not read: external data, segments, int32, uint64 or string data.</summary>
    public string? UnsupportedStorage { get; private set; }

    public long ComputeSize()
    {
        long size = 0;
        foreach (long dim in Dims)
        {
            size += ProtoWriter.Int64FieldSize(DimsField, dim);
        }

        size += ProtoWriter.Int64FieldSize(DataTypeField, DataType);
        size += ModelProto.OptionalStringSize(NameField, Name);
        if (RawData is { } raw)
        {
            size += ProtoWriter.LengthDelimitedFieldSize(RawDataField, raw.Length);
        }

        if (FloatData.Count != 0 || DoubleData.Count != 0)
        {
            throw new InvalidOperationException("NetGen writes tensor elements as raw_data only.");
        }

        return size;
    }

    public void WriteTo(ProtoWriter writer)
    {
        foreach (long dim in Dims)
        {
            writer.WriteInt64Field(DimsField, dim);
        }

        writer.WriteInt64Field(DataTypeField, DataType);
        ModelProto.WriteOptionalString(writer, NameField, Name);
        if (RawData is { } raw)
        {
            writer.WriteBytesField(RawDataField, raw.Span);
        }
    }

    public static TensorProto Parse(ProtoReader reader)
    {
        var tensor = new TensorProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case DimsField:
                    reader.ReadRepeatedInt64(wireType, tensor.Dims, "TensorProto.dims");
                    break;
                case DataTypeField:
                    reader.Expect(wireType, WireType.Varint, "TensorProto.data_type");
                    tensor.DataType = unchecked((int)reader.ReadInt64());
                    break;
                case NameField:
                    reader.Expect(wireType, WireType.LengthDelimited, "TensorProto.name");
                    tensor.Name = reader.ReadString();
                    break;
                case RawDataField:
                    reader.Expect(wireType, WireType.LengthDelimited, "TensorProto.raw_data");
                    tensor.RawData = reader.ReadBytes();
                    break;
                case FloatDataField:
                    reader.ReadRepeatedFloat(wireType, tensor.FloatData, "TensorProto.float_data");
                    break;
                case DoubleDataField:
                    reader.ReadRepeatedDouble(wireType, tensor.DoubleData, "TensorProto.double_data");
                    break;
                case SegmentField:
                    tensor.UnsupportedStorage = "a segment (a tensor split into chunks)";
                    reader.Skip(wireType);
                    break;
                case Int64DataField:
                    reader.ReadRepeatedInt64(wireType, tensor.Int64Data, "TensorProto.int64_data");
                    break;
                case Int32DataField or StringDataField or Uint64DataField:
                    tensor.UnsupportedStorage = "integer or string data";
                    reader.Skip(wireType);
                    break;
                case ExternalDataField:
                    tensor.UnsupportedStorage = "external data (a separate weights file)";
                    reader.Skip(wireType);
                    break;
                case DataLocationField:
                    reader.Expect(wireType, WireType.Varint, "TensorProto.data_location");
                    if (reader.ReadInt64() != 0)
                    {
                        tensor.UnsupportedStorage = "external data (a separate weights file)";
                    }

                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return tensor;
    }
}

/// <summary>The TensorProto.DataType values NetGen uses.</summary>
internal static class TensorElementType
{
    public const int Float = 1;
    public const int Double = 11;

    /// <summary>A readable name for a data type number, for error messages.</summary>
    public static string Describe(int dataType) => dataType switch
    {
        0 => "UNDEFINED (0)",
        1 => "FLOAT (1)",
        2 => "UINT8 (2)",
        3 => "INT8 (3)",
        4 => "UINT16 (4)",
        5 => "INT16 (5)",
        6 => "INT32 (6)",
        7 => "INT64 (7)",
        8 => "STRING (8)",
        9 => "BOOL (9)",
        10 => "FLOAT16 (10)",
        11 => "DOUBLE (11)",
        12 => "UINT32 (12)",
        13 => "UINT64 (13)",
        16 => "BFLOAT16 (16)",
        _ => $"data type {dataType}",
    };
}
