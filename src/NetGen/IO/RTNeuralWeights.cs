using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Text.Json;

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
/// <c>"dilation"</c>; all must match the declaration.
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
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="WeightFileException">The file is malformed or does not fit the network; the message ends with <paramref name="path"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(ISequenceNetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = File.OpenRead(path);
        Load(network, stream, path);
    }

    /// <summary>Reads an RTNeural JSON model from <paramref name="json"/> into the network.</summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="json">A readable stream of UTF-8 JSON; it is read to its end and not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not readable.</exception>
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
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("layers", out JsonElement layersJson) ||
            layersJson.ValueKind != JsonValueKind.Array || !root.TryGetProperty("in_shape", out JsonElement inShape))
        {
            throw reader.Fail("the JSON root must be an object with \"in_shape\" and a \"layers\" array.");
        }

        List<(JsonElement Layer, Activation Activation, int Index)> file = Fold(layersJson, reader);
        ReadOnlySpan<SequenceLayer> layers = network.Layers;
        if (file.Count != layers.Length)
        {
            throw reader.Fail($"the network has {layers.Length} layers, but the file holds {file.Count} (after folding activation layers into the layer before).");
        }

        if (LastDimension(inShape, "in_shape", reader) != network.InputSize)
        {
            throw reader.Fail($"\"in_shape\" gives {LastDimension(inShape, "in_shape", reader)} inputs, but the network takes {network.InputSize}.");
        }

        var parameters = new T[network.ParameterCount];
        int offset = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            SequenceLayer layer = layers[l];
            (JsonElement json, Activation activation, int index) = file[l];
            string where = $"layer {l + 1} ({layer.Kind} {layer.Inputs} → {layer.Outputs}) from file layer {index + 1}";
            string type = json.GetProperty("type").GetString()!;
            string expected = layer.Kind switch
            {
                SequenceLayerKind.Lstm => "lstm",
                SequenceLayerKind.Gru => "gru",
                SequenceLayerKind.Conv1D => "conv1d",
                _ => "dense",
            };
            if ((type == "time-distributed-dense" ? "dense" : type) != expected)
            {
                throw reader.Fail($"{where}: the file has a {JsonWeightReader.Quote(type)} layer, but the network declares [{layer.Kind}].");
            }

            if (!json.TryGetProperty("shape", out JsonElement shape) || LastDimension(shape, "shape", reader) != layer.Outputs)
            {
                throw reader.Fail($"{where}: the file layer's \"shape\" does not end in {layer.Outputs}.");
            }

            if (activation != layer.Activation)
            {
                throw reader.Fail($"{where}: the file's activation is {activation}, but the network declares {layer.Activation}.");
            }

            Span<T> destination = parameters.AsSpan(offset, layer.ParameterCount);
            JsonElement weights = json.TryGetProperty("weights", out JsonElement w) && w.ValueKind == JsonValueKind.Array
                ? w
                : throw reader.Fail($"{where}: \"weights\" must be an array.");
            switch (layer.Kind)
            {
                case SequenceLayerKind.Lstm:
                    ReadLstm(layer, weights, destination, where, reader);
                    break;
                case SequenceLayerKind.Gru:
                    ReadGru(layer, weights, destination, where, reader);
                    break;
                case SequenceLayerKind.Conv1D:
                    ReadConvolution(layer, json, weights, destination, where, reader);
                    break;
                default:
                    Weights(weights, layer.HasBias ? 2 : 1, where, reader);
                    reader.ReadMatrix(weights[0], layer.Inputs, layer.Outputs, transpose: false, destination.Slice(0, layer.Inputs * layer.Outputs), $"{where} kernel", "[in][out]");
                    if (layer.HasBias)
                    {
                        reader.ReadVector(weights[1], destination.Slice(layer.Inputs * layer.Outputs), $"{where} bias");
                    }

                    break;
            }

            offset += layer.ParameterCount;
        }

        return parameters;
    }

    private static void ReadLstm<T>(SequenceLayer layer, JsonElement weights, Span<T> destination, string where, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = layer.Inputs, h = layer.Outputs, width = 4 * h;
        Weights(weights, layer.HasBias ? 3 : 2, where, reader);
        reader.ReadMatrix(weights[0], n, width, transpose: false, destination.Slice(0, n * width), $"{where} kernel", "[in][4·units] (i, f, c, o)");
        reader.ReadMatrix(weights[1], h, width, transpose: false, destination.Slice(n * width, h * width), $"{where} recurrent kernel", "[units][4·units]");
        if (layer.HasBias)
        {
            reader.ReadVector(weights[2], destination.Slice((n + h) * width), $"{where} bias");
        }
    }

    private static void ReadGru<T>(SequenceLayer layer, JsonElement weights, Span<T> destination, string where, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = layer.Inputs, h = layer.Outputs, width = 3 * h;
        Weights(weights, layer.HasBias ? 3 : 2, where, reader);
        var kernel = new T[n * width];
        var recurrent = new T[h * width];
        reader.ReadMatrix(weights[0], n, width, transpose: false, kernel, $"{where} kernel", "[in][3·units] (z, r, n)");
        reader.ReadMatrix(weights[1], h, width, transpose: false, recurrent, $"{where} recurrent kernel", "[units][3·units]");
        SwapZr(kernel, n, h, destination.Slice(0, n * width));
        SwapZr(recurrent, h, h, destination.Slice(n * width, h * width));
        if (!layer.HasBias)
        {
            return;
        }

        JsonElement bias = weights[2];
        if (bias.ValueKind != JsonValueKind.Array || bias.GetArrayLength() != 2)
        {
            throw reader.Fail($"{where}: the GRU bias must be [2][{width}] (input, recurrent), found {JsonWeightReader.ShapeOf(bias)}.");
        }

        var row = new T[width];
        for (int b = 0; b < 2; b++)
        {
            reader.ReadVector(bias[b], row, $"{where} bias[{b}]");
            SwapZr(row, 1, h, destination.Slice(((n + h) * width) + (b * width), width));
        }
    }

    private static void ReadConvolution<T>(SequenceLayer layer, JsonElement json, JsonElement weights, Span<T> destination, string where, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = Setting(json, "kernel_size", where, reader), d = Setting(json, "dilation", where, reader);
        if (k != layer.KernelSize || d != layer.Dilation)
        {
            throw reader.Fail($"{where}: the file's kernel size {k} and dilation {d} differ from the declared {layer.KernelSize} and {layer.Dilation}.");
        }

        if (json.TryGetProperty("groups", out JsonElement groups) && !(groups.TryGetInt32(out int g) && g == 1))
        {
            throw reader.Fail($"{where}: grouped convolutions are not supported.");
        }

        int n = layer.Inputs, m = layer.Outputs;
        Weights(weights, layer.HasBias ? 2 : 1, where, reader);
        JsonElement kernel = weights[0];
        if (kernel.ValueKind != JsonValueKind.Array || kernel.GetArrayLength() != k)
        {
            throw reader.Fail($"{where}: the kernel must be [{k}][{n}][{m}] (taps oldest first), found {JsonWeightReader.ShapeOf(kernel)}.");
        }

        // Keras's causal taps, oldest first: tap j reads the input (k − 1 − j)·d frames back, as NetGen's W[j].
        for (int j = 0; j < k; j++)
        {
            reader.ReadMatrix(kernel[j], n, m, transpose: false, destination.Slice(j * n * m, n * m), $"{where} kernel[{j}]", "[in][out]");
        }

        if (layer.HasBias)
        {
            reader.ReadVector(weights[1], destination.Slice(k * n * m), $"{where} bias");
        }
    }

    /// <summary>Columns in blocks z, r, n (Keras) → r, z, n (PyTorch, NetGen), for each of <paramref name="rows"/> rows.</summary>
    private static void SwapZr<T>(ReadOnlySpan<T> source, int rows, int units, Span<T> destination)
    {
        int width = 3 * units;
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<T> from = source.Slice(i * width, width);
            Span<T> to = destination.Slice(i * width, width);
            from.Slice(units, units).CopyTo(to);
            from.Slice(0, units).CopyTo(to.Slice(units));
            from.Slice(2 * units).CopyTo(to.Slice(2 * units));
        }
    }

    /// <summary>The file's weight layers, each with its activation (its own, or an activation layer's right after it).</summary>
    private static List<(JsonElement, Activation, int)> Fold(JsonElement layers, JsonWeightReader reader)
    {
        var result = new List<(JsonElement Layer, Activation Activation, int Index)>();
        int index = 0;
        foreach (JsonElement layer in layers.EnumerateArray())
        {
            string type = layer.ValueKind == JsonValueKind.Object && layer.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()!
                : throw reader.Fail($"file layer {index + 1} has no \"type\".");
            Activation activation = ActivationOf(layer, index, reader);
            switch (type)
            {
                case "dense" or "time-distributed-dense" or "conv1d":
                    result.Add((layer, activation, index));
                    break;
                case "lstm" or "gru":
                    if (activation != Activation.Identity)
                    {
                        throw reader.Fail($"file layer {index + 1} ({type}) has an activation; NetGen's recurrent layers output h as it is.");
                    }

                    result.Add((layer, activation, index));
                    break;
                case "activation":
                    if (result.Count == 0 || result[^1].Activation != Activation.Identity ||
                        result[^1].Layer.GetProperty("type").GetString() is "lstm" or "gru")
                    {
                        throw reader.Fail(
                            $"file layer {index + 1} is an activation layer that does not follow a dense or convolution layer without one; " +
                            "NetGen applies activations inside dense and convolution layers only.");
                    }

                    result[^1] = (result[^1].Layer, activation, result[^1].Index);
                    break;
                default:
                    throw reader.Fail($"file layer {index + 1} has type {JsonWeightReader.Quote(type)}, which sequence networks do not have (dense, conv1d, gru, lstm, activation).");
            }

            index++;
        }

        return result;
    }

    private static Activation ActivationOf(JsonElement layer, int index, JsonWeightReader reader)
    {
        string name = layer.TryGetProperty("activation", out JsonElement a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : string.Empty;
        return name switch
        {
            "" => Activation.Identity,
            "tanh" => Activation.Tanh,
            "sigmoid" => Activation.Sigmoid,
            "relu" => Activation.ReLU,
            "elu" => Activation.ELU,
            _ => throw reader.Fail($"file layer {index + 1} has activation {JsonWeightReader.Quote(name)}, which sequence layers do not support."),
        };
    }

    private static void Weights(JsonElement weights, int count, string where, JsonWeightReader reader)
    {
        if (weights.GetArrayLength() != count)
        {
            throw reader.Fail($"{where}: expected {count} weight arrays ({(count == 1 ? "no bias, as the network has none" : "with the bias last")}), found {weights.GetArrayLength()}.");
        }
    }

    private static int Setting(JsonElement layer, string name, string where, JsonWeightReader reader) =>
        layer.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 &&
        value[value.GetArrayLength() - 1].TryGetInt32(out int setting)
            ? setting
            : throw reader.Fail($"{where}: {JsonWeightReader.Quote(name)} must be an array ending in an integer.");

    private static int LastDimension(JsonElement shape, string name, JsonWeightReader reader) =>
        shape.ValueKind == JsonValueKind.Array && shape.GetArrayLength() > 0 && shape[shape.GetArrayLength() - 1].TryGetInt32(out int last)
            ? last
            : throw reader.Fail($"{JsonWeightReader.Quote(name)} must be an array ending in an integer.");
}
