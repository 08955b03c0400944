using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Onnx.Messages;

// Also compiled into the generator (linked): [NetworkModel] reads an ONNX file's dense network with it.
namespace NetGen.Onnx;

/// <summary>
/// Recognizes a dense network in an ONNX graph and decodes its parameters into NetGen's layout. The graph is walked
/// backwards from its output: each step recognizes one activation (an operator, or a formula of operators), then
/// the linear layer that feeds it (Gemm, or MatMul with an optional Add), until the walk reaches the graph's input.
/// Recognizing by data flow, not by node position, accepts any topological order of the nodes; every node must
/// belong to the chain. The values are read as doubles (a float widens exactly); constants of the activation
/// formulas compare at the model's element type.
/// </summary>
internal sealed class DenseGraph
{
    private readonly GraphProto _graph;
    private readonly Dictionary<string, TensorProto> _initializers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeProto> _producers = new(StringComparer.Ordinal);
    private readonly HashSet<NodeProto> _matched = new();
    private readonly int _elementType;
    private NodeProto? _flatten;

    private DenseGraph(GraphProto graph, int elementType)
    {
        _graph = graph;
        _elementType = elementType;
        foreach (TensorProto initializer in graph.Initializers)
        {
            _initializers[initializer.Name] = initializer;
        }

        foreach (NodeProto node in graph.Nodes)
        {
            foreach (string output in node.Outputs)
            {
                if (output.Length == 0)
                {
                    continue;
                }

                if (!_producers.ContainsKey(output))
                {
                    _producers[output] = node;
                }
                else
                {
                    throw new OnnxFormatException($"Value '{output}' is computed by two nodes ('{_producers[output].Name}' and '{node.Name}').");
                }
            }
        }
    }

    /// <summary>
    /// Recognizes the dense network in <paramref name="model"/>, whose values must be of <paramref name="elementType"/>
    /// (ONNX FLOAT or DOUBLE), and returns its layers from input to output. Widths that are given are checked against
    /// the graph's input and output first; widths that are not are checked against the layers found.
    /// </summary>
    public static IReadOnlyList<Layer> Recognize(ModelProto model, int elementType, int? inputWidth, int? outputWidth)
    {
        GraphProto graph = model.Graph
            ?? throw new OnnxFormatException("The file has no graph (ModelProto.graph is missing): it is not an ONNX model.");
        if (!model.OpsetImports.Any(o => IsDefaultDomain(o.Domain)))
        {
            throw new OnnxFormatException("The model imports no version of the default ONNX operator set (opset_import has no \"\" or \"ai.onnx\" domain).");
        }

        if (graph.SparseInitializerCount != 0)
        {
            throw new OnnxFormatException($"The graph has {graph.SparseInitializerCount} sparse initializer(s); NetGen reads dense initializers only.");
        }

        var reader = new DenseGraph(graph, elementType);
        ValueInfoProto input = reader.SingleInput();
        ValueInfoProto output = reader.SingleOutput();
        reader.CheckValue(input, "input", inputWidth);
        reader.CheckValue(output, "output", outputWidth);

        List<Layer> layers = reader.WalkLayers(input.Name, output.Name);
        reader.CheckEveryNodeMatched();
        reader.CheckFlattenInput(input);
        if (layers.Count > 0)
        {
            reader.CheckValue(input, "input", layers[0].Inputs);
            reader.CheckValue(output, "output", layers[layers.Count - 1].Outputs);
        }

        return layers;
    }

    /// <summary>The element type of the graph's data input: what <see cref="Recognize"/> needs when no network says it.</summary>
    public static int InputElementType(ModelProto model)
    {
        GraphProto graph = model.Graph
            ?? throw new OnnxFormatException("The file has no graph (ModelProto.graph is missing): it is not an ONNX model.");
        var initializers = new HashSet<string>(graph.Initializers.Select(i => i.Name), StringComparer.Ordinal);
        List<ValueInfoProto> inputs = graph.Inputs.Where(i => !initializers.Contains(i.Name)).ToList();
        return inputs.Count == 1 && inputs[0].Type?.TensorType is { } tensor ? tensor.ElemType : TensorElementType.Float;
    }

    /// <summary>
    /// The layers' parameters in NetGen's layout (for each layer W as [in][out] row-major, then b, when it has one),
    /// refusing values that are not finite (in float too, when <paramref name="toSingle"/>).
    /// </summary>
    public static double[] Decode(IReadOnlyList<Layer> layers, int elementType, bool toSingle = false)
    {
        var parameters = new List<double>();
        foreach (Layer layer in layers)
        {
            double[] stored = TensorValues.Read(layer.Weights, elementType, checked(layer.Inputs * layer.Outputs));
            TensorValues.CheckFinite(stored, layer.Weights, $"the weights of {layer.Description}", toSingle);
            for (int i = 0; i < layer.Inputs; i++)
            {
                for (int j = 0; j < layer.Outputs; j++)
                {
                    // The model stores W as [out][in] when transposed (Gemm transB = 1); NetGen stores [in][out].
                    parameters.Add(layer.TransposedWeights ? stored[(j * layer.Inputs) + i] : stored[(i * layer.Outputs) + j]);
                }
            }

            if (layer.Bias is { } bias)
            {
                CheckBiasShape(bias, layer);
                double[] values = TensorValues.Read(bias, elementType, layer.Outputs);
                TensorValues.CheckFinite(values, bias, $"the bias of {layer.Description}", toSingle);
                parameters.AddRange(values);
            }
        }

        return parameters.ToArray();
    }

    /// <summary>One recognized layer: z = x·W + b, a = f(z).</summary>
    internal sealed record Layer(
        TensorProto Weights,
        bool TransposedWeights,
        int Inputs,
        int Outputs,
        TensorProto? Bias,
        Activation Activation,
        Slope? LeakySlope,
        string Description);

    /// <summary>
    /// A LeakyReLU slope as the model stores it: a float attribute (LeakyRelu's alpha) or a constant of the
    /// element type. The network's slope matches when it rounds to the same value at that precision.
    /// </summary>
    internal readonly record struct Slope(double Value, bool IsFloatAttribute)
    {
        public bool Matches(double networkSlope, int elementType) => IsFloatAttribute || elementType == TensorElementType.Float
            ? (float)networkSlope == (float)Value
            : networkSlope == Value;
    }

    private ValueInfoProto SingleInput()
    {
        // Older exporters also list initializers among the graph inputs; those are not the data input.
        List<ValueInfoProto> inputs = _graph.Inputs.Where(i => !_initializers.ContainsKey(i.Name)).ToList();
        if (inputs.Count != 1)
        {
            throw new OnnxFormatException(
                $"The graph has {inputs.Count} data inputs ({Names(inputs)}); a dense network has exactly one.");
        }

        return inputs[0];
    }

    private ValueInfoProto SingleOutput()
    {
        if (_graph.Outputs.Count != 1)
        {
            throw new OnnxFormatException(
                $"The graph has {_graph.Outputs.Count} outputs ({Names(_graph.Outputs)}); a dense network has exactly one.");
        }

        return _graph.Outputs[0];
    }

    /// <summary>Checks a graph input or output: a tensor of the element type, [batch, width] when a shape is given.</summary>
    private void CheckValue(ValueInfoProto value, string role, int? width)
    {
        TensorTypeProto tensor = value.Type?.TensorType
            ?? throw new OnnxFormatException($"The graph {role} '{value.Name}' is not a tensor.");
        if (tensor.ElemType != _elementType)
        {
            throw new OnnxFormatException(
                $"The graph {role} '{value.Name}' has element type {TensorElementType.Describe(tensor.ElemType)}; " +
                $"the network's element type is {TensorValues.Describe(_elementType)}.");
        }

        if (tensor.Shape is not { } shape)
        {
            return;
        }

        string found = "[" + string.Join(", ", shape.Dims) + "]";
        if (width is null)
        {
            return;
        }

        if (shape.Dims.Count != 2)
        {
            throw new OnnxFormatException(
                $"The graph {role} '{value.Name}' has shape {found}; a dense network's {role} is [N, {width}] (rank 2).");
        }

        if (shape.Dims[1].Value is { } columns && columns != width)
        {
            throw new OnnxFormatException(
                $"The graph {role} '{value.Name}' has shape {found}; the network's {role} is [N, {width}].");
        }
    }

    private List<Layer> WalkLayers(string inputName, string outputName)
    {
        var layers = new List<Layer>();
        string value = SkipFlatten(outputName);
        while (value != inputName)
        {
            (Activation activation, Slope? slope, string activationDescription, string z) = MatchActivation(value);
            (TensorProto weights, bool transposed, TensorProto? bias, string linearDescription, string x) = MatchLinear(SkipFlatten(z));
            (int inputs, int outputs) = WeightShape(weights, transposed, linearDescription);
            layers.Add(new Layer(weights, transposed, inputs, outputs, bias, activation, slope,
                activationDescription.Length == 0 ? linearDescription : $"{linearDescription}, {activationDescription}"));
            value = SkipFlatten(x);
        }

        layers.Reverse();
        for (int l = 1; l < layers.Count; l++)
        {
            if (layers[l].Inputs != layers[l - 1].Outputs)
            {
                throw new OnnxFormatException(
                    $"Layer {l + 1} of the model ({layers[l].Description}) takes {layers[l].Inputs} inputs, " +
                    $"but layer {l} gives {layers[l - 1].Outputs} outputs.");
            }
        }

        return layers;
    }

    /// <summary>
    /// Steps back over Flatten nodes (nn.Flatten as exporters write it) that change nothing: axis 1 on an [N, k] value.
    /// Every value of the chain is [N, k] when the graph input is, which <see cref="CheckFlattenInput"/> requires.
    /// </summary>
    private string SkipFlatten(string value)
    {
        while (TryNode(value, "Flatten") is { } flatten)
        {
            long axis = IntAttribute(flatten, "axis", 1);
            if (axis is not (1 or -1))
            {
                throw new OnnxFormatException(
                    $"{Describe(flatten)} has axis = {axis}; on an [N, k] value only axis 1 (or −1) leaves it unchanged, the one Flatten NetGen reads.");
            }

            Consume(flatten);
            _flatten ??= flatten;
            value = flatten.Inputs[0];
        }

        return value;
    }

    private void CheckFlattenInput(ValueInfoProto input)
    {
        if (_flatten is { } flatten && input.Type?.TensorType?.Shape?.Dims.Count != 2)
        {
            string shape = input.Type?.TensorType?.Shape is { } s ? "[" + string.Join(", ", s.Dims) + "]" : "not given";
            throw new OnnxFormatException(
                $"{Describe(flatten)} is read as a no-op, which it is only when the graph input '{input.Name}' is [N, k]; its shape is {shape}.");
        }
    }

    private void CheckEveryNodeMatched()
    {
        List<NodeProto> extra = _graph.Nodes.Where(n => !_matched.Contains(n)).ToList();
        if (extra.Count != 0)
        {
            throw new OnnxFormatException(
                $"The graph has {extra.Count} node(s) outside the dense network's chain from input to output: " +
                string.Join(", ", extra.Take(5).Select(Describe)) + (extra.Count > 5 ? ", ..." : "") + ".");
        }
    }

    private static void CheckBiasShape(TensorProto bias, Layer layer)
    {
        bool ok = bias.Dims.Count switch
        {
            1 => bias.Dims[0] == layer.Outputs,
            2 => bias.Dims[0] == 1 && bias.Dims[1] == layer.Outputs,
            _ => false,
        };
        if (!ok)
        {
            throw new OnnxFormatException(
                $"Bias '{bias.Name}' of {layer.Description} has shape [{string.Join(", ", bias.Dims)}]; expected [{layer.Outputs}] or [1, {layer.Outputs}].");
        }
    }

    private static (int Inputs, int Outputs) WeightShape(TensorProto weights, bool transposed, string description)
    {
        if (weights.Dims.Count != 2 || weights.Dims[0] <= 0 || weights.Dims[1] <= 0
            || weights.Dims[0] > int.MaxValue || weights.Dims[1] > int.MaxValue)
        {
            throw new OnnxFormatException(
                $"Weights '{weights.Name}' of {description} have shape [{string.Join(", ", weights.Dims)}]; expected a matrix.");
        }

        (long rows, long columns) = (weights.Dims[0], weights.Dims[1]);
        return transposed ? ((int)columns, (int)rows) : ((int)rows, (int)columns);
    }

    // ---------------------------------------------------------------- linear layers

    /// <summary>Recognizes the layer that computes <paramref name="z"/>: Gemm, MatMul + Add, or MatMul.</summary>
    private (TensorProto Weights, bool Transposed, TensorProto? Bias, string Description, string X) MatchLinear(string z)
    {
        NodeProto node = RequireProducer(z, "a Gemm or MatMul layer");
        switch (node.OpType)
        {
            case "Gemm":
                return MatchGemm(node);
            case "MatMul":
            {
                (TensorProto weights, string x) = MatchMatMul(node);
                return (weights, false, null, Describe(node), x);
            }

            case "Add" when IsBiasAdd(node, out string product, out TensorProto? bias):
            {
                Consume(node);
                NodeProto matMul = _producers[product];
                (TensorProto weights, string x) = MatchMatMul(matMul);
                return (weights, false, bias, $"{Describe(matMul)} + {Describe(node)}", x);
            }

            default:
                throw new OnnxFormatException(
                    $"Value '{z}' is computed by {Describe(node)}; expected a Gemm, or a MatMul with an optional Add of the bias.");
        }
    }

    private (TensorProto Weights, bool Transposed, TensorProto? Bias, string Description, string X) MatchGemm(NodeProto gemm)
    {
        Consume(gemm);
        string description = Describe(gemm);
        if (gemm.Inputs.Count is < 2 or > 3 || gemm.Outputs.Count != 1)
        {
            throw new OnnxFormatException($"{description} has {gemm.Inputs.Count} inputs and {gemm.Outputs.Count} outputs; expected A, B[, C] and Y.");
        }

        RequireFloatAttribute(gemm, "alpha", 1f, "NetGen layers compute 1·x·W");
        bool hasBias = gemm.Inputs.Count == 3 && gemm.Inputs[2].Length != 0;
        if (hasBias)
        {
            RequireFloatAttribute(gemm, "beta", 1f, "NetGen layers add 1·b");
        }

        if (IntAttribute(gemm, "transA", 0) != 0)
        {
            throw new OnnxFormatException($"{description} has transA = 1; NetGen reads Gemm layers whose input is not transposed.");
        }

        long transB = IntAttribute(gemm, "transB", 0);
        if (transB is not (0 or 1))
        {
            throw new OnnxFormatException($"{description} has transB = {transB}; expected 0 or 1.");
        }

        TensorProto weights = RequireInitializer(gemm.Inputs[1], $"the weights (B) of {description}");
        TensorProto? bias = hasBias ? RequireInitializer(gemm.Inputs[2], $"the bias (C) of {description}") : null;
        return (weights, transB == 1, bias, description, gemm.Inputs[0]);
    }

    private (TensorProto Weights, string X) MatchMatMul(NodeProto matMul)
    {
        Consume(matMul);
        if (matMul.Inputs.Count != 2 || matMul.Outputs.Count != 1)
        {
            throw new OnnxFormatException($"{Describe(matMul)} has {matMul.Inputs.Count} inputs; expected 2.");
        }

        return (RequireInitializer(matMul.Inputs[1], $"the weights of {Describe(matMul)}"), matMul.Inputs[0]);
    }

    /// <summary>An Add of an initializer (the bias) to the output of a MatMul.</summary>
    private bool IsBiasAdd(NodeProto add, out string product, out TensorProto? bias)
    {
        product = "";
        bias = null;
        if (add.OpType != "Add" || add.Inputs.Count != 2)
        {
            return false;
        }

        for (int i = 0; i < 2; i++)
        {
            if (_initializers.TryGetValue(add.Inputs[i], out TensorProto? tensor)
                && _producers.TryGetValue(add.Inputs[1 - i], out NodeProto? producer)
                && producer.OpType == "MatMul" && IsDefaultDomain(producer.Domain))
            {
                product = add.Inputs[1 - i];
                bias = tensor;
                return true;
            }
        }

        return false;
    }

    // ---------------------------------------------------------------- activations

    /// <summary>
    /// Recognizes the activation that computes <paramref name="a"/> and returns its input z. A value computed
    /// directly by the linear layer has the identity activation.
    /// </summary>
    private (Activation Activation, Slope? LeakySlope, string Description, string Z) MatchActivation(string a)
    {
        NodeProto node = RequireProducer(a, "an activation or a layer");
        string description = Describe(node);
        switch (node.OpType)
        {
            case "Gemm" or "MatMul":
                return (Activation.Identity, null, "", a);
            case "Add" when IsBiasAdd(node, out _, out _):
                return (Activation.Identity, null, "", a);
            case "Identity":
                return (Activation.Identity, null, description, Unary(node));
            case "Sigmoid":
                return (Activation.Sigmoid, null, description, Unary(node));
            case "Tanh":
                return (Activation.Tanh, null, description, Unary(node));
            case "Relu":
                return (Activation.ReLU, null, description, Unary(node));
            case "Softplus":
                return (Activation.Softplus, null, description, Unary(node));
            case "LeakyRelu":
                // The attribute is a float: compare the network's slope at that precision.
                return (Activation.LeakyReLU, new Slope(FloatAttribute(node, "alpha", 0.01f), true), description, Unary(node));
            case "Elu":
                RequireFloatAttribute(node, "alpha", 1f, "NetGen's ELU has α = 1");
                return (Activation.ELU, null, description, Unary(node));
            case "Gelu":
                string approximate = StringAttribute(node, "approximate", "none");
                if (approximate != "tanh")
                {
                    throw new OnnxFormatException(
                        $"{description} has approximate = \"{approximate}\"; NetGen's GELU is the tanh approximation (approximate = \"tanh\").");
                }

                return (Activation.GELU, null, description, Unary(node));
            case "Softmax" or "LogSoftmax":
                long axis = IntAttribute(node, "axis", -1);
                if (axis is not (-1 or 1))
                {
                    throw new OnnxFormatException(
                        $"{description} has axis = {axis}; NetGen's {node.OpType} runs over the outputs of a sample (axis −1 or 1).");
                }

                return (node.OpType == "Softmax" ? Activation.Softmax : Activation.LogSoftmax, null, description, Unary(node));
            case "Where" when TryMatchWhere(node, out Activation activation, out double slope, out string z):
                Slope? formulaSlope = activation == Activation.LeakyReLU ? new Slope(slope, false) : null;
                return (activation, formulaSlope, $"{activation} formula ending in {description}", z);
            case "Add" when TryMatchSoftplus(node, out string z):
                return (Activation.Softplus, null, $"Softplus formula ending in {description}", z);
            case "Mul" when TryMatchGelu(node, out string z):
                return (Activation.GELU, null, $"GELU formula ending in {description}", z);
            default:
                throw new OnnxFormatException(
                    $"Value '{a}' is computed by {description}, which is neither a dense layer (Gemm, MatMul, Add) nor an activation " +
                    "NetGen knows (Identity, Sigmoid, Tanh, Relu, LeakyRelu, Softplus, Elu, Gelu, Softmax, LogSoftmax, or the formulas NetGen exports).");
        }
    }

    /// <summary>LeakyReLU = Where(z &gt; 0, z, α·z) or ELU = Where(z &gt; 0, z, e^z − 1).</summary>
    private bool TryMatchWhere(NodeProto where, out Activation activation, out double slope, out string z)
    {
        activation = default;
        slope = default;
        z = "";
        if (where.Inputs.Count != 3
            || TryNode(where.Inputs[0], "Greater") is not { } greater
            || !IsConstant(greater.Inputs[1], 0))
        {
            return false;
        }

        string candidate = greater.Inputs[0];
        if (where.Inputs[1] != candidate)
        {
            return false;
        }

        if (TryNode(where.Inputs[2], "Mul") is { } scale
            && TrySplitConstant(scale, out double alpha, out string scaled) && scaled == candidate)
        {
            Consume(where, greater, scale);
            (activation, slope, z) = (Activation.LeakyReLU, alpha, candidate);
            return true;
        }

        if (TryNode(where.Inputs[2], "Sub") is { } expm1 && IsConstant(expm1.Inputs[1], 1)
            && TryNode(expm1.Inputs[0], "Exp") is { } exp && exp.Inputs[0] == candidate)
        {
            Consume(where, greater, expm1, exp);
            (activation, z) = (Activation.ELU, candidate);
            return true;
        }

        return false;
    }

    /// <summary>Softplus = max(z, 0) + ln(1 + e^−|z|).</summary>
    private bool TryMatchSoftplus(NodeProto add, out string z)
    {
        z = "";
        foreach ((string left, string right) in Operands(add))
        {
            if (TryNode(left, "Max") is { } max && TrySplitConstant(max, 0, out string candidate)
                && TryNode(right, "Log") is { } log
                && TryNode(log.Inputs[0], "Add") is { } onePlus && TrySplitConstant(onePlus, 1, out string expValue)
                && TryNode(expValue, "Exp") is { } exp
                && TryNode(exp.Inputs[0], "Neg") is { } neg
                && TryNode(neg.Inputs[0], "Abs") is { } abs && abs.Inputs[0] == candidate)
            {
                Consume(add, max, log, onePlus, exp, neg, abs);
                z = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>GELU = (½·z)·(1 + tanh(√(2/π)·(z + ((0.044715·z)·z)·z))), factors in any order.</summary>
    private bool TryMatchGelu(NodeProto product, out string z)
    {
        z = "";
        foreach ((string left, string right) in Operands(product))
        {
            if (TryNode(left, "Mul") is not { } half || !TrySplitConstant(half, OnnxConstants.HalfValue, out string candidate)
                || TryNode(right, "Add") is not { } onePlus || !TrySplitConstant(onePlus, 1, out string tanhValue)
                || TryNode(tanhValue, "Tanh") is not { } tanh
                || TryNode(tanh.Inputs[0], "Mul") is not { } scale
                || !TrySplitConstant(scale, OnnxConstants.SqrtTwoOverPiValue, out string sumValue)
                || TryNode(sumValue, "Add") is not { } sum || !TrySplitValue(sum, candidate, out string cubic)
                || TryNode(cubic, "Mul") is not { } cube3 || !TrySplitValue(cube3, candidate, out string square)
                || TryNode(square, "Mul") is not { } cube2 || !TrySplitValue(cube2, candidate, out string linear)
                || TryNode(linear, "Mul") is not { } cube1
                || !TrySplitConstant(cube1, OnnxConstants.GeluCubicValue, out string innermost) || innermost != candidate)
            {
                continue;
            }

            Consume(product, half, onePlus, tanh, scale, sum, cube3, cube2, cube1);
            z = candidate;
            return true;
        }

        return false;
    }

    // ---------------------------------------------------------------- graph helpers

    private NodeProto RequireProducer(string value, string expected)
    {
        if (!_producers.TryGetValue(value, out NodeProto? node))
        {
            string what = _initializers.ContainsKey(value) ? "an initializer" : _graph.Inputs.Any(i => i.Name == value) ? "a graph input" : "not computed by any node";
            throw new OnnxFormatException($"Value '{value}' is {what}; expected {expected} to compute it on the way from the graph input to the output.");
        }

        if (_matched.Contains(node))
        {
            throw new OnnxFormatException($"{Describe(node)} is reached twice: the graph is not a chain of dense layers.");
        }

        if (!IsDefaultDomain(node.Domain))
        {
            throw new OnnxFormatException($"{Describe(node)} is in operator domain '{node.Domain}'; NetGen reads operators of the default ONNX domain only.");
        }

        return node;
    }

    /// <summary>The single input of a one-input, one-output node, which is consumed.</summary>
    private string Unary(NodeProto node)
    {
        if (node.Inputs.Count != 1 || node.Outputs.Count != 1)
        {
            throw new OnnxFormatException($"{Describe(node)} has {node.Inputs.Count} inputs and {node.Outputs.Count} outputs; expected one of each.");
        }

        Consume(node);
        return node.Inputs[0];
    }

    /// <summary>The unmatched default-domain node of type <paramref name="opType"/> computing <paramref name="value"/>.</summary>
    private NodeProto? TryNode(string value, string opType) =>
        _producers.TryGetValue(value, out NodeProto? node) && node.OpType == opType && IsDefaultDomain(node.Domain)
        && !_matched.Contains(node) && node.Outputs.Count == 1 && node.Inputs.Count == ArityOf(opType)
            ? node
            : null;

    private static int ArityOf(string opType) => opType is "Add" or "Sub" or "Mul" or "Max" or "Greater" ? 2 : 1;

    /// <summary>Both operand orders of a binary node.</summary>
    private static (string, string)[] Operands(NodeProto node) =>
        node.Inputs.Count == 2 ? [(node.Inputs[0], node.Inputs[1]), (node.Inputs[1], node.Inputs[0])] : [];

    /// <summary>One operand is a scalar constant equal to <paramref name="expected"/>; returns the other.</summary>
    private bool TrySplitConstant(NodeProto node, double expected, out string other)
    {
        foreach ((string constant, string rest) in Operands(node))
        {
            if (IsConstant(constant, expected))
            {
                other = rest;
                return true;
            }
        }

        other = "";
        return false;
    }

    /// <summary>One operand is a scalar constant (any value, returned); returns the other operand.</summary>
    private bool TrySplitConstant(NodeProto node, out double value, out string other)
    {
        foreach ((string constant, string rest) in Operands(node))
        {
            if (TryScalar(constant, out value))
            {
                other = rest;
                return true;
            }
        }

        value = default;
        other = "";
        return false;
    }

    /// <summary>One operand is <paramref name="value"/>; returns the other.</summary>
    private static bool TrySplitValue(NodeProto node, string value, out string other)
    {
        foreach ((string first, string rest) in Operands(node))
        {
            if (first == value)
            {
                other = rest;
                return true;
            }
        }

        other = "";
        return false;
    }

    /// <summary>Whether <paramref name="name"/> is a scalar constant equal to <paramref name="expected"/> at the element type.</summary>
    private bool IsConstant(string name, double expected) =>
        TryScalar(name, out double value)
        && (_elementType == TensorElementType.Float ? (float)value == (float)expected : value == expected);

    /// <summary>A one-element initializer of the element type.</summary>
    private bool TryScalar(string name, out double value)
    {
        value = 0;
        if (!_initializers.TryGetValue(name, out TensorProto? tensor) || tensor.DataType != _elementType
            || tensor.Dims.Any(d => d != 1) || tensor.UnsupportedStorage is not null)
        {
            return false;
        }

        try
        {
            value = TensorValues.Read(tensor, _elementType, 1)[0];
        }
        catch (OnnxFormatException)
        {
            return false;
        }

        return true;
    }

    private TensorProto RequireInitializer(string name, string role)
    {
        if (!_initializers.TryGetValue(name, out TensorProto? tensor))
        {
            throw new OnnxFormatException($"'{name}', {role}, is not an initializer; NetGen reads weights and biases stored in the model.");
        }

        return tensor;
    }

    private void Consume(params NodeProto[] nodes)
    {
        foreach (NodeProto node in nodes)
        {
            _matched.Add(node);
        }
    }

    private static float FloatAttribute(NodeProto node, string name, float defaultValue)
    {
        AttributeProto? attribute = node.FindAttribute(name);
        if (attribute is null)
        {
            return defaultValue;
        }

        if (attribute.Type != AttributeType.Float)
        {
            throw new OnnxFormatException($"Attribute {name} of {Describe(node)} is of type {attribute.Type}; expected a float.");
        }

        return attribute.Float;
    }

    private static void RequireFloatAttribute(NodeProto node, string name, float expected, string reason)
    {
        float value = FloatAttribute(node, name, 1f);
        if (value != expected)
        {
            throw new OnnxFormatException(
                $"{Describe(node)} has {name} = {value.ToString("R", CultureInfo.InvariantCulture)}; expected {expected.ToString(CultureInfo.InvariantCulture)} ({reason}).");
        }
    }

    private static long IntAttribute(NodeProto node, string name, long defaultValue)
    {
        AttributeProto? attribute = node.FindAttribute(name);
        if (attribute is null)
        {
            return defaultValue;
        }

        if (attribute.Type != AttributeType.Int)
        {
            throw new OnnxFormatException($"Attribute {name} of {Describe(node)} is of type {attribute.Type}; expected an int.");
        }

        return attribute.Int;
    }

    private static string StringAttribute(NodeProto node, string name, string defaultValue)
    {
        AttributeProto? attribute = node.FindAttribute(name);
        if (attribute is null)
        {
            return defaultValue;
        }

        if (attribute.Type != AttributeType.String)
        {
            throw new OnnxFormatException($"Attribute {name} of {Describe(node)} is of type {attribute.Type}; expected a string.");
        }

        return attribute.String;
    }

    private static bool IsDefaultDomain(string domain) => domain.Length == 0 || domain == "ai.onnx";

    private static string Describe(NodeProto node) =>
        node.Name.Length == 0 ? $"{node.OpType} node → '{string.Join("', '", node.Outputs)}'" : $"{node.OpType} node '{node.Name}'";

    private static string Names(IEnumerable<ValueInfoProto> values) =>
        values.Any() ? string.Join(", ", values.Select(v => $"'{v.Name}'")) : "none";
}
