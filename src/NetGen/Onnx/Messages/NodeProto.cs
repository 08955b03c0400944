using System.Collections.Generic;
using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx.Messages;

/// <summary>onnx.NodeProto: one operator call, its input and output value names and its attributes.</summary>
internal sealed class NodeProto : IProtoMessage
{
    private const int InputField = 1;
    private const int OutputField = 2;
    private const int NameField = 3;
    private const int OpTypeField = 4;
    private const int AttributeField = 5;
    private const int DomainField = 7;
    private const int OverloadField = 8;

    public List<string> Inputs { get; } = new();

    public List<string> Outputs { get; } = new();

    public string Name { get; set; } = "";

    public string OpType { get; set; } = "";

    public string Domain { get; set; } = "";

    /// <summary>With the domain and op_type, names the model-local function a node calls (read, never written).</summary>
    public string Overload { get; set; } = "";

    public List<AttributeProto> Attributes { get; } = new();

    /// <summary>The attribute called <paramref name="name"/>, or null.</summary>
    public AttributeProto? FindAttribute(string name) => Attributes.Find(a => a.Name == name);

    public long ComputeSize()
    {
        long size = 0;
        foreach (string input in Inputs)
        {
            size += ProtoWriter.StringFieldSize(InputField, input);
        }

        foreach (string output in Outputs)
        {
            size += ProtoWriter.StringFieldSize(OutputField, output);
        }

        size += ModelProto.OptionalStringSize(NameField, Name);
        size += ModelProto.OptionalStringSize(OpTypeField, OpType);
        foreach (AttributeProto attribute in Attributes)
        {
            size += ProtoWriter.MessageFieldSize(AttributeField, attribute);
        }

        size += ModelProto.OptionalStringSize(DomainField, Domain);
        return size;
    }

    public void WriteTo(ProtoWriter writer)
    {
        // Every input is written, even an empty name (an omitted optional input keeps its position).
        foreach (string input in Inputs)
        {
            writer.WriteStringField(InputField, input);
        }

        foreach (string output in Outputs)
        {
            writer.WriteStringField(OutputField, output);
        }

        ModelProto.WriteOptionalString(writer, NameField, Name);
        ModelProto.WriteOptionalString(writer, OpTypeField, OpType);
        foreach (AttributeProto attribute in Attributes)
        {
            writer.WriteMessageField(AttributeField, attribute);
        }

        ModelProto.WriteOptionalString(writer, DomainField, Domain);
    }

    public static NodeProto Parse(ProtoReader reader)
    {
        var node = new NodeProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case InputField:
                    reader.Expect(wireType, WireType.LengthDelimited, "NodeProto.input");
                    node.Inputs.Add(reader.ReadString());
                    break;
                case OutputField:
                    reader.Expect(wireType, WireType.LengthDelimited, "NodeProto.output");
                    node.Outputs.Add(reader.ReadString());
                    break;
                case NameField:
                    reader.Expect(wireType, WireType.LengthDelimited, "NodeProto.name");
                    node.Name = reader.ReadString();
                    break;
                case OpTypeField:
                    reader.Expect(wireType, WireType.LengthDelimited, "NodeProto.op_type");
                    node.OpType = reader.ReadString();
                    break;
                case AttributeField:
                    reader.Expect(wireType, WireType.LengthDelimited, "NodeProto.attribute");
                    node.Attributes.Add(AttributeProto.Parse(reader.ReadMessage()));
                    break;
                case DomainField:
                    reader.Expect(wireType, WireType.LengthDelimited, "NodeProto.domain");
                    node.Domain = reader.ReadString();
                    break;
                case OverloadField:
                    reader.Expect(wireType, WireType.LengthDelimited, "NodeProto.overload");
                    node.Overload = reader.ReadString();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return node;
    }
}
