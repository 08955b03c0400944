using System;

namespace NetGen.IO;

/// <summary>
/// Recognizes what a file handed to the wrong reader looks like, so that the error names the call that reads it
/// instead of a protobuf wire type or a JSON token.
/// </summary>
internal static class FileKind
{
    /// <summary>
    /// " It looks like …; read it with …." for a file that is JSON text, an ONNX model or a NetGen weight file, other
    /// than <paramref name="expected"/>'s kind; empty otherwise.
    /// </summary>
    public static string Hint(ReadOnlySpan<byte> head, Kind expected)
    {
        Kind found = Of(head);
        return found == expected || found == Kind.Unknown ? "" : found switch
        {
            Kind.Json => " The file looks like JSON text: a PyTorch state_dict is read by PyTorchWeights.Load, a Keras model by " +
                "KerasWeights.Load, an RTNeural model by RTNeuralWeights.Load.",
            Kind.Onnx => " The file looks like an ONNX model (binary protobuf): read it with OnnxModel.Load.",
            _ => " The file looks like a NetGen weight file: read it with NetworkWeights.Load.",
        };
    }

    public static Kind Of(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(WeightFileFormat.Magic))
        {
            return Kind.NetGenWeights;
        }

        ReadOnlySpan<byte> text = head.StartsWith("\uFEFF"u8) ? head.Slice(3) : head;
        text = text.TrimStart(" \t\r\n"u8);
        if (text.Length > 0 && text[0] is (byte)'{' or (byte)'[')
        {
            return Kind.Json;
        }

        // ModelProto starts with ir_version (field 1, varint: tag 0x08) and a small version number.
        return head.Length >= 2 && head[0] == 0x08 && head[1] is >= 1 and <= 20 ? Kind.Onnx : Kind.Unknown;
    }

    internal enum Kind
    {
        Unknown,
        Json,
        Onnx,
        NetGenWeights,
    }
}
