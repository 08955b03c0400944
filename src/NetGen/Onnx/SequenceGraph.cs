using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Onnx.Messages;

// Also compiled into the generator (linked): [NetworkModel] reads an ONNX file's sequence network with it.
namespace NetGen.Onnx;

/// <summary>
/// Reads the parameters of a sequence network from an ONNX graph: NetGen's own exports and what
/// <c>torch.onnx.export</c> writes for modules of <c>nn.LSTM</c>, <c>nn.GRU</c>, <c>nn.Conv1d</c> (after
/// <c>F.pad(x, ((k − 1)·d, 0))</c>) and <c>nn.Linear</c> (after <see cref="ModelGraph.Prepare"/>). The layers are the graph's LSTM, GRU,
/// Conv, MatMul (with the Add of its bias) and Gemm nodes in order, each activation node belonging to the layer
/// before; shape plumbing (Shape, Gather, Constant, ConstantOfShape, Concat, Unsqueeze, Squeeze, Transpose, Reshape,
/// Slice, Cast, Identity, Expand) carries no parameters. Initial states must be zero, padding causal, every other
/// operator is refused by name. <see cref="Recognize"/> finds the layers; <see cref="Decode"/> reads one layer's
/// parameters for the layer it is declared as (by the network at run time, by <see cref="Describe"/> at compile time).
/// </summary>
internal static class SequenceGraph
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
    internal sealed class Found
    {
        public Found(NodeProto node, SequenceLayerKind kind)
        {
            Node = node;
            Kind = kind;
        }

        public NodeProto Node { get; }

        public SequenceLayerKind Kind { get; }

        public TensorProto? Bias { get; set; }

        public Activation Activation { get; set; } = Activation.Identity;

        /// <summary>The activation node's alpha (LeakyRelu's slope, Elu's α), when it has one.</summary>
        public float? Alpha { get; set; }

        public string Output { get; set; } = "";

        /// <summary>The initializers and constants of the graph, by name.</summary>
        internal Dictionary<string, TensorProto> Initializers { get; set; } = null!;
    }

    /// <summary>The weight layers of <paramref name="model"/> in graph order, with biases and activations attached.</summary>
    public static List<Found> Recognize(ModelProto model, int elementType)
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
            if (node.OpType == "Constant" && node.FindAttribute("value")?.Tensor is { } value && node.Outputs.Count == 1
                && !initializers.ContainsKey(node.Outputs[0]))
            {
                initializers[node.Outputs[0]] = value;
            }
        }

        var folder = new ConstantFolder(initializers, producers);
        List<Found> found = Layers(graph, initializers, producers, folder, elementType, model.ProducerName == "NetGen");
        foreach (Found f in found)
        {
            f.Initializers = initializers;
        }

        return found;
    }

    /// <summary>Whether a graph holds a sequence layer (LSTM, GRU or Conv), so that it is read as a sequence network.</summary>
    public static bool HasSequenceLayer(ModelProto model) =>
        model.Graph is { } graph && graph.Nodes.Any(n => n.OpType is "LSTM" or "GRU" or "Conv");

    /// <summary>
    /// The layer a found node is, from its weights' shapes and attributes: what a compile-time model declares.
    /// <paramref name="hasBias"/> is the network's choice (biases in every layer or in none).
    /// </summary>
    public static SequenceLayer Describe(Found f, bool hasBias)
    {
        NodeProto node = f.Node;
        long[] w = WeightDims(f, 1);
        switch (f.Kind)
        {
            case SequenceLayerKind.Lstm:
            case SequenceLayerKind.Gru:
                int gates = f.Kind == SequenceLayerKind.Lstm ? 4 : 3;
                if (w.Length != 3 || w[0] != 1 || w[1] % gates != 0 || w[1] <= 0 || w[2] <= 0)
                {
                    throw new OnnxFormatException(
                        $"{node.OpType} '{node.Name}': W has shape [{string.Join(", ", w)}]; expected [1, {gates}·hidden, inputs].");
                }

                return new SequenceLayer(f.Kind, Narrow(w[2], node), Narrow(w[1] / gates, node), 1, 1, Activation.Identity, hasBias);
            case SequenceLayerKind.Conv1D:
                if (w.Length != 3 || w[0] <= 0 || w[1] <= 0 || w[2] <= 0)
                {
                    throw new OnnxFormatException(
                        $"Conv '{node.Name}': W has shape [{string.Join(", ", w)}]; a one-dimensional convolution's is [outputs, inputs, kernel].");
                }

                long dilation = node.FindAttribute("dilations")?.Ints is { Count: 1 } d ? d[0] : 1;
                return new SequenceLayer(
                    f.Kind, Narrow(w[1], node), Narrow(w[0], node), Narrow(w[2], node), Narrow(dilation, node), f.Activation, hasBias);
            default:
                if (w.Length != 2 || w[0] <= 0 || w[1] <= 0)
                {
                    throw new OnnxFormatException($"{node.OpType} '{node.Name}': B has shape [{string.Join(", ", w)}]; expected a matrix.");
                }

                bool transposed = node.OpType == "Gemm" && node.FindAttribute("transB")?.Int == 1;
                (long inputs, long outputs) = transposed ? (w[1], w[0]) : (w[0], w[1]);
                return new SequenceLayer(f.Kind, Narrow(inputs, node), Narrow(outputs, node), 1, 1, f.Activation, hasBias);
        }
    }

    /// <summary>
    /// The parameters of <paramref name="f"/> in NetGen's layout for <paramref name="layer"/>, the layer it is read
    /// as; <paramref name="where"/> starts every message. With <paramref name="toSingle"/>, values too large for
    /// float are refused too.
    /// </summary>
    public static double[] Decode(Found f, SequenceLayer layer, int elementType, string where, bool toSingle = false)
    {
        if (f.Kind != layer.Kind)
        {
            throw new OnnxFormatException($"{where}: the node is a {f.Kind} layer, but the network declares [{layer.Kind}].");
        }

        if (f.Activation != layer.Activation)
        {
            throw new OnnxFormatException($"{where}: the graph applies {f.Activation}, but the network declares {layer.Activation}.");
        }

        var destination = new double[layer.ParameterCount];
        var reader = new TensorSource(f.Initializers, elementType, where, toSingle);
        switch (layer.Kind)
        {
            case SequenceLayerKind.Lstm:
                Recurrent(f.Node, layer, reader, destination, where, [0, 3, 1, 2]);
                break;
            case SequenceLayerKind.Gru:
                Recurrent(f.Node, layer, reader, destination, where, [1, 0, 2]);
                break;
            case SequenceLayerKind.Conv1D:
                Convolution(f, layer, reader, destination, where);
                break;
            default:
                Dense(f, layer, reader, destination, where);
                break;
        }

        return destination;
    }

    private static long[] WeightDims(Found f, int input) =>
        input < f.Node.Inputs.Count && f.Initializers.TryGetValue(f.Node.Inputs[input], out TensorProto? w)
            ? w.Dims.ToArray()
            : throw new OnnxFormatException(
                $"{f.Node.OpType} '{f.Node.Name}': its weights are not an initializer or constant; NetGen reads fixed weights only.");

    private static int Narrow(long value, NodeProto node) =>
        value is > 0 and <= int.MaxValue
            ? (int)value
            : throw new OnnxFormatException($"{node.OpType} '{node.Name}' has a dimension of {value}, which NetGen does not generate.");

    /// <summary>The weight layers in graph order, with biases and activations attached; refuses what is not plumbing.</summary>
    private static List<Found> Layers(
        GraphProto graph, Dictionary<string, TensorProto> initializers, Dictionary<string, NodeProto> producers, ConstantFolder folder,
        int elementType, bool ownExport)
    {
        var found = new List<Found>();
        foreach (NodeProto node in graph.Nodes)
        {
            // NetGen writes double LeakyReLU, ELU and Softplus as small formulas (ONNX defines those operators for
            // float only), their nodes named after the activation: "elu2_exp", …, and the last one "elu2".
            if (ownExport && FormulaActivation(node.Name) is ({ } formula, bool last))
            {
                if (last && found.Count > 0 && found[found.Count - 1].Kind is SequenceLayerKind.Dense or SequenceLayerKind.Conv1D)
                {
                    found[found.Count - 1].Activation = formula;
                }

                continue;
            }

            if (node.Domain.Length > 0 && node.Domain != "ai.onnx")
            {
                throw new OnnxFormatException($"Node '{node.Name}' is {node.Domain}.{node.OpType}, which NetGen does not run.");
            }

            RequireInputs(node);
            switch (node.OpType)
            {
                case "LSTM":
                case "GRU":
                    CheckRecurrent(node, initializers, producers, folder, elementType);
                    found.Add(new Found(node, node.OpType == "LSTM" ? SequenceLayerKind.Lstm : SequenceLayerKind.Gru) { Output = Output(node) });
                    break;
                case "Conv":
                    found.Add(new Found(node, SequenceLayerKind.Conv1D) { Bias = Optional(node, 2, initializers), Output = Output(node) });
                    CheckCausalPadding(node, initializers, producers, folder, elementType);
                    break;
                case "Gemm":
                case "MatMul":
                    found.Add(new Found(node, SequenceLayerKind.Dense)
                    {
                        Bias = node.OpType == "Gemm" ? Optional(node, 2, initializers) : null,
                        Output = Output(node),
                    });
                    break;
                case "Add" when found.Count > 0 && found[found.Count - 1] is { Node.OpType: "MatMul", Bias: null } matMul &&
                                node.Inputs.Contains(matMul.Output) && node.Inputs.FirstOrDefault(i => i != matMul.Output) is { } other &&
                                initializers.TryGetValue(other, out TensorProto? bias):
                    matMul.Bias = bias;
                    matMul.Output = Output(node);
                    break;
                default:
                    if (Activations.TryGetValue(node.OpType, out Activation activation))
                    {
                        Found? previous = found.Count == 0 ? null : found[found.Count - 1];
                        if (previous is null || previous.Kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru || previous.Activation != Activation.Identity)
                        {
                            throw new OnnxFormatException(
                                $"Node '{node.Name}' ({node.OpType}) does not follow a dense or convolution layer without an activation; " +
                                "NetGen applies activations inside those layers only.");
                        }

                        CheckElu(node, activation);
                        previous.Activation = activation;
                        previous.Alpha = activation == Activation.LeakyReLU ? node.FindAttribute("alpha")?.Float : null;
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

    /// <summary>Refuses a layer node without the inputs and output its operator has.</summary>
    private static void RequireInputs(NodeProto node)
    {
        int needed = node.OpType switch
        {
            "LSTM" or "GRU" => 3,
            "Conv" or "Gemm" or "MatMul" or "Add" => 2,
            _ => 0,
        };
        if (node.Inputs.Count < needed || (needed > 0 && (node.Outputs.Count == 0 || node.Inputs[0].Length == 0)))
        {
            throw new OnnxFormatException(
                $"Node '{node.Name}' ({node.OpType}) has {node.Inputs.Count} inputs and {node.Outputs.Count} outputs; " +
                $"{node.OpType} takes at least {needed} inputs and gives an output.");
        }
    }

    /// <summary>The activation a node of NetGen's double formulas belongs to, and whether it is the formula's last node.</summary>
    private static (Activation?, bool) FormulaActivation(string name)
    {
        foreach ((string prefix, Activation activation) in new[] { ("leaky_relu", Activation.LeakyReLU), ("elu", Activation.ELU), ("softplus", Activation.Softplus) })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length && name[prefix.Length] is >= '0' and <= '9')
            {
                string rest = name.Substring(prefix.Length).TrimStart("0123456789".ToCharArray());
                return (activation, rest.Length == 0);
            }
        }

        return (null, false);
    }

    private static void CheckElu(NodeProto node, Activation activation)
    {
        if (activation == Activation.ELU && node.FindAttribute("alpha") is { } eluAlpha && eluAlpha.Float != 1f)
        {
            throw new OnnxFormatException($"Node '{node.Name}' has Elu alpha {eluAlpha.Float}; NetGen's ELU has α = 1.");
        }
    }

    private static void CheckRecurrent(
        NodeProto node, Dictionary<string, TensorProto> initializers, Dictionary<string, NodeProto> producers, ConstantFolder folder, int elementType)
    {
        string direction = node.FindAttribute("direction")?.String ?? "forward";
        if (direction != "forward")
        {
            throw new OnnxFormatException($"Node '{node.Name}' runs {direction}; NetGen's recurrent layers run forward only.");
        }

        // Both values are ONNX cells; NetGen computes PyTorch's, linear_before_reset = 1, and reads the attribute as written.
        if (node.OpType == "GRU" && node.FindAttribute("linear_before_reset") is not { Type: AttributeType.Int, Int: 1 })
        {
            string value = node.FindAttribute("linear_before_reset") is { } set
                ? $"linear_before_reset = {(set.Type == AttributeType.Int ? set.Int.ToString(System.Globalization.CultureInfo.InvariantCulture) : set.Type.ToString())}"
                : "no linear_before_reset attribute (ONNX's default is 0)";
            throw new OnnxFormatException(
                $"GRU node '{node.Name}' has {value}; NetGen's GRU (PyTorch's) is the ONNX GRU with linear_before_reset = 1, which " +
                "applies the reset gate after the recurrent product. With 0 the file describes another cell, which NetGen does not compute.");
        }

        if (node.FindAttribute("clip") is not null || node.FindAttribute("input_forget")?.Int is 1 || node.FindAttribute("layout")?.Int is 1 ||
            (node.FindAttribute("activations") is { } activations
             && !activations.Strings.SequenceEqual(node.OpType == "LSTM" ? new[] { "Sigmoid", "Tanh", "Tanh" } : new[] { "Sigmoid", "Tanh" })))
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
            if (state.Length > 0 && !IsZero(state, initializers, producers, elementType, depth: 0))
            {
                throw new OnnxFormatException($"Node '{node.Name}' starts from a nonzero initial state ('{state}'); NetGen's sequences start from zero state.");
            }
        }
    }

    /// <summary>Whether a tensor is all zeros: a zero initializer, or ConstantOfShape of zero (what exporters write for h₀ and c₀).</summary>
    private static bool IsZero(
        string name, Dictionary<string, TensorProto> initializers, Dictionary<string, NodeProto> producers, int elementType, int depth)
    {
        if (depth > 64)
        {
            return false;   // a chain this long (or a cycle) is not what an exporter writes for a zero state
        }

        if (initializers.TryGetValue(name, out TensorProto? tensor) && tensor.DataType == elementType)
        {
            long count = tensor.Dims.Aggregate(1L, (a, b) => a * b);
            return count is >= 0 and <= int.MaxValue && TensorValues.Read(tensor, elementType, (int)count).All(v => v == 0);
        }

        if (producers.TryGetValue(name, out NodeProto? node))
        {
            // Reshaping or slicing zeros gives zeros (a stacked nn.LSTM slices one zero state per layer).
            if (node.OpType is "Identity" or "Expand" or "Unsqueeze" or "Squeeze" or "Reshape" or "Slice" or "Gather")
            {
                return node.Inputs.Count > 0 && IsZero(node.Inputs[0], initializers, producers, elementType, depth + 1);
            }

            if (node.OpType == "ConstantOfShape")
            {
                TensorProto? value = node.FindAttribute("value")?.Tensor;
                if (value is null)
                {
                    return true;
                }

                if (value.DataType == elementType)
                {
                    return TensorValues.Read(value, elementType, 1)[0] == 0;
                }
            }
        }

        return false;
    }

    /// <summary>The padding of a Conv must be causal: (k − 1)·d frames before the sequence, none after.</summary>
    private static void CheckCausalPadding(
        NodeProto conv, Dictionary<string, TensorProto> initializers, Dictionary<string, NodeProto> producers, ConstantFolder folder, int elementType)
    {
        long k = conv.FindAttribute("kernel_shape")?.Ints is { Count: 1 } kernel ? kernel[0] : -1;
        long d = conv.FindAttribute("dilations")?.Ints is { Count: 1 } dilation ? dilation[0] : 1;
        if (conv.FindAttribute("strides")?.Ints is { Count: > 0 } strides && strides.Any(s => s != 1) || conv.FindAttribute("group")?.Int is > 1)
        {
            throw new OnnxFormatException($"Conv '{conv.Name}' has strides or groups; NetGen's Conv1D has neither.");
        }

        long before = 0, after = 0;
        if (conv.FindAttribute("pads")?.Ints is { Count: 2 } pairs)
        {
            (before, after) = (pairs[0], pairs[1]);
        }

        if (before == 0 && after == 0 && producers.TryGetValue(conv.Inputs[0], out NodeProto? pad) && pad.OpType == "Pad")
        {
            if ((pad.FindAttribute("mode")?.String ?? "constant") != "constant" ||
                pad.Inputs.Count < 2 || !folder.TryEvaluate(pad.Inputs[1], out Int64Tensor pads) || pads.Values.Length % 2 != 0 ||
                pads.Values.Length == 0 ||
                (pad.Inputs.Count > 2 && pad.Inputs[2].Length > 0 && !(folder.TryEvaluate(pad.Inputs[2], out Int64Tensor c) && c.Values.All(v => v == 0)) &&
                 !IsZeroConstant(pad.Inputs[2], producers, elementType) && !IsZero(pad.Inputs[2], initializers, producers, elementType, depth: 0)))
            {
                throw new OnnxFormatException($"Pad '{pad.Name}' before Conv '{conv.Name}' is not a constant zero padding NetGen can read.");
            }

            if (pad.Inputs.Count > 3 && pad.Inputs[3].Length > 0)
            {
                // Opset 18 added the axes input: pads then hold a (before, after) pair for those axes only.
                if (!folder.TryEvaluate(pad.Inputs[3], out Int64Tensor axes) || axes.Values.Length != 1 || axes.Values[0] is not (-1 or 2)
                    || pads.Values.Length != 2)
                {
                    throw new OnnxFormatException($"Pad '{pad.Name}' pads an axis other than time (its axes input).");
                }

                (before, after) = (pads.Values[0], pads.Values[1]);
            }
            else
            {
                int rank = pads.Values.Length / 2;
                for (int a = 0; a < rank - 1; a++)
                {
                    if (pads.Values[a] != 0 || pads.Values[rank + a] != 0)
                    {
                        throw new OnnxFormatException($"Pad '{pad.Name}' pads an axis other than time.");
                    }
                }

                (before, after) = (pads.Values[rank - 1], pads.Values[pads.Values.Length - 1]);
            }
        }

        if (k > 0 && (before != (k - 1) * d || after != 0))
        {
            throw new OnnxFormatException(
                $"Conv '{conv.Name}' pads its input by {before} frames before and {after} after; a causal convolution with kernel {k} and dilation {d} pads {(k - 1) * d} before and none after.");
        }
    }

    private static bool IsZeroConstant(string name, Dictionary<string, NodeProto> producers, int elementType) =>
        producers.TryGetValue(name, out NodeProto? node) && node.OpType == "Constant" && node.FindAttribute("value")?.Tensor is { } t &&
        t.DataType == elementType && TensorValues.Read(t, elementType, 1)[0] == 0;

    /// <summary>W [1, G·H, n], R [1, G·H, H], B [1, 2·G·H] in ONNX's gate order into NetGen's Wx, Wh and biases.</summary>
    private static void Recurrent(NodeProto node, SequenceLayer layer, TensorSource reader, double[] destination, string where, int[] netgenBlockOf)
    {
        int n = layer.Inputs, h = layer.Outputs, gates = netgenBlockOf.Length, width = gates * h;
        double[] w = reader.Tensor(node, 1, [1, width, n], "W");
        double[] r = reader.Tensor(node, 2, [1, width, h], "R");
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

        double[] b = reader.Tensor(node, 3, [1, 2 * width], "B");
        int biases = (n + h) * width;
        for (int g = 0; g < gates; g++)
        {
            int block = netgenBlockOf[g];
            for (int j = 0; j < h; j++)
            {
                double input = b[(g * h) + j], recurrent = b[width + (g * h) + j];
                if (layer.Kind == SequenceLayerKind.Lstm)
                {
                    // Only the sum matters; it is rounded to the element type as PyTorch's float sum is.
                    double sum = input + recurrent;
                    destination[biases + (block * h) + j] = reader.ElementType == TensorElementType.Float ? (float)sum : sum;
                }
                else
                {
                    destination[biases + (block * h) + j] = input;
                    destination[biases + width + (block * h) + j] = recurrent;
                }
            }
        }
    }

    private static void Convolution(Found f, SequenceLayer layer, TensorSource reader, double[] destination, string where)
    {
        int n = layer.Inputs, m = layer.Outputs, k = layer.KernelSize;
        long dilation = f.Node.FindAttribute("dilations")?.Ints is { Count: 1 } d ? d[0] : 1;
        if (dilation != layer.Dilation)
        {
            throw new OnnxFormatException($"{where}: the Conv's dilation is {dilation}, but the network declares {layer.Dilation}.");
        }

        double[] w = reader.Tensor(f.Node, 1, [m, n, k], "W");
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

        ReadBias(f, layer, reader, destination, k * n * m, where);
    }

    private static void Dense(Found f, SequenceLayer layer, TensorSource reader, double[] destination, string where)
    {
        int n = layer.Inputs, m = layer.Outputs;
        bool transposed = f.Node.OpType == "Gemm" && f.Node.FindAttribute("transB")?.Int == 1;
        if (f.Node.OpType == "Gemm" && (f.Node.FindAttribute("transA")?.Int == 1 || f.Node.FindAttribute("alpha") is { Float: not 1f } || f.Node.FindAttribute("beta") is { Float: not 1f }))
        {
            throw new OnnxFormatException($"{where}: the Gemm sets transA, alpha or beta, which a dense layer does not have.");
        }

        double[] w = reader.Tensor(f.Node, 1, transposed ? [m, n] : [n, m], "B");
        for (int i = 0; i < n; i++)
        {
            for (int o = 0; o < m; o++)
            {
                destination[(i * m) + o] = transposed ? w[(o * n) + i] : w[(i * m) + o];
            }
        }

        ReadBias(f, layer, reader, destination, n * m, where);
    }

    private static void ReadBias(Found f, SequenceLayer layer, TensorSource reader, double[] destination, int offset, string where)
    {
        if ((f.Bias is not null) != layer.HasBias)
        {
            throw new OnnxFormatException($"{where}: the graph {(f.Bias is null ? "has no" : "has a")} bias, but the network {(layer.HasBias ? "has biases" : "has none (Bias = false)")}.");
        }

        if (f.Bias is { } bias)
        {
            int count = destination.Length - offset;
            if (bias.Dims.Aggregate(1L, (a, b) => a * b) != count)
            {
                throw new OnnxFormatException($"{where}: bias '{bias.Name}' has shape [{string.Join(", ", bias.Dims)}]; expected {count} values.");
            }

            reader.Values(bias, count, "bias").CopyTo(destination, offset);
        }
    }

    /// <summary>Reads a layer's tensors as doubles of the model's element type, checking shapes and finiteness.</summary>
    private sealed class TensorSource(Dictionary<string, TensorProto> initializers, int elementType, string where, bool toSingle)
    {
        public int ElementType => elementType;

        public double[] Tensor(NodeProto node, int input, long[] shape, string role)
        {
            if (input >= node.Inputs.Count || !initializers.TryGetValue(node.Inputs[input], out TensorProto? tensor))
            {
                throw new OnnxFormatException($"{where}: input {role} is not an initializer or constant; NetGen reads fixed weights only.");
            }

            if (!tensor.Dims.SequenceEqual(shape))
            {
                throw new OnnxFormatException(
                    $"{where}: {role} '{tensor.Name}' has shape [{string.Join(", ", tensor.Dims)}]; the declared layer needs [{string.Join(", ", shape)}].");
            }

            return Values(tensor, (int)shape.Aggregate(1L, (a, b) => a * b), role);
        }

        public double[] Values(TensorProto tensor, int count, string role)
        {
            double[] values = TensorValues.Read(tensor, elementType, count);
            TensorValues.CheckFinite(values, tensor, $"{role} of {where}", toSingle);
            return values;
        }
    }

    private static TensorProto? Optional(NodeProto node, int input, Dictionary<string, TensorProto> initializers) =>
        input < node.Inputs.Count && node.Inputs[input].Length > 0 && initializers.TryGetValue(node.Inputs[input], out TensorProto? t) ? t : null;

    private static string Output(NodeProto node) => node.Outputs.Count > 0 ? node.Outputs[0] : "";
}
