using System.Collections.Generic;
using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx.Messages;

/// <summary>onnx.ValueInfoProto: a graph input or output, its name and type.</summary>
internal sealed class ValueInfoProto : IProtoMessage
{
    private const int NameField = 1;
    private const int TypeField = 2;

    public string Name { get; set; } = "";

    public TypeProto? Type { get; set; }

    public long ComputeSize()
    {
        long size = ProtoWriter.StringFieldSize(NameField, Name);
        if (Type is not null)
        {
            size += ProtoWriter.MessageFieldSize(TypeField, Type);
        }

        return size;
    }

    public void WriteTo(ProtoWriter writer)
    {
        writer.WriteStringField(NameField, Name);
        if (Type is not null)
        {
            writer.WriteMessageField(TypeField, Type);
        }
    }

    public static ValueInfoProto Parse(ProtoReader reader)
    {
        var info = new ValueInfoProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case NameField:
                    reader.Expect(wireType, WireType.LengthDelimited, "ValueInfoProto.name");
                    info.Name = reader.ReadString();
                    break;
                case TypeField:
                    reader.Expect(wireType, WireType.LengthDelimited, "ValueInfoProto.type");
                    info.Type = TypeProto.Parse(reader.ReadMessage());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return info;
    }
}

/// <summary>onnx.TypeProto: NetGen reads and writes only its tensor_type case.</summary>
internal sealed class TypeProto : IProtoMessage
{
    private const int TensorTypeField = 1;

    public TensorTypeProto? TensorType { get; set; }

    public long ComputeSize() =>
        TensorType is null ? 0 : ProtoWriter.MessageFieldSize(TensorTypeField, TensorType);

    public void WriteTo(ProtoWriter writer)
    {
        if (TensorType is not null)
        {
            writer.WriteMessageField(TensorTypeField, TensorType);
        }
    }

    public static TypeProto Parse(ProtoReader reader)
    {
        var type = new TypeProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            if (field == TensorTypeField)
            {
                reader.Expect(wireType, WireType.LengthDelimited, "TypeProto.tensor_type");
                type.TensorType = TensorTypeProto.Parse(reader.ReadMessage());
            }
            else
            {
                // Sequence, map, optional and sparse tensor types leave TensorType null.
                reader.Skip(wireType);
            }
        }

        return type;
    }
}

/// <summary>onnx.TypeProto.Tensor: element type and (optional) shape.</summary>
internal sealed class TensorTypeProto : IProtoMessage
{
    private const int ElemTypeField = 1;
    private const int ShapeField = 2;

    public int ElemType { get; set; }

    public TensorShapeProto? Shape { get; set; }

    public long ComputeSize()
    {
        long size = ProtoWriter.Int64FieldSize(ElemTypeField, ElemType);
        if (Shape is not null)
        {
            size += ProtoWriter.MessageFieldSize(ShapeField, Shape);
        }

        return size;
    }

    public void WriteTo(ProtoWriter writer)
    {
        writer.WriteInt64Field(ElemTypeField, ElemType);
        if (Shape is not null)
        {
            writer.WriteMessageField(ShapeField, Shape);
        }
    }

    public static TensorTypeProto Parse(ProtoReader reader)
    {
        var tensor = new TensorTypeProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case ElemTypeField:
                    reader.Expect(wireType, WireType.Varint, "TypeProto.Tensor.elem_type");
                    tensor.ElemType = unchecked((int)reader.ReadInt64());
                    break;
                case ShapeField:
                    reader.Expect(wireType, WireType.LengthDelimited, "TypeProto.Tensor.shape");
                    tensor.Shape = TensorShapeProto.Parse(reader.ReadMessage());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return tensor;
    }
}

/// <summary>onnx.TensorShapeProto: one entry per dimension, each a number or a symbolic name.</summary>
internal sealed class TensorShapeProto : IProtoMessage
{
    private const int DimField = 1;

    public List<DimensionProto> Dims { get; } = new();

    public long ComputeSize()
    {
        long size = 0;
        foreach (DimensionProto dim in Dims)
        {
            size += ProtoWriter.MessageFieldSize(DimField, dim);
        }

        return size;
    }

    public void WriteTo(ProtoWriter writer)
    {
        foreach (DimensionProto dim in Dims)
        {
            writer.WriteMessageField(DimField, dim);
        }
    }

    public static TensorShapeProto Parse(ProtoReader reader)
    {
        var shape = new TensorShapeProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            if (field == DimField)
            {
                reader.Expect(wireType, WireType.LengthDelimited, "TensorShapeProto.dim");
                shape.Dims.Add(DimensionProto.Parse(reader.ReadMessage()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return shape;
    }
}

/// <summary>onnx.TensorShapeProto.Dimension: dim_value, dim_param, or neither (unknown).</summary>
internal sealed class DimensionProto : IProtoMessage
{
    private const int ValueField = 1;
    private const int ParamField = 2;

    public long? Value { get; set; }

    public string? Param { get; set; }

    public static DimensionProto Fixed(long value) => new() { Value = value };

    public static DimensionProto Symbolic(string name) => new() { Param = name };

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Param ?? "?";

    public long ComputeSize()
    {
        long size = 0;
        if (Value is { } value)
        {
            size += ProtoWriter.Int64FieldSize(ValueField, value);
        }

        if (Param is { } param)
        {
            size += ProtoWriter.StringFieldSize(ParamField, param);
        }

        return size;
    }

    public void WriteTo(ProtoWriter writer)
    {
        if (Value is { } value)
        {
            writer.WriteInt64Field(ValueField, value);
        }

        if (Param is { } param)
        {
            writer.WriteStringField(ParamField, param);
        }
    }

    public static DimensionProto Parse(ProtoReader reader)
    {
        var dim = new DimensionProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case ValueField:
                    reader.Expect(wireType, WireType.Varint, "TensorShapeProto.Dimension.dim_value");
                    dim.Value = reader.ReadInt64();
                    dim.Param = null;
                    break;
                case ParamField:
                    reader.Expect(wireType, WireType.LengthDelimited, "TensorShapeProto.Dimension.dim_param");
                    dim.Param = reader.ReadString();
                    dim.Value = null;
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return dim;
    }
}
