using System;
using System.Numerics;
using NetGen.IO;
using NetGen.Onnx.Messages;
using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx;

/// <summary>
/// Parses an ONNX model and decodes the parameters of the dense network it holds; <see cref="OnnxModel"/>'s
/// <c>Load</c> methods check their arguments, call it and copy the result into the network. What is accepted is
/// described on <see cref="OnnxModel"/>.
/// </summary>
internal static class OnnxReader
{
    /// <summary>
    /// Parses the model in the first <paramref name="length"/> bytes of <paramref name="bytes"/>, checks it against
    /// <paramref name="network"/> and returns its parameters in NetGen's layout; the network is not changed. Throws
    /// <see cref="OnnxFormatException"/> if the bytes are not a valid ONNX model or the model does not match; its
    /// message ends with <paramref name="fileName"/>, or says that the model was read from a stream when that is null.
    /// </summary>
    public static T[] ReadParameters<T>(INetwork<T> network, byte[] bytes, int length, string? fileName, Activation logits = Activation.Identity)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (length == 0)
        {
            throw Fail("The ONNX model is empty (0 bytes).", fileName, innerException: null);
        }

        ModelProto model;
        try
        {
            model = ModelProto.Parse(new ProtoReader(bytes, length));
        }
        catch (OnnxFormatException e)
        {
            throw Fail($"The data is not a valid ONNX model (truncated or not protobuf): {e.Message}{Hint(bytes, length)}", fileName, e);
        }

        try
        {
            return DenseGraphReader<T>.ReadParameters(ModelGraph.Prepare(model), network, logits);
        }
        catch (OnnxFormatException e)
        {
            // The graph checks do not know where the model came from; the same message, with the file, replaces theirs.
            throw Fail(e.Message, fileName, e);
        }
    }

    /// <summary>As <see cref="ReadParameters{T}"/>, for a sequence network.</summary>
    public static T[] ReadSequenceParameters<T>(ISequenceNetwork<T> network, byte[] bytes, int length, string? fileName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        _ = OnnxElementTypes.Of<T>();   // NotSupportedException unless float or double
        if (length == 0)
        {
            throw Fail("The ONNX model is empty (0 bytes).", fileName, innerException: null);
        }

        ModelProto model;
        try
        {
            model = ModelProto.Parse(new ProtoReader(bytes, length));
        }
        catch (OnnxFormatException e)
        {
            throw Fail($"The data is not a valid ONNX model (truncated or not protobuf): {e.Message}{Hint(bytes, length)}", fileName, e);
        }

        try
        {
            return SequenceGraphReader<T>.ReadParameters(ModelGraph.Prepare(model), network);
        }
        catch (OnnxFormatException e)
        {
            throw Fail(e.Message, fileName, e);
        }
    }

    private static string Hint(byte[] bytes, int length) =>
        FileKind.Hint(bytes.AsSpan(0, Math.Min(length, 16)), FileKind.Kind.Onnx);

    /// <summary>An <see cref="OnnxFormatException"/> whose message ends with the file or stream, as the weight loaders' do.</summary>
    private static OnnxFormatException Fail(string message, string? fileName, Exception? innerException) =>
        new(WeightFileFormat.WithSource(message, fileName), fileName, innerException);
}
