using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using NetGen.Onnx.Messages;

namespace NetGen.Onnx;

/// <summary>
/// Reads the parameters of a sequence network from an ONNX graph: NetGen's own exports and what
/// <c>torch.onnx.export</c> writes for modules of <c>nn.LSTM</c>, <c>nn.GRU</c>, <c>nn.Conv1d</c> (after
/// <c>F.pad(x, ((k − 1)·d, 0))</c>) and <c>nn.Linear</c> at opsets 14 to 17. The layers are the graph's LSTM, GRU,
/// Conv, MatMul (with the Add of its bias) and Gemm nodes in order, each activation node belonging to the layer
/// before; shape plumbing (Shape, Gather, Constant, ConstantOfShape, Concat, Unsqueeze, Squeeze, Transpose, Reshape,
/// Slice, Cast, Identity, Expand) carries no parameters. Initial states must be zero, padding causal, every other
/// operator is refused by name.
/// </summary>
internal static class SequenceGraphReader<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly HashSet<string> Plumbing = new(StringComparer.Ordinal)
    {
        "Shape", "Gather", "Constant", "ConstantOfShape", "Concat", "Unsqueeze", "Squeeze", "Transpose", "Reshape",
        "Slice", "Cast", "Identity", "Expand", "Pad",
    };

    private static readonly Dictionary<string, Activation> Activations = new(StringComparer.Ordinal)
    {
        ["Tanh"] = Activation.Tanh, ["Sigmoid"] = Activation.Sigmoid, ["Relu"] = Activation.ReLU, ["LeakyRelu"] = Activation.LeakyReLU,
        ["Elu"] = Activation.ELU, ["Softplus"] = Activation.Softplus,
    };

    /// <summary>One weight layer found in the graph.</summary>
    private sealed class Found
    {
        public required NodeProto Node { get; init; }
        public SequenceLayerKind Kind { get; init; }
        public TensorProto? Bias { get; set; }
        public Activation Activation { get; set; } = Activation.Identity;
        public string Output { get; set; } = "";
    }

    public static T[] ReadParameters(ModelProto model, ISequenceNetwork<T> network)
    {
        GraphProto graph = model.Graph ?? throw new OnnxFormatException("The model has no graph.");
        var initializers = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (TensorProto tensor in graph.Initializers)
        {
            initializers[tensor.Name] = tensor;
        }

        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (NodeProto node in graph.Nodes)
        {
            foreach (string output in node.Outputs)
            {
                producers[output] = node;
            }

            // Constant nodes hold tensors too: weights exported as constants read like initializers.
            if (node.OpType == "Constant" && node.FindAttribute("value")?.Tensor is { } value && node.Outputs.Count == 1)
            {
                initializers.TryAdd(node.Outputs[0], value);
            }
        }

        var folder = new ConstantFolder(initializers, producers);
        List<Found> found = Layers(graph, initializers, producers, folder, network, model.ProducerName == "NetGen");
        ReadOnlySpan<SequenceLayer> layers = network.Layers;
        if (found.Count != layers.Length)
        {
            throw new OnnxFormatException(
                $"The graph has {found.Count} weight layers ({string.Join(", ", found.Select(f => $"{f.Node.OpType} '{f.Node.Name}'"))}), " +
                $"but the network has {layers.Length}.");
        }

        var parameters = new T[network.ParameterCount];
        int offset = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            SequenceLayer layer = layers[l];
            Found f = found[l];
            string where = $"Layer {l + 1} ({layer.Kind} {layer.Inputs} → {layer.Outputs}) from {f.Node.OpType} '{f.Node.Name}'";
            if (f.Kind != layer.Kind)
            {
                throw new OnnxFormatException($"{where}: the node is a {f.Kind} layer, but the network declares [{layer.Kind}].");
            }

            if (f.Activation != layer.Activation)
            {
                throw new OnnxFormatException($"{where}: the graph applies {f.Activation}, but the network declares {layer.Activation}.");
            }

            Span<T> destination = parameters.AsSpan(offset, layer.ParameterCount);
            switch (layer.Kind)
            {
                case SequenceLayerKind.Lstm:
                    Recurrent(f.Node, layer, initializers, destination, where, [0, 3, 1, 2]);
                    break;
                case SequenceLayerKind.Gru:
                    Recurrent(f.Node, layer, initializers, destination, where, [1, 0, 2]);
                    break;
                case SequenceLayerKind.Conv1D:
                    Convolution(f, layer, initializers, destination, where);
                    break;
                default:
                    Dense(f, layer, initializers, destination, where);
                    break;
            }

            offset += layer.ParameterCount;
        }

        return parameters;
    }

    /// <summary>The weight layers in graph order, with biases and activations attached; refuses what is not plumbing.</summary>
    private static List<Found> Layers(
        GraphProto graph, Dictionary<string, TensorProto> initializers, Dictionary<string, NodeProto> producers, ConstantFolder folder,
        ISequenceNetwork<T> network, bool ownExport)
    {
        var found = new List<Found>();
        foreach (NodeProto node in graph.Nodes)
        {
            // NetGen writes double LeakyReLU, ELU and Softplus as small formulas (ONNX defines those operators for
            // float only), their nodes named after the activation: "elu2_exp", …, and the last one "elu2".
            if (ownExport && FormulaActivation(node.Name) is ({ } formula, bool last))
            {
                if (last && found.Count > 0 && found[^1].Kind is SequenceLayerKind.Dense or SequenceLayerKind.Conv1D)
                {
                    found[^1].Activation = formula;
                }

                continue;
            }

            if (node.Domain.Length > 0 && node.Domain != "ai.onnx")
            {
                throw new OnnxFormatException($"Node '{node.Name}' is {node.Domain}.{node.OpType}, which NetGen does not run.");
            }

            switch (node.OpType)
            {
                case "LSTM":
                case "GRU":
                    CheckRecurrent(node, initializers, producers, folder);
                    found.Add(new Found { Node = node, Kind = node.OpType == "LSTM" ? SequenceLayerKind.Lstm : SequenceLayerKind.Gru, Output = Output(node) });
                    break;
                case "Conv":
                    found.Add(new Found { Node = node, Kind = SequenceLayerKind.Conv1D, Bias = Optional(node, 2, initializers), Output = Output(node) });
                    CheckCausalPadding(node, producers, folder);
                    break;
                case "Gemm":
                case "MatMul":
                    found.Add(new Found { Node = node, Kind = SequenceLayerKind.Dense, Bias = node.OpType == "Gemm" ? Optional(node, 2, initializers) : null, Output = Output(node) });
                    break;
                case "Add" when found.Count > 0 && found[^1].Node.OpType == "MatMul" && found[^1].Bias is null &&
                                node.Inputs.Contains(found[^1].Output) && node.Inputs.FirstOrDefault(i => i != found[^1].Output) is { } other &&
                                initializers.TryGetValue(other, out TensorProto? bias):
                    found[^1].Bias = bias;
                    found[^1].Output = Output(node);
                    break;
                default:
                    if (Activations.TryGetValue(node.OpType, out Activation activation))
                    {
                        if (found.Count == 0 || found[^1].Kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru || found[^1].Activation != Activation.Identity)
                        {
                            throw new OnnxFormatException(
                                $"Node '{node.Name}' ({node.OpType}) does not follow a dense or convolution layer without an activation; " +
                                "NetGen applies activations inside those layers only.");
                        }

                        CheckActivationAttributes(node, activation, network);
                        found[^1].Activation = activation;
                    }
                    else if (!Plumbing.Contains(node.OpType))
                    {
                        throw new OnnxFormatException($"Node '{node.Name}' is {node.OpType}, which NetGen's sequence layers do not run.");
                    }

                    break;
            }
        }

        return found;
    }

    /// <summary>The activation a node of NetGen's double formulas belongs to, and whether it is the formula's last node.</summary>
    private static (Activation?, bool) FormulaActivation(string name)
    {
        foreach ((string prefix, Activation activation) in new[] { ("leaky_relu", Activation.LeakyReLU), ("elu", Activation.ELU), ("softplus", Activation.Softplus) })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length && char.IsAsciiDigit(name[prefix.Length]))
            {
                string rest = name.Substring(prefix.Length).TrimStart("0123456789".ToCharArray());
                return (activation, rest.Length == 0);
            }
        }

        return (null, false);
    }

    private static void CheckActivationAttributes(NodeProto node, Activation activation, ISequenceNetwork<T> network)
    {
        if (activation == Activation.LeakyReLU && node.FindAttribute("alpha") is { } alpha &&
            Math.Abs(alpha.Float - network.LeakySlope) > 1e-6 * Math.Max(1, network.LeakySlope))
        {
            throw new OnnxFormatException($"Node '{node.Name}' has LeakyRelu alpha {alpha.Float}, but the network's LeakySlope is {network.LeakySlope}.");
        }

        if (activation == Activation.ELU && node.FindAttribute("alpha") is { } eluAlpha && eluAlpha.Float != 1f)
        {
            throw new OnnxFormatException($"Node '{node.Name}' has Elu alpha {eluAlpha.Float}; NetGen's ELU has α = 1.");
        }
    }

    private static void CheckRecurrent(NodeProto node, Dictionary<string, TensorProto> initializers, Dictionary<string, NodeProto> producers, ConstantFolder folder)
    {
        string direction = node.FindAttribute("direction")?.String ?? "forward";
        if (direction != "forward")
        {
            throw new OnnxFormatException($"Node '{node.Name}' runs {direction}; NetGen's recurrent layers run forward only.");
        }

        if (node.OpType == "GRU" && node.FindAttribute("linear_before_reset")?.Int != 1)
        {
            throw new OnnxFormatException(
                $"Node '{node.Name}' is a GRU with linear_before_reset = 0; NetGen's GRU (PyTorch's) applies the reset gate after the recurrent product (linear_before_reset = 1).");
        }

        if (node.FindAttribute("clip") is not null || node.FindAttribute("input_forget")?.Int is 1 || node.FindAttribute("layout")?.Int is 1 ||
            (node.FindAttribute("activations") is { } activations && !activations.Strings.SequenceEqual(node.OpType == "LSTM" ? ["Sigmoid", "Tanh", "Tanh"] : ["Sigmoid", "Tanh"])))
        {
            throw new OnnxFormatException($"Node '{node.Name}' sets clip, input_forget, layout or non-default activations, which NetGen's {node.OpType} does not have.");
        }

        if (node.Inputs.Count > 4 && node.Inputs[4].Length > 0 && !folder.TryEvaluate(node.Inputs[4], out _))
        {
            throw new OnnxFormatException($"Node '{node.Name}' takes sequence lengths; NetGen runs whole sequences.");
        }

        for (int i = 5; i < node.Inputs.Count; i++)
        {
            string state = node.Inputs[i];
            if (state.Length > 0 && !IsZero(state, initializers, producers, folder))
            {
                throw new OnnxFormatException($"Node '{node.Name}' starts from a nonzero initial state ('{state}'); NetGen's sequences start from zero state.");
            }
        }
    }

    /// <summary>Whether a tensor is all zeros: a zero initializer, or ConstantOfShape of zero (what exporters write for h₀ and c₀).</summary>
    private static bool IsZero(string name, Dictionary<string, TensorProto> initializers, Dictionary<string, NodeProto> producers, ConstantFolder folder)
    {
        if (initializers.TryGetValue(name, out TensorProto? tensor) && tensor.DataType == OnnxElementTypes.Of<T>())
        {
            var values = new T[(int)tensor.Dims.Aggregate(1L, (a, b) => a * b)];
            OnnxElementTypes.CopyElements(tensor, values);
            return values.All(v => v == T.Zero);
        }

        if (producers.TryGetValue(name, out NodeProto? node))
        {
            // Reshaping or slicing zeros gives zeros (a stacked nn.LSTM slices one zero state per layer).
            if (node.OpType is "Identity" or "Expand" or "Unsqueeze" or "Squeeze" or "Reshape" or "Slice" or "Gather")
            {
                return IsZero(node.Inputs[0], initializers, producers, folder);
            }

            if (node.OpType == "ConstantOfShape")
            {
                TensorProto? value = node.FindAttribute("value")?.Tensor;
                if (value is null)
                {
                    return true;
                }

                var one = new T[1];
                if (value.DataType == OnnxElementTypes.Of<T>())
                {
                    OnnxElementTypes.CopyElements(value, one);
                    return one[0] == T.Zero;
                }
            }
        }

        return false;
    }

    /// <summary>The padding of a Conv must be causal: (k − 1)·d frames before the sequence, none after.</summary>
    private static void CheckCausalPadding(NodeProto conv, Dictionary<string, NodeProto> producers, ConstantFolder folder)
    {
        long k = conv.FindAttribute("kernel_shape")?.Ints is [long kernel] ? kernel : -1;
        long d = conv.FindAttribute("dilations")?.Ints is [long dilation] ? dilation : 1;
        if (conv.FindAttribute("strides")?.Ints is { Count: > 0 } strides && strides.Any(s => s != 1) || conv.FindAttribute("group")?.Int is > 1)
        {
            throw new OnnxFormatException($"Conv '{conv.Name}' has strides or groups; NetGen's Conv1D has neither.");
        }

        long before = 0, after = 0;
        if (conv.FindAttribute("pads")?.Ints is [long b, long e])
        {
            (before, after) = (b, e);
        }

        if (before == 0 && after == 0 && producers.TryGetValue(conv.Inputs[0], out NodeProto? pad) && pad.OpType == "Pad")
        {
            if ((pad.FindAttribute("mode")?.String ?? "constant") != "constant" ||
                pad.Inputs.Count < 2 || !folder.TryEvaluate(pad.Inputs[1], out Int64Tensor pads) || pads.Values.Length % 2 != 0 ||
                (pad.Inputs.Count > 2 && pad.Inputs[2].Length > 0 && !(folder.TryEvaluate(pad.Inputs[2], out Int64Tensor c) && c.Values.All(v => v == 0)) &&
                 !IsZeroFloat(pad.Inputs[2], producers)))
            {
                throw new OnnxFormatException($"Pad '{pad.Name}' before Conv '{conv.Name}' is not a constant zero padding NetGen can read.");
            }

            int rank = pads.Values.Length / 2;
            for (int a = 0; a < rank - 1; a++)
            {
                if (pads.Values[a] != 0 || pads.Values[rank + a] != 0)
                {
                    throw new OnnxFormatException($"Pad '{pad.Name}' pads an axis other than time.");
                }
            }

            (before, after) = (pads.Values[rank - 1], pads.Values[^1]);
        }

        if (k > 0 && (before != (k - 1) * d || after != 0))
        {
            throw new OnnxFormatException(
                $"Conv '{conv.Name}' pads its input by {before} frames before and {after} after; a causal convolution with kernel {k} and dilation {d} pads {(k - 1) * d} before and none after.");
        }
    }

    private static bool IsZeroFloat(string name, Dictionary<string, NodeProto> producers) =>
        producers.TryGetValue(name, out NodeProto? node) && node.OpType == "Constant" && node.FindAttribute("value")?.Tensor is { } t &&
        t.DataType == OnnxElementTypes.Of<T>() && Zero(t);

    private static bool Zero(TensorProto tensor)
    {
        var one = new T[1];
        OnnxElementTypes.CopyElements(tensor, one);
        return one[0] == T.Zero;
    }

    /// <summary>W [1, G·H, n], R [1, G·H, H], B [1, 2·G·H] in ONNX's gate order into NetGen's Wx, Wh and biases.</summary>
    private static void Recurrent(NodeProto node, SequenceLayer layer, Dictionary<string, TensorProto> initializers, Span<T> destination, string where, int[] netgenBlockOf)
    {
        int n = layer.Inputs, h = layer.Outputs, gates = netgenBlockOf.Length, width = gates * h;
        T[] w = Tensor(node, 1, initializers, [1, width, n], where, "W");
        T[] r = Tensor(node, 2, initializers, [1, width, h], where, "R");
        for (int g = 0; g < gates; g++)
        {
            int block = netgenBlockOf[g];
            for (int j = 0; j < h; j++)
            {
                int row = (g * h) + j, column = (block * h) + j;
                for (int i = 0; i < n; i++)
                {
                    destination[(i * width) + column] = w[(row * n) + i];
                }

                for (int i = 0; i < h; i++)
                {
                    destination[(n * width) + (i * width) + column] = r[(row * h) + i];
                }
            }
        }

        bool hasBias = node.Inputs.Count > 3 && node.Inputs[3].Length > 0;
        if (hasBias != layer.HasBias)
        {
            throw new OnnxFormatException($"{where}: the node {(hasBias ? "has" : "has no")} bias B, but the network {(layer.HasBias ? "has biases" : "has none (Bias = false)")}.");
        }

        if (!hasBias)
        {
            return;
        }

        T[] b = Tensor(node, 3, initializers, [1, 2 * width], where, "B");
        Span<T> biases = destination.Slice((n + h) * width);
        for (int g = 0; g < gates; g++)
        {
            int block = netgenBlockOf[g];
            for (int j = 0; j < h; j++)
            {
                T input = b[(g * h) + j], recurrent = b[width + (g * h) + j];
                if (layer.Kind == SequenceLayerKind.Lstm)
                {
                    biases[(block * h) + j] = input + recurrent;   // only the sum matters
                }
                else
                {
                    biases[(block * h) + j] = input;
                    biases[width + (block * h) + j] = recurrent;
                }
            }
        }
    }

    private static void Convolution(Found f, SequenceLayer layer, Dictionary<string, TensorProto> initializers, Span<T> destination, string where)
    {
        int n = layer.Inputs, m = layer.Outputs, k = layer.KernelSize;
        long dilation = f.Node.FindAttribute("dilations")?.Ints is [long d] ? d : 1;
        if (dilation != layer.Dilation)
        {
            throw new OnnxFormatException($"{where}: the Conv's dilation is {dilation}, but the network declares {layer.Dilation}.");
        }

        T[] w = Tensor(f.Node, 1, initializers, [m, n, k], where, "W");
        for (int o = 0; o < m; o++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    destination[(j * n * m) + (i * m) + o] = w[(o * n * k) + (i * k) + j];
                }
            }
        }

        ReadBias(f, layer, destination.Slice(k * n * m), where);
    }

    private static void Dense(Found f, SequenceLayer layer, Dictionary<string, TensorProto> initializers, Span<T> destination, string where)
    {
        int n = layer.Inputs, m = layer.Outputs;
        bool transposed = f.Node.OpType == "Gemm" && f.Node.FindAttribute("transB")?.Int == 1;
        if (f.Node.OpType == "Gemm" && (f.Node.FindAttribute("transA")?.Int == 1 || f.Node.FindAttribute("alpha") is { Float: not 1f } || f.Node.FindAttribute("beta") is { Float: not 1f }))
        {
            throw new OnnxFormatException($"{where}: the Gemm sets transA, alpha or beta, which a dense layer does not have.");
        }

        T[] w = Tensor(f.Node, 1, initializers, transposed ? [m, n] : [n, m], where, "B");
        for (int i = 0; i < n; i++)
        {
            for (int o = 0; o < m; o++)
            {
                destination[(i * m) + o] = transposed ? w[(o * n) + i] : w[(i * m) + o];
            }
        }

        ReadBias(f, layer, destination.Slice(n * m), where);
    }

    private static void ReadBias(Found f, SequenceLayer layer, Span<T> destination, string where)
    {
        if ((f.Bias is not null) != layer.HasBias)
        {
            throw new OnnxFormatException($"{where}: the graph {(f.Bias is null ? "has no" : "has a")} bias, but the network {(layer.HasBias ? "has biases" : "has none (Bias = false)")}.");
        }

        if (f.Bias is { } bias)
        {
            if (bias.Dims.Aggregate(1L, (a, b) => a * b) != destination.Length)
            {
                throw new OnnxFormatException($"{where}: bias '{bias.Name}' has shape [{string.Join(", ", bias.Dims)}]; expected {destination.Length} values.");
            }

            OnnxElementTypes.CopyElements(bias, destination);
            CheckFinite(destination, where, bias.Name);
        }
    }

    private static T[] Tensor(NodeProto node, int input, Dictionary<string, TensorProto> initializers, long[] shape, string where, string role)
    {
        if (input >= node.Inputs.Count || !initializers.TryGetValue(node.Inputs[input], out TensorProto? tensor))
        {
            throw new OnnxFormatException($"{where}: input {role} is not an initializer or constant; NetGen reads fixed weights only.");
        }

        if (!tensor.Dims.SequenceEqual(shape))
        {
            throw new OnnxFormatException($"{where}: {role} '{tensor.Name}' has shape [{string.Join(", ", tensor.Dims)}]; the declared layer needs [{string.Join(", ", shape)}].");
        }

        var values = new T[(int)shape.Aggregate(1L, (a, b) => a * b)];
        OnnxElementTypes.CopyElements(tensor, values);
        CheckFinite(values, where, tensor.Name);
        return values;
    }

    private static void CheckFinite(ReadOnlySpan<T> values, string where, string name)
    {
        foreach (T value in values)
        {
            if (!T.IsFinite(value))
            {
                throw new OnnxFormatException($"{where}: '{name}' holds a value that is not finite ({value}).");
            }
        }
    }

    private static TensorProto? Optional(NodeProto node, int input, Dictionary<string, TensorProto> initializers) =>
        input < node.Inputs.Count && node.Inputs[input].Length > 0 && initializers.TryGetValue(node.Inputs[input], out TensorProto? t) ? t : null;

    private static string Output(NodeProto node) => node.Outputs.Count > 0 ? node.Outputs[0] : "";
}
