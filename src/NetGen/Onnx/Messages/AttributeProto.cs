using System.Collections.Generic;
using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx.Messages;

/// <summary>onnx.AttributeProto: a named float, int or string attribute of a node (the kinds NetGen uses).</summary>
internal sealed class AttributeProto : IProtoMessage
{
    private const int NameField = 1;
    private const int FloatField = 2;
    private const int IntField = 3;
    private const int StringField = 4;
    private const int FloatsField = 7;
    private const int IntsField = 8;
    private const int TensorField = 5;
    private const int StringsField = 9;
    private const int TypeField = 20;
    private const int RefAttrNameField = 21;

    public string Name { get; set; } = "";

    public AttributeType Type { get; set; }

    public float Float { get; set; }

    public long Int { get; set; }

    public string String { get; set; } = "";

    public List<float> Floats { get; } = new();

    public List<long> Ints { get; } = new();

    /// <summary>The strings of a STRINGS attribute (an LSTM's or GRU's activations).</summary>
    public List<string> Strings { get; } = new();

    /// <summary>A tensor value (the value of Constant and ConstantOfShape nodes), when the attribute holds one.</summary>
    public TensorProto? Tensor { get; set; }

    /// <summary>In a function's node: the caller's attribute this one takes its value from (read, never written).</summary>
    public string RefAttrName { get; set; } = "";

    /// <summary>A copy of this attribute's value under another name (a function's attribute bound at a call).</summary>
    public AttributeProto Renamed(string name)
    {
        var copy = new AttributeProto { Name = name, Type = Type, Float = Float, Int = Int, String = String, Tensor = Tensor };
        copy.Floats.AddRange(Floats);
        copy.Ints.AddRange(Ints);
        copy.Strings.AddRange(Strings);
        return copy;
    }

    public static AttributeProto FromFloat(string name, float value) =>
        new() { Name = name, Type = AttributeType.Float, Float = value };

    public static AttributeProto FromInt(string name, long value) =>
        new() { Name = name, Type = AttributeType.Int, Int = value };

    public static AttributeProto FromString(string name, string value) =>
        new() { Name = name, Type = AttributeType.String, String = value };

    public long ComputeSize()
    {
        long size = ProtoWriter.StringFieldSize(NameField, Name);
        size += Type switch
        {
            AttributeType.Float => ProtoWriter.Fixed32FieldSize(FloatField),
            AttributeType.Int => ProtoWriter.Int64FieldSize(IntField, Int),
            AttributeType.String => ProtoWriter.StringFieldSize(StringField, String),
            AttributeType.Ints => IntsSize(),
            AttributeType.Strings => StringsSize(),
            AttributeType.Tensor when Tensor is not null => ProtoWriter.MessageFieldSize(TensorField, Tensor),
            _ => throw new System.InvalidOperationException($"Attribute type {Type} is not written by NetGen."),
        };
        return size + ProtoWriter.Int64FieldSize(TypeField, (long)Type);
    }

    public void WriteTo(ProtoWriter writer)
    {
        writer.WriteStringField(NameField, Name);
        switch (Type)
        {
            case AttributeType.Float:
                writer.WriteFloatField(FloatField, Float);
                break;
            case AttributeType.Int:
                writer.WriteInt64Field(IntField, Int);
                break;
            case AttributeType.String:
                writer.WriteStringField(StringField, String);
                break;
            case AttributeType.Ints:
                // Unpacked, one field per value: every protobuf parser reads repeated scalars either way.
                foreach (long value in Ints)
                {
                    writer.WriteInt64Field(IntsField, value);
                }

                break;
            case AttributeType.Strings:
                foreach (string value in Strings)
                {
                    writer.WriteStringField(StringsField, value);
                }

                break;
            case AttributeType.Tensor when Tensor is not null:
                writer.WriteMessageField(TensorField, Tensor);
                break;
            default:
                throw new System.InvalidOperationException($"Attribute type {Type} is not written by NetGen.");
        }

        writer.WriteInt64Field(TypeField, (long)Type);
    }

    private long StringsSize()
    {
        long size = 0;
        foreach (string value in Strings)
        {
            size += ProtoWriter.StringFieldSize(StringsField, value);
        }

        return size;
    }

    private long IntsSize()
    {
        long size = 0;
        foreach (long value in Ints)
        {
            size += ProtoWriter.Int64FieldSize(IntsField, value);
        }

        return size;
    }

    public static AttributeProto Parse(ProtoReader reader)
    {
        var attribute = new AttributeProto();
        AttributeType inferred = AttributeType.Undefined;
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case NameField:
                    reader.Expect(wireType, WireType.LengthDelimited, "AttributeProto.name");
                    attribute.Name = reader.ReadString();
                    break;
                case FloatField:
                    reader.Expect(wireType, WireType.Fixed32, "AttributeProto.f");
                    attribute.Float = reader.ReadFloat();
                    inferred = AttributeType.Float;
                    break;
                case IntField:
                    reader.Expect(wireType, WireType.Varint, "AttributeProto.i");
                    attribute.Int = reader.ReadInt64();
                    inferred = AttributeType.Int;
                    break;
                case StringField:
                    reader.Expect(wireType, WireType.LengthDelimited, "AttributeProto.s");
                    attribute.String = reader.ReadString();
                    inferred = AttributeType.String;
                    break;
                case FloatsField:
                    reader.ReadRepeatedFloat(wireType, attribute.Floats, "AttributeProto.floats");
                    inferred = AttributeType.Floats;
                    break;
                case IntsField:
                    reader.ReadRepeatedInt64(wireType, attribute.Ints, "AttributeProto.ints");
                    inferred = AttributeType.Ints;
                    break;
                case TensorField:
                    reader.Expect(wireType, WireType.LengthDelimited, "AttributeProto.t");
                    attribute.Tensor = TensorProto.Parse(reader.ReadMessage());
                    inferred = AttributeType.Tensor;
                    break;
                case StringsField:
                    reader.Expect(wireType, WireType.LengthDelimited, "AttributeProto.strings");
                    attribute.Strings.Add(reader.ReadString());
                    inferred = AttributeType.Strings;
                    break;
                case TypeField:
                    reader.Expect(wireType, WireType.Varint, "AttributeProto.type");
                    attribute.Type = (AttributeType)reader.ReadInt64();
                    break;
                case RefAttrNameField:
                    reader.Expect(wireType, WireType.LengthDelimited, "AttributeProto.ref_attr_name");
                    attribute.RefAttrName = reader.ReadString();
                    break;
                default:
                    // Tensor, graph and other kinds: NetGen reads none of them; the type field still names the kind.
                    reader.Skip(wireType);
                    break;
            }
        }

        // IR version 1 had no type discriminator: take the kind of the value that is present.
        if (attribute.Type == AttributeType.Undefined)
        {
            attribute.Type = inferred;
        }

        return attribute;
    }
}

/// <summary>onnx.AttributeProto.AttributeType.</summary>
internal enum AttributeType
{
    Undefined = 0,
    Float = 1,
    Int = 2,
    String = 3,
    Tensor = 4,
    Graph = 5,
    Floats = 6,
    Ints = 7,
    Strings = 8,
    Tensors = 9,
    Graphs = 10,
    SparseTensor = 11,
    SparseTensors = 12,
    TypeProto = 13,
    TypeProtos = 14,
}
