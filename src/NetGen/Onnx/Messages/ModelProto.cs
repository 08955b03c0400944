using System.Collections.Generic;
using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx.Messages;

/// <summary>onnx.ModelProto: the file's top-level message (the fields NetGen reads or writes).</summary>
internal sealed class ModelProto : IProtoMessage
{
    private const int IrVersionField = 1;
    private const int ProducerNameField = 2;
    private const int ProducerVersionField = 3;
    private const int DocStringField = 6;
    private const int GraphField = 7;
    private const int OpsetImportField = 8;
    private const int FunctionsField = 25;

    public long IrVersion { get; set; }

    public string ProducerName { get; set; } = "";

    public string ProducerVersion { get; set; } = "";

    public string DocString { get; set; } = "";

    public GraphProto? Graph { get; set; }

    public List<OperatorSetIdProto> OpsetImports { get; } = new();

    /// <summary>The model-local functions (read, never written).</summary>
    public List<FunctionProto> Functions { get; } = new();

    public long ComputeSize()
    {
        long size = ProtoWriter.Int64FieldSize(IrVersionField, IrVersion);
        size += OptionalStringSize(ProducerNameField, ProducerName);
        size += OptionalStringSize(ProducerVersionField, ProducerVersion);
        size += OptionalStringSize(DocStringField, DocString);
        if (Graph is not null)
        {
            size += ProtoWriter.MessageFieldSize(GraphField, Graph);
        }

        foreach (OperatorSetIdProto opset in OpsetImports)
        {
            size += ProtoWriter.MessageFieldSize(OpsetImportField, opset);
        }

        return size;
    }

    public void WriteTo(ProtoWriter writer)
    {
        writer.WriteInt64Field(IrVersionField, IrVersion);
        WriteOptionalString(writer, ProducerNameField, ProducerName);
        WriteOptionalString(writer, ProducerVersionField, ProducerVersion);
        WriteOptionalString(writer, DocStringField, DocString);
        if (Graph is not null)
        {
            writer.WriteMessageField(GraphField, Graph);
        }

        foreach (OperatorSetIdProto opset in OpsetImports)
        {
            writer.WriteMessageField(OpsetImportField, opset);
        }
    }

    public static ModelProto Parse(ProtoReader reader)
    {
        var model = new ModelProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case IrVersionField:
                    reader.Expect(wireType, WireType.Varint, "ModelProto.ir_version");
                    model.IrVersion = reader.ReadInt64();
                    break;
                case ProducerNameField:
                    reader.Expect(wireType, WireType.LengthDelimited, "ModelProto.producer_name");
                    model.ProducerName = reader.ReadString();
                    break;
                case ProducerVersionField:
                    reader.Expect(wireType, WireType.LengthDelimited, "ModelProto.producer_version");
                    model.ProducerVersion = reader.ReadString();
                    break;
                case GraphField:
                    reader.Expect(wireType, WireType.LengthDelimited, "ModelProto.graph");
                    model.Graph = GraphProto.Parse(reader.ReadMessage());
                    break;
                case OpsetImportField:
                    reader.Expect(wireType, WireType.LengthDelimited, "ModelProto.opset_import");
                    model.OpsetImports.Add(OperatorSetIdProto.Parse(reader.ReadMessage()));
                    break;
                case FunctionsField:
                    reader.Expect(wireType, WireType.LengthDelimited, "ModelProto.functions");
                    model.Functions.Add(FunctionProto.Parse(reader.ReadMessage()));
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return model;
    }

    internal static long OptionalStringSize(int field, string value) =>
        value.Length == 0 ? 0 : ProtoWriter.StringFieldSize(field, value);

    internal static void WriteOptionalString(ProtoWriter writer, int field, string value)
    {
        if (value.Length != 0)
        {
            writer.WriteStringField(field, value);
        }
    }
}
