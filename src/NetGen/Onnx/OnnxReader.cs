using System;
using System.Numerics;
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
    /// <see cref="OnnxFormatException"/> if the bytes are not a valid ONNX model or the model does not match.
    /// </summary>
    public static T[] ReadParameters<T>(INetwork<T> network, byte[] bytes, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (length == 0)
        {
            throw new OnnxFormatException("The ONNX model is empty (0 bytes).");
        }

        ModelProto model;
        try
        {
            model = ModelProto.Parse(new ProtoReader(bytes, length));
        }
        catch (OnnxFormatException e)
        {
            throw new OnnxFormatException($"The data is not a valid ONNX model (truncated or not protobuf): {e.Message}", e);
        }

        return DenseGraphReader<T>.ReadParameters(model, network);
    }
}
