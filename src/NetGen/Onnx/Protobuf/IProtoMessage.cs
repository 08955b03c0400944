namespace NetGen.Onnx.Protobuf;

/// <summary>A protobuf message that can say how many bytes it takes and write itself.</summary>
internal interface IProtoMessage
{
    /// <summary>The number of bytes <see cref="WriteTo"/> writes.</summary>
    long ComputeSize();

    /// <summary>Writes the message's fields (without a tag or length of its own).</summary>
    void WriteTo(ProtoWriter writer);
}
