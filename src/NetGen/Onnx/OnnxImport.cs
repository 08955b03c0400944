using System;
using System.IO;
using System.Numerics;
using NetGen.Onnx.Messages;
using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx;

/// <summary>
/// Reads the weights and biases of a dense ONNX model into a generated network whose shape, element type and
/// activations the model must match.
/// </summary>
/// <remarks>
/// <para>
/// The graph must be a chain from its one input to its one output: per layer a Gemm (alpha = beta = 1,
/// transA = 0; transB = 0 with weights [in, out] as <see cref="OnnxExport"/> writes them, or transB = 1 with
/// weights [out, in] as PyTorch writes them, which are transposed), or a MatMul with weights [in, out] followed
/// by an optional Add of the bias; then the layer's activation: nothing or Identity, Sigmoid, Tanh, Relu,
/// LeakyRelu, Softplus, Elu (alpha = 1), Gelu (approximate = "tanh"), Softmax (on the last axis), or the formulas
/// <see cref="OnnxExport"/> writes for double networks. Weights, biases and constants are initializers
/// (raw_data, float_data or double_data) of the network's element type.
/// </para>
/// <para>
/// The import checks the input and output element types and widths, the layer count and sizes, the presence of
/// biases, every activation, and LeakyReLU's slope (to the precision the model stores it in: a float attribute,
/// or a constant of the element type). Any mismatch, and any file that is not a valid ONNX protobuf, throws
/// <see cref="OnnxFormatException"/> and leaves the network's parameters untouched.
/// </para>
/// </remarks>
public static class OnnxImport
{
    /// <summary>Reads an ONNX model from <paramref name="stream"/> into <paramref name="network"/>'s parameters.</summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network whose parameters are replaced; it must match the model.</param>
    /// <param name="stream">A readable stream positioned at the start of the model; it is read to its end and left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable.</exception>
    /// <exception cref="OnnxFormatException">The model is not valid ONNX or does not match the network.</exception>
    public static void Load<T>(INetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        Load(network, buffer.GetBuffer(), (int)buffer.Length);
    }

    /// <summary>Reads the ONNX model in the file <paramref name="path"/> into <paramref name="network"/>'s parameters.</summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network whose parameters are replaced; it must match the model.</param>
    /// <param name="path">The .onnx file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="OnnxFormatException">The model is not valid ONNX or does not match the network.</exception>
    public static void Load<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = File.ReadAllBytes(path);
        Load(network, bytes, bytes.Length);
    }

    private static void Load<T>(INetwork<T> network, byte[] bytes, int length)
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

        // Everything is checked and decoded into a buffer first; the network changes only when all of it succeeded.
        T[] parameters = DenseGraphReader<T>.ReadParameters(model, network);
        parameters.CopyTo(network.Parameters);
    }
}
