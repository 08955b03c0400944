namespace NetGen.Onnx.Protobuf;

/// <summary>The protobuf wire types this reader and writer handle (groups, types 3 and 4, are obsolete).</summary>
internal enum WireType
{
    /// <summary>A base-128 varint: int32, int64, uint64, bool, enum.</summary>
    Varint = 0,

    /// <summary>Eight little-endian bytes: fixed64, sfixed64, double.</summary>
    Fixed64 = 1,

    /// <summary>A varint length, then that many bytes: string, bytes, embedded message, packed repeated field.</summary>
    LengthDelimited = 2,

    /// <summary>Four little-endian bytes: fixed32, sfixed32, float.</summary>
    Fixed32 = 5,
}
