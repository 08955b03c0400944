using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Text.Json;
using NetGen.Formats;

namespace NetGen.IO;

/// <summary>
/// Imports a model in RTNeural's JSON format (what RTNeural's Python exporter writes: <c>"in_shape"</c> and a list of
/// <c>"layers"</c> of type <c>dense</c>, <c>time-distributed-dense</c>, <c>conv1d</c>, <c>gru</c>, <c>lstm</c> and
/// <c>activation</c>) into a sequence network declared with the same layers, so that models made for RTNeural move over
/// unchanged.
/// </summary>
/// <remarks>
/// <para>
/// The file follows Keras's conventions, which this reader converts: kernels are [in][out]; a <c>conv1d</c> kernel is
/// [k][in][out] with its taps oldest first (causal), a <c>gru</c>'s columns are in gate order z, r, n and its bias is
/// [2][3H] (input, recurrent), an <c>lstm</c>'s columns are i, f, c, o with one bias. A layer's <c>"activation"</c>
/// (or an <c>activation</c> layer right after a dense or convolution layer) must be the declared layer's activation:
/// <c>""</c> is Identity, and <c>tanh</c>, <c>sigmoid</c>, <c>relu</c>, <c>elu</c> are the same functions. Widths come
/// from <c>"in_shape"</c> and each layer's <c>"shape"</c>, kernel size and dilation from <c>"kernel_size"</c> and
/// <c>"dilation"</c>; all must match the declaration. <c>[NetworkModel]</c> reads files with the same code at compile
/// time.
/// </para>
/// <para>
/// Refused, with a <see cref="WeightFileException"/> that names the layer and the file: another layer type (PReLU,
/// batch normalization, 2-D convolutions), grouped convolutions, softmax and other activations sequence layers do
/// not have, an activation after an LSTM or GRU, a layer count, kind, width, kernel size, dilation or activation that
/// differs from the declaration, weights of the wrong shape, missing or extra biases for the network's
/// <c>Bias</c>, and values that are not finite in the network's element type. The network's parameters change only
/// if the whole file is valid.
/// </para>
/// </remarks>
public static class RTNeuralWeights
{
    private const string Format = "RTNeural model";

    /// <summary>Reads an RTNeural JSON model file into the network.</summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="path">The JSON file.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the network describes itself inconsistently.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="WeightFileException">
    /// The file is malformed or does not fit the network; the message ends with <paramref name="path"/>.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(ISequenceNetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = WeightFileFormat.OpenRead(path);
        Load(network, stream, path);
    }

    /// <summary>Reads an RTNeural JSON model from <paramref name="json"/> into the network.</summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="json">A readable stream of UTF-8 JSON; it is read to its end and not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="json"/> is not readable, or the network describes itself inconsistently.
    /// </exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="WeightFileException">The JSON is malformed or does not fit the network.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(ISequenceNetwork<T> network, Stream json)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(json);
        if (!json.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(json));
        }

        Load(network, json, WeightFileFormat.FileNameOf(json));
    }

    private static void Load<T>(ISequenceNetwork<T> network, Stream json, string? source)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        _ = WeightFileFormat.ElementTypeOf<T>(); // throws NotSupportedException unless T is float or double
        var reader = new JsonWeightReader(Format, source);
        using JsonDocument document = reader.Parse(json);
        T[] parameters = Read(network, document.RootElement, reader);
        parameters.CopyTo(network.Parameters);
    }

    private static T[] Read<T>(ISequenceNetwork<T> network, JsonElement root, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        try
        {
            // The file's layers first, compared with the declaration before any weight is read.
            RTNeuralModel model = RTNeuralModel.Read(JsonWeightReader.ToValue(root));
            ReadOnlySpan<SequenceLayer> layers = network.Layers;
            if (model.Layers.Length != layers.Length)
            {
                throw reader.Fail(
                    $"the network has {layers.Length} layers, but the file holds {model.Layers.Length} " +
                    "(after folding activation layers into the layer before).");
            }

            if (model.InputSize != network.InputSize)
            {
                throw reader.Fail($"\"in_shape\" gives {model.InputSize} inputs, but the network takes {network.InputSize}.");
            }

            for (int l = 0; l < layers.Length; l++)
            {
                string where = $"layer {l + 1} ({layers[l].Kind} {layers[l].Inputs} → {layers[l].Outputs}) from {model.Describe(l)}";
                Compare(layers[l], model.Layers[l], where, model.TypeOf(l), reader);
            }

            return SequenceStateDictReader.Narrow<T>(model.ReadParameters(single: typeof(T) == typeof(float)), network.ParameterCount);
        }
        catch (ModelFormatException problem)
        {
            throw reader.Fail(problem);
        }
    }

    /// <summary>The declared layer against the file's: kind, width, activation, convolution shape and biases.</summary>
    private static void Compare(SequenceLayer declared, SequenceLayer file, string where, string type, JsonWeightReader reader)
    {
        if (file.Kind != declared.Kind)
        {
            throw reader.Fail($"{where}: the file has a {JsonWeightReader.Quote(type)} layer, but the network declares [{declared.Kind}].");
        }

        if (file.Outputs != declared.Outputs)
        {
            throw reader.Fail($"{where}: the file layer's \"shape\" ends in {file.Outputs}, not {declared.Outputs}.");
        }

        if (file.Activation != declared.Activation)
        {
            throw reader.Fail($"{where}: the file's activation is {file.Activation}, but the network declares {declared.Activation}.");
        }

        if (file.KernelSize != declared.KernelSize || file.Dilation != declared.Dilation)
        {
            throw reader.Fail(
                $"{where}: the file's kernel size {file.KernelSize} and dilation {file.Dilation} differ from the declared " +
                $"{declared.KernelSize} and {declared.Dilation}.");
        }

        if (file.HasBias != declared.HasBias)
        {
            int withoutBias = declared.Kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru ? 2 : 1;
            int expected = withoutBias + (declared.HasBias ? 1 : 0);
            throw reader.Fail(
                $"{where}: expected {expected} weight arrays " +
                $"({(declared.HasBias ? "with the bias last" : "no bias, as the network has none")}), " +
                $"found {withoutBias + (file.HasBias ? 1 : 0)}.");
        }
    }
}
