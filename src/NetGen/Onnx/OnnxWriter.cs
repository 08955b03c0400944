using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Reflection;
using NetGen.Onnx.Messages;
using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx;

/// <summary>
/// Builds the ONNX model of a generated network and writes it as protobuf; <see cref="OnnxModel"/>'s <c>Save</c>
/// methods check their arguments and call it. The model's layout is described on <see cref="OnnxModel"/>.
/// </summary>
internal static class OnnxWriter
{
    /// <summary>Name of the model's input: [N, InputSize].</summary>
    internal const string InputName = "input";

    /// <summary>Name of the model's output: [N, OutputSize].</summary>
    internal const string OutputName = "output";

    /// <summary>Name of the symbolic batch dimension.</summary>
    internal const string BatchDimension = "N";

    /// <summary>The opset of every model, except float networks with GELU.</summary>
    internal const int BaseOpset = 13;

    /// <summary>The first opset with the Gelu operator.</summary>
    internal const int GeluOpset = 20;

    /// <summary>Writes <paramref name="model"/> to <paramref name="stream"/> at its position and flushes the writer's buffer.</summary>
    public static void Write(ModelProto model, Stream stream)
    {
        var writer = new ProtoWriter(stream);
        model.WriteTo(writer);
        writer.Flush();
    }

    /// <summary>The ONNX opset a model of <paramref name="network"/> is written with.</summary>
    internal static int OpsetFor<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) && network.Activations.Contains(Activation.GELU) ? GeluOpset : BaseOpset;

    /// <summary>
    /// The ONNX model of <paramref name="network"/>; throws <see cref="ArgumentException"/> if the network describes
    /// itself inconsistently and <see cref="NotSupportedException"/> unless <typeparamref name="T"/> is float or double.
    /// </summary>
    public static ModelProto Build<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int elementType = OnnxElementTypes.Of<T>();
        int opset = OpsetFor(network);
        ReadOnlySpan<int> sizes = network.LayerSizes;
        ReadOnlySpan<Activation> activations = network.Activations;
        ReadOnlySpan<T> parameters = network.Parameters;
        int expectedCount = NetworkLayout.ParameterCount(sizes, network.HasBias);
        if (parameters.Length != expectedCount || activations.Length != sizes.Length - 1)
        {
            throw new ArgumentException(
                $"The network describes {expectedCount} parameters and {sizes.Length - 1} activations but has " +
                $"{parameters.Length} parameters and {activations.Length} activations.",
                nameof(network));
        }

        var graph = new GraphProto { Name = network.GetType().Name, DocString = Describe(network) };
        graph.Inputs.Add(MatrixValue(InputName, elementType, sizes[0]));
        graph.Outputs.Add(MatrixValue(OutputName, elementType, sizes[^1]));
        var builder = new GraphBuilder<T>(graph, T.CreateTruncating(network.LeakySlope));

        string previous = InputName;
        int offset = 0;
        for (int layer = 1; layer < sizes.Length; layer++)
        {
            int inputs = sizes[layer - 1], outputs = sizes[layer];
            bool last = layer == sizes.Length - 1;
            Activation activation = activations[layer - 1];
            string activated = last ? OutputName : $"a{layer}";
            string preActivation = activation == Activation.Identity ? activated : $"z{layer}";

            // z_l = a_{l−1}·W_l + b_l: Gemm(A, B, C) = A·B + C with W_l stored [in][out], so transB = 0.
            var gemm = new NodeProto { Name = $"gemm{layer}", OpType = "Gemm" };
            gemm.Inputs.Add(previous);
            gemm.Inputs.Add(builder.AddTensor($"W{layer}", parameters.Slice(offset, inputs * outputs), inputs, outputs));
            offset += inputs * outputs;
            if (network.HasBias)
            {
                gemm.Inputs.Add(builder.AddTensor($"b{layer}", parameters.Slice(offset, outputs), outputs));
                offset += outputs;
            }

            gemm.Outputs.Add(preActivation);
            graph.Nodes.Add(gemm);

            // a_l = f(z_l)
            builder.AddActivation(activation, layer, preActivation, activated);
            previous = activated;
        }

        var model = new ModelProto
        {
            IrVersion = opset >= GeluOpset ? 9 : 7,
            ProducerName = "NetGen",
            ProducerVersion = typeof(OnnxWriter).Assembly.GetName().Version?.ToString(3) ?? "",
            DocString = graph.DocString,
            Graph = graph,
        };
        model.OpsetImports.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    private static ValueInfoProto MatrixValue(string name, int elementType, int columns)
    {
        var shape = new TensorShapeProto();
        shape.Dims.Add(DimensionProto.Symbolic(BatchDimension));
        shape.Dims.Add(DimensionProto.Fixed(columns));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TensorTypeProto { ElemType = elementType, Shape = shape } },
        };
    }

    /// <summary>"Dense network 3 → 5 → 2 (Tanh, Softmax), float, with bias, generated by NetGen".</summary>
    private static string Describe<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sizes = new List<string>();
        foreach (int size in network.LayerSizes)
        {
            sizes.Add(size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var activations = new List<string>();
        foreach (Activation activation in network.Activations)
        {
            activations.Add(activation.ToString());
        }

        return $"Dense network {string.Join(" → ", sizes)} ({string.Join(", ", activations)}), " +
               $"{(typeof(T) == typeof(float) ? "float" : "double")}, {(network.HasBias ? "with" : "without")} bias, " +
               "generated by NetGen.";
    }

    /// <summary>Adds initializers and activation nodes to a graph, each shared constant once.</summary>
    private sealed class GraphBuilder<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly GraphProto _graph;
        private readonly T _leakySlope;
        private readonly HashSet<string> _constants = new();

        public GraphBuilder(GraphProto graph, T leakySlope)
        {
            _graph = graph;
            _leakySlope = leakySlope;
        }

        /// <summary>Adds an initializer holding <paramref name="values"/> with the given dimensions; returns its name.</summary>
        public string AddTensor(string name, ReadOnlySpan<T> values, params ReadOnlySpan<long> dims)
        {
            var tensor = new TensorProto { Name = name, DataType = OnnxElementTypes.Of<T>(), RawData = OnnxElementTypes.ToBytes(values) };
            foreach (long dim in dims)
            {
                tensor.Dims.Add(dim);
            }

            _graph.Initializers.Add(tensor);
            return name;
        }

        public void AddActivation(Activation activation, int layer, string z, string a)
        {
            bool isDouble = typeof(T) == typeof(double);
            switch (activation)
            {
                case Activation.Identity:
                    break; // the Gemm already wrote its result under the activation's name
                case Activation.Sigmoid:
                    Node("Sigmoid", $"sigmoid{layer}", a, z);
                    break;
                case Activation.Tanh:
                    Node("Tanh", $"tanh{layer}", a, z);
                    break;
                case Activation.ReLU:
                    Node("Relu", $"relu{layer}", a, z);
                    break;
                case Activation.Softmax:
                    Node("Softmax", $"softmax{layer}", a, z).Attributes.Add(AttributeProto.FromInt("axis", -1));
                    break;
                case Activation.LeakyReLU when !isDouble:
                    Node("LeakyRelu", $"leaky_relu{layer}", a, z)
                        .Attributes.Add(AttributeProto.FromFloat("alpha", float.CreateTruncating(_leakySlope)));
                    break;
                case Activation.LeakyReLU:
                    // z > 0 ? z : α·z
                    Node("Greater", $"leaky_relu{layer}_positive", $"{z}_positive", z, Constant(OnnxConstants.Zero, T.Zero));
                    Node("Mul", $"leaky_relu{layer}_scale", $"{z}_scaled", z, Constant(OnnxConstants.LeakySlope, _leakySlope));
                    Node("Where", $"leaky_relu{layer}", a, $"{z}_positive", z, $"{z}_scaled");
                    break;
                case Activation.Softplus when !isDouble:
                    Node("Softplus", $"softplus{layer}", a, z);
                    break;
                case Activation.Softplus:
                    // max(z, 0) + ln(1 + e^−|z|)
                    Node("Abs", $"softplus{layer}_abs", $"{z}_abs", z);
                    Node("Neg", $"softplus{layer}_neg", $"{z}_neg_abs", $"{z}_abs");
                    Node("Exp", $"softplus{layer}_exp", $"{z}_exp_neg_abs", $"{z}_neg_abs");
                    Node("Add", $"softplus{layer}_one_plus", $"{z}_one_plus_exp", Constant(OnnxConstants.One, T.One), $"{z}_exp_neg_abs");
                    Node("Log", $"softplus{layer}_log", $"{z}_log", $"{z}_one_plus_exp");
                    Node("Max", $"softplus{layer}_max", $"{z}_max0", z, Constant(OnnxConstants.Zero, T.Zero));
                    Node("Add", $"softplus{layer}", a, $"{z}_max0", $"{z}_log");
                    break;
                case Activation.ELU when !isDouble:
                    Node("Elu", $"elu{layer}", a, z).Attributes.Add(AttributeProto.FromFloat("alpha", 1f));
                    break;
                case Activation.ELU:
                    // z > 0 ? z : e^z − 1
                    Node("Greater", $"elu{layer}_positive", $"{z}_positive", z, Constant(OnnxConstants.Zero, T.Zero));
                    Node("Exp", $"elu{layer}_exp", $"{z}_exp", z);
                    Node("Sub", $"elu{layer}_expm1", $"{z}_expm1", $"{z}_exp", Constant(OnnxConstants.One, T.One));
                    Node("Where", $"elu{layer}", a, $"{z}_positive", z, $"{z}_expm1");
                    break;
                case Activation.GELU when !isDouble:
                    Node("Gelu", $"gelu{layer}", a, z).Attributes.Add(AttributeProto.FromString("approximate", "tanh"));
                    break;
                case Activation.GELU:
                    // ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))), multiplied in the order NetGen multiplies.
                    Node("Mul", $"gelu{layer}_cubic1", $"{z}_c1", Constant(OnnxConstants.GeluCubic, OnnxConstants.GeluCubicValue<T>()), z);
                    Node("Mul", $"gelu{layer}_cubic2", $"{z}_c2", $"{z}_c1", z);
                    Node("Mul", $"gelu{layer}_cubic3", $"{z}_c3", $"{z}_c2", z);
                    Node("Add", $"gelu{layer}_sum", $"{z}_sum", z, $"{z}_c3");
                    Node("Mul", $"gelu{layer}_scale", $"{z}_inner", Constant(OnnxConstants.SqrtTwoOverPi, OnnxConstants.SqrtTwoOverPiValue<T>()), $"{z}_sum");
                    Node("Tanh", $"gelu{layer}_tanh", $"{z}_tanh", $"{z}_inner");
                    Node("Add", $"gelu{layer}_one_plus", $"{z}_one_plus_tanh", Constant(OnnxConstants.One, T.One), $"{z}_tanh");
                    Node("Mul", $"gelu{layer}_half", $"{z}_half", Constant(OnnxConstants.Half, OnnxConstants.HalfValue<T>()), z);
                    Node("Mul", $"gelu{layer}", a, $"{z}_half", $"{z}_one_plus_tanh");
                    break;
                default:
                    throw new ArgumentException($"Activation {activation} cannot be exported to ONNX.", nameof(activation));
            }
        }

        private NodeProto Node(string opType, string name, string output, params ReadOnlySpan<string> inputs)
        {
            var node = new NodeProto { Name = name, OpType = opType };
            foreach (string input in inputs)
            {
                node.Inputs.Add(input);
            }

            node.Outputs.Add(output);
            _graph.Nodes.Add(node);
            return node;
        }

        /// <summary>A scalar initializer, added the first time it is used; returns its name.</summary>
        private string Constant(string name, T value)
        {
            if (_constants.Add(name))
            {
                AddTensor(name, [value]);
            }

            return name;
        }
    }
}
