using System.Collections.Generic;

// Also compiled into the generator (linked): a compiled model and RTNeuralWeights.Load read files the same way.
namespace NetGen.Formats;

/// <summary>
/// A model in RTNeural's JSON format (<c>"in_shape"</c> and a list of <c>"layers"</c>: <c>dense</c>,
/// <c>time-distributed-dense</c>, <c>conv1d</c>, <c>gru</c>, <c>lstm</c>, <c>activation</c>), read in two steps: its
/// layers first (<see cref="Read"/>), so that a caller can compare them with a declaration or check their sizes
/// before anything they imply is allocated, then its parameters in NetGen's layout (<see cref="ReadParameters"/>).
/// Keras conventions are converted: kernels are already [in][out]; a GRU's gate blocks z, r, n become r, z, n and its
/// bias is [2][3H]; an LSTM's i, f, c, o are NetGen's i, f, g, o with one bias; convolution taps come oldest first.
/// An <c>activation</c> layer folds into the dense or convolution layer before it.
/// </summary>
internal sealed class RTNeuralModel
{
    private readonly List<FileLayer> _file;

    private RTNeuralModel(int inputSize, List<FileLayer> file, SequenceLayer[] layers)
    {
        InputSize = inputSize;
        _file = file;
        Layers = layers;
    }

    /// <summary>The input width, the last entry of <c>"in_shape"</c>.</summary>
    public int InputSize { get; }

    /// <summary>The weight layers, activation layers folded in; each has biases when the file gives them.</summary>
    public SequenceLayer[] Layers { get; }

    /// <summary>The layer's type in the file (<c>dense</c>, <c>time-distributed-dense</c>, <c>lstm</c>, …).</summary>
    public string TypeOf(int layer) => _file[layer].Type;

    /// <summary>"file layer n", the layer's place in the file's list.</summary>
    public string Describe(int layer) => $"file layer {_file[layer].Index + 1}";

    /// <summary>The file's layers; sizes are read but not checked against any limit.</summary>
    /// <exception cref="ModelFormatException">The file is not an RTNeural model NetGen can run.</exception>
    public static RTNeuralModel Read(JsonValue root)
    {
        if (root.Kind != JsonKind.Object ||
            root["layers"] is not { Kind: JsonKind.Array } layersJson ||
            root["in_shape"] is not { } inShape)
        {
            throw ModelFormatException.Invalid("the JSON root must be an object with \"in_shape\" and a \"layers\" array");
        }

        List<FileLayer> file = Fold(layersJson);
        if (file.Count == 0)
        {
            throw ModelFormatException.Invalid("\"layers\" holds no layer with weights");
        }

        var layers = new SequenceLayer[file.Count];
        int inputSize = LastDimension(inShape, "\"in_shape\""), inputs = inputSize;
        for (int l = 0; l < file.Count; l++)
        {
            FileLayer f = file[l];
            int outputs = f.Json["shape"] is { } shape ? LastDimension(shape, $"file layer {f.Index + 1} \"shape\"") : 0;
            int kernelSize = 1, dilation = 1;
            if (f.Kind == SequenceLayerKind.Conv1D)
            {
                kernelSize = Setting(f, "kernel_size");
                dilation = Setting(f, "dilation");
                if (f.Json["groups"] is { } groups && !(groups.Kind == JsonKind.Number && groups.Text == "1"))
                {
                    throw ModelFormatException.NotSupported($"file layer {f.Index + 1}: grouped convolutions are not supported");
                }
            }

            if (inputs < 1 || outputs < 1 || kernelSize < 1 || dilation < 1)
            {
                throw ModelFormatException.Invalid(
                    $"file layer {f.Index + 1} ({f.Type}): sizes, kernel size and dilation must be at least 1");
            }

            layers[l] = new SequenceLayer(f.Kind, inputs, outputs, kernelSize, dilation, f.Activation, f.HasBias);
            inputs = outputs;
        }

        return new RTNeuralModel(inputSize, file, layers);
    }

    /// <summary>Every layer's parameters in NetGen's layout, rounded to float (<paramref name="single"/>) or double.</summary>
    /// <exception cref="ModelFormatException">A weight array has the wrong shape or a value that is not finite.</exception>
    public double[] ReadParameters(bool single)
    {
        var reader = new TensorReader(single);
        var parameters = new List<double>();
        for (int l = 0; l < Layers.Length; l++)
        {
            SequenceLayer layer = Layers[l];
            var destination = new double[layer.ParameterCount];
            string where = $"file layer {_file[l].Index + 1} ({_file[l].Type} {layer.Inputs} → {layer.Outputs})";
            Weights(_file[l], layer, destination, where, reader);
            parameters.AddRange(destination);
        }

        return parameters.ToArray();
    }

    private static void Weights(FileLayer f, SequenceLayer layer, double[] destination, string where, TensorReader reader)
    {
        List<JsonValue> weights = f.Weights;
        int n = layer.Inputs, m = layer.Outputs;
        switch (layer.Kind)
        {
            case SequenceLayerKind.Lstm:
                reader.Matrix(weights[0], n, 4 * m, transpose: false, destination, 0, $"{where} kernel", "[in][4·units] (i, f, c, o)");
                reader.Matrix(
                    weights[1], m, 4 * m, transpose: false, destination, n * 4 * m, $"{where} recurrent kernel", "[units][4·units]");
                if (layer.HasBias)
                {
                    reader.Vector(weights[2], 4 * m, destination, (n + m) * 4 * m, $"{where} bias");
                }

                break;
            case SequenceLayerKind.Gru:
                int width = 3 * m;
                var kernel = new double[(n + m) * width];
                reader.Matrix(weights[0], n, width, transpose: false, kernel, 0, $"{where} kernel", "[in][3·units] (z, r, n)");
                reader.Matrix(weights[1], m, width, transpose: false, kernel, n * width, $"{where} recurrent kernel", "[units][3·units]");
                SwapZr(kernel, 0, n + m, m, destination, 0);
                if (layer.HasBias)
                {
                    var bias = new double[2 * width];
                    reader.Matrix(weights[2], 2, width, transpose: false, bias, 0, $"{where} bias", "[2][3·units] (input, recurrent)");
                    SwapZr(bias, 0, 2, m, destination, (n + m) * width);
                }

                break;
            case SequenceLayerKind.Conv1D:
                int k = layer.KernelSize;
                if (weights[0].Kind != JsonKind.Array || weights[0].Items.Count != k)
                {
                    throw ModelFormatException.Invalid(
                        $"{where}: the kernel must be [{k}][{n}][{m}] (taps oldest first), found {weights[0].Shape()}");
                }

                // Keras's causal taps, oldest first: tap j reads the input (k − 1 − j)·d frames back, as NetGen's W[j].
                for (int j = 0; j < k; j++)
                {
                    reader.Matrix(weights[0].Items[j], n, m, transpose: false, destination, j * n * m, $"{where} kernel[{j}]", "[in][out]");
                }

                if (layer.HasBias)
                {
                    reader.Vector(weights[1], m, destination, k * n * m, $"{where} bias");
                }

                break;
            default:
                reader.Matrix(weights[0], n, m, transpose: false, destination, 0, $"{where} kernel", "[in][out]");
                if (layer.HasBias)
                {
                    reader.Vector(weights[1], m, destination, n * m, $"{where} bias");
                }

                break;
        }
    }

    /// <summary>Column blocks z, r, n (Keras) → r, z, n (PyTorch, NetGen), for each of <paramref name="rows"/> rows.</summary>
    private static void SwapZr(double[] source, int from, int rows, int units, double[] destination, int to)
    {
        int width = 3 * units;
        for (int i = 0; i < rows; i++)
        {
            int s = from + (i * width), d = to + (i * width);
            System.Array.Copy(source, s + units, destination, d, units);
            System.Array.Copy(source, s, destination, d + units, units);
            System.Array.Copy(source, s + (2 * units), destination, d + (2 * units), units);
        }
    }

    /// <summary>The file's weight layers, each with its activation (its own, or an activation layer's right after it).</summary>
    private static List<FileLayer> Fold(JsonValue layers)
    {
        var result = new List<FileLayer>();
        for (int index = 0; index < layers.Items.Count; index++)
        {
            JsonValue layer = layers.Items[index];
            string type = layer.Kind == JsonKind.Object && layer["type"] is { Kind: JsonKind.String } t
                ? t.Text
                : throw ModelFormatException.Invalid($"file layer {index + 1} has no \"type\"");
            Activation activation = ActivationOf(layer, index, type);
            if (type == "activation")
            {
                FileLayer? last = result.Count > 0 ? result[result.Count - 1] : null;
                if (last is null || last.Activation != Activation.Identity || last.Kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru)
                {
                    throw ModelFormatException.NotSupported(
                        $"file layer {index + 1} is an activation layer that does not follow a dense or convolution layer without one; " +
                        "NetGen applies activations inside dense and convolution layers only");
                }

                last.Activation = activation;
                continue;
            }

            SequenceLayerKind kind = type switch
            {
                "dense" or "time-distributed-dense" => SequenceLayerKind.Dense,
                "conv1d" => SequenceLayerKind.Conv1D,
                "lstm" => SequenceLayerKind.Lstm,
                "gru" => SequenceLayerKind.Gru,
                _ => throw ModelFormatException.NotSupported(
                    $"file layer {index + 1} has type {JsonValue.Quote(type)}, which sequence networks do not have " +
                    "(dense, conv1d, gru, lstm, activation)"),
            };
            if (kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru && activation != Activation.Identity)
            {
                throw ModelFormatException.NotSupported(
                    $"file layer {index + 1} ({type}) has an activation; NetGen's recurrent layers output h as it is");
            }

            if (layer["weights"] is not { Kind: JsonKind.Array } weights)
            {
                throw ModelFormatException.Invalid($"file layer {index + 1} ({type}): \"weights\" must be an array");
            }

            int withoutBias = kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru ? 2 : 1;
            if (weights.Items.Count != withoutBias && weights.Items.Count != withoutBias + 1)
            {
                throw ModelFormatException.Invalid(
                    $"file layer {index + 1} ({type}) has {weights.Items.Count} weight arrays; " +
                    $"expected {withoutBias}, or {withoutBias + 1} with the bias last");
            }

            bool hasBias = weights.Items.Count > withoutBias;
            result.Add(new FileLayer(layer, type, kind, index, weights.Items, hasBias) { Activation = activation });
        }

        return result;
    }

    private static Activation ActivationOf(JsonValue layer, int index, string type)
    {
        string name = layer["activation"] is { Kind: JsonKind.String } a ? a.Text : "";
        return name switch
        {
            "" => Activation.Identity,
            "tanh" => Activation.Tanh,
            "sigmoid" => Activation.Sigmoid,
            "relu" => Activation.ReLU,
            "elu" => Activation.ELU,
            _ => throw ModelFormatException.NotSupported(
                $"file layer {index + 1} ({type}) has activation {JsonValue.Quote(name)}, which sequence layers do not support " +
                "(tanh, sigmoid, relu, elu)"),
        };
    }

    private static int Setting(FileLayer layer, string name) =>
        layer.Json[name] is { Kind: JsonKind.Array } value && value.Items.Count > 0
            ? Integer(value.Items[value.Items.Count - 1], $"file layer {layer.Index + 1} \"{name}\"")
            : throw ModelFormatException.Invalid($"file layer {layer.Index + 1}: \"{name}\" must be an array ending in an integer");

    private static int LastDimension(JsonValue shape, string what) =>
        shape.Kind == JsonKind.Array && shape.Items.Count > 0
            ? Integer(shape.Items[shape.Items.Count - 1], what)
            : throw ModelFormatException.Invalid($"{what} must be an array ending in an integer");

    private static int Integer(JsonValue value, string what) =>
        value.Kind == JsonKind.Number &&
        int.TryParse(value.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)
            ? n
            : throw ModelFormatException.Invalid($"{what} must end in a non-negative integer, found {value.Text}");

    private sealed class FileLayer
    {
        public FileLayer(JsonValue json, string type, SequenceLayerKind kind, int index, List<JsonValue> weights, bool hasBias)
        {
            Json = json;
            Type = type;
            Kind = kind;
            Index = index;
            Weights = weights;
            HasBias = hasBias;
        }

        public JsonValue Json { get; }

        public string Type { get; }

        public SequenceLayerKind Kind { get; }

        public int Index { get; }

        public List<JsonValue> Weights { get; }

        public bool HasBias { get; }

        public Activation Activation { get; set; }
    }
}
