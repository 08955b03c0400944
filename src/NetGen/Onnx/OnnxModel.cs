using System;
using System.IO;
using System.Numerics;
using NetGen.IO;
using NetGen.Onnx.Messages;

namespace NetGen.Onnx;

/// <summary>
/// Saves a generated network as an ONNX model that ONNX Runtime, Netron and other ONNX tools read, and loads the
/// weights and biases of a dense ONNX model into a network whose shape, element type and activations the model must
/// match.
/// </summary>
/// <remarks>
/// <para>
/// <b>Saved models.</b> Input "input" [N, InputSize] with a dynamic batch dimension N, one Gemm per layer (weights
/// in NetGen's [in][out] layout, transB = 0, bias as C), the layer's activation, and output "output"
/// [N, OutputSize]. float networks are FLOAT models, double networks DOUBLE models. The model uses opset 13
/// (IR version 7), except float networks with a GELU layer, which use opset 20 (IR version 9) for its <c>Gelu</c>
/// operator (approximate = "tanh").
/// </para>
/// <para>
/// Activations map to ONNX operators: Sigmoid, Tanh, Relu, LeakyRelu (alpha = LeakySlope), Softplus,
/// Elu (alpha = 1), Gelu (approximate = "tanh"), Softmax and LogSoftmax (axis = −1); Identity writes no node. ONNX Runtime's CPU
/// provider has no double kernel for LeakyRelu, Softplus, Elu or Gelu (and float attributes could not hold a
/// double slope exactly), so a double network writes those four as the formulas NetGen computes, from
/// operators that have double kernels: LeakyReLU = Where(z &gt; 0, z, α·z), ELU = Where(z &gt; 0, z, e^z − 1),
/// Softplus = max(z, 0) + ln(1 + e^−|z|), GELU = ½z·(1 + tanh(√(2/π)·(z + 0.044715·z³))), with double
/// constants. Loading reads both forms.
/// </para>
/// <para>
/// <b>Loaded models.</b> The graph must be a chain from its one input to its one output: per layer a Gemm
/// (alpha = beta = 1, transA = 0; transB = 0 with weights [in, out] as <c>Save</c> writes them, or transB = 1 with
/// weights [out, in] as PyTorch writes them, which are transposed), or a MatMul with weights [in, out] followed
/// by an optional Add of the bias; then the layer's activation: nothing or Identity, Sigmoid, Tanh, Relu,
/// LeakyRelu, Softplus, Elu (alpha = 1), Gelu (approximate = "tanh"), Softmax or LogSoftmax (on the last axis), or the formulas
/// <c>Save</c> writes for double networks. Weights, biases and constants are initializers (raw_data, float_data or
/// double_data) of the network's element type. A Flatten (axis 1) on an [N, k] input is read as the no-op it is.
/// </para>
/// <para>
/// Every load first checks that the default-domain opset is 7 to 28 (those ONNX Runtime 1.32 runs), inlines the
/// model's local functions, and folds constant subgraphs over initializers (Constant, Identity, Slice, Concat,
/// Reshape, Transpose, Squeeze, Unsqueeze, Flatten) into initializers, as PyTorch's dynamo-based exporter needs.
/// <see cref="OnnxImportOptions.Logits"/> reads a graph that ends in logits, appending Softmax, LogSoftmax or Sigmoid.
/// </para>
/// <para>
/// Loading checks the input and output element types and widths, the layer count and sizes, the presence of
/// biases, every activation, and LeakyReLU's slope (to the precision the model stores it in: a float attribute,
/// or a constant of the element type). Any mismatch, and any file that is not a valid ONNX protobuf, throws
/// <see cref="OnnxFormatException"/> and leaves the network's parameters untouched.
/// </para>
/// </remarks>
public static class OnnxModel
{
    /// <summary>Writes <paramref name="network"/> as an ONNX model to <paramref name="stream"/>.</summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network to save; it is not changed.</param>
    /// <param name="stream">A writable stream; the model is written at its position, and the stream is flushed and left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable, the network describes itself inconsistently, or a parameter is NaN or infinite (nothing is written).</exception>
    /// <exception cref="IOException">Writing to the stream fails.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Save<T>(INetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        FiniteParameters.CheckSavable(network);
        ModelProto model = OnnxWriter.Build(network);
        OnnxWriter.Write(model, stream);
        stream.Flush();
    }

    /// <summary>
    /// Writes <paramref name="network"/> as an ONNX model to the file <paramref name="path"/>, atomically: the
    /// model goes to a temporary file in the same directory, which is flushed to disk and then renamed over
    /// <paramref name="path"/>, so the file never holds a partial model. If anything fails, the temporary file is
    /// deleted and an existing file at <paramref name="path"/> keeps its old content; a process killed midway leaves at
    /// most that temporary file, which the next save overwrites. Not for two saves to one path at the same moment.
    /// </summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network to save; it is not changed.</param>
    /// <param name="path">The file to create or replace (by convention with the extension .onnx).</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names no file, the network describes itself inconsistently, or a parameter is NaN or infinite (nothing is written).</exception>
    /// <exception cref="IOException">The file cannot be written or replaced.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file or its directory is denied.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Save<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        FiniteParameters.CheckSavable(network);
        ModelProto model = OnnxWriter.Build(network);
        AtomicFile.Replace(path, stream => OnnxWriter.Write(model, stream));
    }

    /// <summary>
    /// Writes a sequence network as an ONNX model to <paramref name="stream"/>: input [N, InputSize] and output
    /// [N, OutputSize] are the frames of one sequence from zero state, with LSTM, GRU and Conv nodes (opset 14).
    /// </summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network to save; it is not changed.</param>
    /// <param name="stream">A writable stream; the model is written at its position, and the stream is flushed and left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable, the network describes itself inconsistently, or a parameter is NaN or infinite (nothing is written).</exception>
    /// <exception cref="IOException">Writing to the stream fails.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static void Save<T>(ISequenceNetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        FiniteParameters.CheckSavable(network);
        OnnxWriter.Write(SequenceOnnxWriter.Build(network), stream);
        stream.Flush();
    }

    /// <summary>Writes a sequence network as an ONNX model to the file <paramref name="path"/>, atomically (see the stream overload).</summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network to save; it is not changed.</param>
    /// <param name="path">The file to create or replace.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names no file, the network describes itself inconsistently, or a parameter is NaN or infinite (nothing is written).</exception>
    /// <exception cref="IOException">The file cannot be written or replaced.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file or its directory is denied.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static void Save<T>(ISequenceNetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        FiniteParameters.CheckSavable(network);
        ModelProto model = SequenceOnnxWriter.Build(network);
        AtomicFile.Replace(path, stream => OnnxWriter.Write(model, stream));
    }

    /// <summary>
    /// Reads an ONNX model from <paramref name="stream"/> into <paramref name="network"/>'s parameters. Messages of
    /// <see cref="OnnxFormatException"/> end with the file's path when <paramref name="stream"/> is a
    /// <see cref="FileStream"/> (also in <see cref="IO.NetworkFileException.FileName"/>), and otherwise say that the model
    /// was read from a stream.
    /// </summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network whose parameters are replaced; it must match the model.</param>
    /// <param name="stream">A readable stream positioned at the start of the model; it is read to its end and left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable.</exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="OnnxFormatException">The model is not valid ONNX or does not match the network.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
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
        Load(network, buffer.GetBuffer(), (int)buffer.Length, WeightFileFormat.FileNameOf(stream));
    }

    /// <summary>
    /// Reads the ONNX model in the file <paramref name="path"/> into <paramref name="network"/>'s parameters. Messages
    /// of <see cref="OnnxFormatException"/> end with the path, which is also its <see cref="IO.NetworkFileException.FileName"/>.
    /// </summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network whose parameters are replaced; it must match the model.</param>
    /// <param name="path">The .onnx file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="OnnxFormatException">The model is not valid ONNX or does not match the network.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = WeightFileFormat.ReadAllBytes(path);
        Load(network, bytes, bytes.Length, path);
    }

    /// <summary>
    /// Reads an ONNX model from <paramref name="stream"/> into <paramref name="network"/>'s parameters as
    /// <paramref name="options"/> say; otherwise as <see cref="Load{T}(INetwork{T}, Stream)"/>.
    /// </summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network whose parameters are replaced; it must match the model.</param>
    /// <param name="stream">A readable stream positioned at the start of the model; it is read to its end and left open.</param>
    /// <param name="options">How to read the model (<see cref="OnnxImportOptions.Logits"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/>, <paramref name="stream"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable, or <see cref="OnnxImportOptions.Logits"/> is not Identity, Softmax, LogSoftmax or Sigmoid.</exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="OnnxFormatException">The model is not valid ONNX or does not match the network and the options.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(INetwork<T> network, Stream stream, OnnxImportOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        CheckOptions(options);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        Load(network, buffer.GetBuffer(), (int)buffer.Length, WeightFileFormat.FileNameOf(stream), options);
    }

    /// <summary>
    /// Reads the ONNX model in the file <paramref name="path"/> into <paramref name="network"/>'s parameters as
    /// <paramref name="options"/> say; otherwise as <see cref="Load{T}(INetwork{T}, string)"/>.
    /// </summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network whose parameters are replaced; it must match the model.</param>
    /// <param name="path">The .onnx file.</param>
    /// <param name="options">How to read the model (<see cref="OnnxImportOptions.Logits"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/>, <paramref name="path"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or <see cref="OnnxImportOptions.Logits"/> is not Identity, Softmax, LogSoftmax or Sigmoid.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="OnnxFormatException">The model is not valid ONNX or does not match the network and the options.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(INetwork<T> network, string path, OnnxImportOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        CheckOptions(options);
        byte[] bytes = WeightFileFormat.ReadAllBytes(path);
        Load(network, bytes, bytes.Length, path, options);
    }

    private static void Load<T>(INetwork<T> network, byte[] bytes, int length, string? fileName, OnnxImportOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Everything is checked and decoded into a buffer first; the network changes only when all of it succeeded.
        T[] parameters = OnnxReader.ReadParameters(network, bytes, length, fileName, options?.Logits ?? Activation.Identity);
        parameters.CopyTo(network.Parameters);
    }

    private static void CheckOptions(OnnxImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Logits != Activation.Identity && !LogitsActivation.IsAppendable(options.Logits))
        {
            throw new ArgumentException(
                $"Logits = {options.Logits}: NetGen appends Softmax, LogSoftmax or Sigmoid to a graph that ends in logits (Identity: nothing).", nameof(options));
        }
    }
    /// <summary>
    /// Reads an ONNX model into a sequence network's parameters: NetGen's own exports, and what <c>torch.onnx.export</c>
    /// writes (opsets 7 to 28, both of its exporters) for modules of <c>nn.LSTM</c>, <c>nn.GRU</c>, <c>nn.Conv1d</c> after
    /// <c>F.pad(x, ((k − 1)·d, 0))</c> and <c>nn.Linear</c>, with its shape plumbing. The graph's LSTM, GRU, Conv, MatMul
    /// (with its bias Add) and Gemm nodes must match the declared layers in order, kind, shape, dilation and activation;
    /// initial states must be zero and padding causal. The network changes only if the whole model is valid.
    /// </summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="stream">A readable stream positioned at the start of the model; it is read to its end and left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable.</exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="OnnxFormatException">The model is not valid ONNX or does not match the network.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static void Load<T>(ISequenceNetwork<T> network, Stream stream)
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
        OnnxReader.ReadSequenceParameters(network, buffer.GetBuffer(), (int)buffer.Length, WeightFileFormat.FileNameOf(stream)).CopyTo(network.Parameters);
    }

    /// <summary>Reads the ONNX model in the file <paramref name="path"/> into a sequence network (see the stream overload).</summary>
    /// <typeparam name="T">The network's element type: float or double.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="path">The .onnx file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="OnnxFormatException">The model is not valid ONNX or does not match the network; the message ends with the path.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static void Load<T>(ISequenceNetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = WeightFileFormat.ReadAllBytes(path);
        OnnxReader.ReadSequenceParameters(network, bytes, bytes.Length, path).CopyTo(network.Parameters);
    }
}
