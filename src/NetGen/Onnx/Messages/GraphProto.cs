using System.Collections.Generic;
using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx.Messages;

/// <summary>onnx.GraphProto: nodes in topological order, initializers (constant tensors), inputs and outputs.</summary>
internal sealed class GraphProto : IProtoMessage
{
    private const int NodeField = 1;
    private const int NameField = 2;
    private const int InitializerField = 5;
    private const int DocStringField = 10;
    private const int InputField = 11;
    private const int OutputField = 12;
    private const int SparseInitializerField = 15;

    public List<NodeProto> Nodes { get; } = new();

    public string Name { get; set; } = "";

    public List<TensorProto> Initializers { get; } = new();

    public string DocString { get; set; } = "";

    public List<ValueInfoProto> Inputs { get; } = new();

    public List<ValueInfoProto> Outputs { get; } = new();

    /// <summary>How many sparse initializers a parsed graph has (NetGen reads none).</summary>
    public int SparseInitializerCount { get; set; }

    public long ComputeSize()
    {
        long size = 0;
        foreach (NodeProto node in Nodes)
        {
            size += ProtoWriter.MessageFieldSize(NodeField, node);
        }

        size += ModelProto.OptionalStringSize(NameField, Name);
        foreach (TensorProto initializer in Initializers)
        {
            size += ProtoWriter.MessageFieldSize(InitializerField, initializer);
        }

        size += ModelProto.OptionalStringSize(DocStringField, DocString);
        foreach (ValueInfoProto input in Inputs)
        {
            size += ProtoWriter.MessageFieldSize(InputField, input);
        }

        foreach (ValueInfoProto output in Outputs)
        {
            size += ProtoWriter.MessageFieldSize(OutputField, output);
        }

        return size;
    }

    public void WriteTo(ProtoWriter writer)
    {
        foreach (NodeProto node in Nodes)
        {
            writer.WriteMessageField(NodeField, node);
        }

        ModelProto.WriteOptionalString(writer, NameField, Name);
        foreach (TensorProto initializer in Initializers)
        {
            writer.WriteMessageField(InitializerField, initializer);
        }

        ModelProto.WriteOptionalString(writer, DocStringField, DocString);
        foreach (ValueInfoProto input in Inputs)
        {
            writer.WriteMessageField(InputField, input);
        }

        foreach (ValueInfoProto output in Outputs)
        {
            writer.WriteMessageField(OutputField, output);
        }
    }

    public static GraphProto Parse(ProtoReader reader)
    {
        var graph = new GraphProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case NodeField:
                    reader.Expect(wireType, WireType.LengthDelimited, "GraphProto.node");
                    graph.Nodes.Add(NodeProto.Parse(reader.ReadMessage()));
                    break;
                case NameField:
                    reader.Expect(wireType, WireType.LengthDelimited, "GraphProto.name");
                    graph.Name = reader.ReadString();
                    break;
                case InitializerField:
                    reader.Expect(wireType, WireType.LengthDelimited, "GraphProto.initializer");
                    graph.Initializers.Add(TensorProto.Parse(reader.ReadMessage()));
                    break;
                case InputField:
                    reader.Expect(wireType, WireType.LengthDelimited, "GraphProto.input");
                    graph.Inputs.Add(ValueInfoProto.Parse(reader.ReadMessage()));
                    break;
                case OutputField:
                    reader.Expect(wireType, WireType.LengthDelimited, "GraphProto.output");
                    graph.Outputs.Add(ValueInfoProto.Parse(reader.ReadMessage()));
                    break;
                case SparseInitializerField:
                    graph.SparseInitializerCount++;
                    reader.Skip(wireType);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return graph;
    }
}
