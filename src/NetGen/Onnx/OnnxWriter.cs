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

    internal static ValueInfoProto MatrixValue(string name, int elementType, int columns)
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
}
