using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx.Messages;

/// <summary>onnx.OperatorSetIdProto: an operator set (domain and version) the model's nodes bind to.</summary>
internal sealed class OperatorSetIdProto : IProtoMessage
{
    private const int DomainField = 1;
    private const int VersionField = 2;

    /// <summary>"" (or "ai.onnx") is the default ONNX domain.</summary>
    public string Domain { get; set; } = "";

    public long Version { get; set; }

    public long ComputeSize() =>
        ModelProto.OptionalStringSize(DomainField, Domain) + ProtoWriter.Int64FieldSize(VersionField, Version);

    public void WriteTo(ProtoWriter writer)
    {
        ModelProto.WriteOptionalString(writer, DomainField, Domain);
        writer.WriteInt64Field(VersionField, Version);
    }

    public static OperatorSetIdProto Parse(ProtoReader reader)
    {
        var opset = new OperatorSetIdProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case DomainField:
                    reader.Expect(wireType, WireType.LengthDelimited, "OperatorSetIdProto.domain");
                    opset.Domain = reader.ReadString();
                    break;
                case VersionField:
                    reader.Expect(wireType, WireType.Varint, "OperatorSetIdProto.version");
                    opset.Version = reader.ReadInt64();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return opset;
    }
}
