using System;
using System.Collections.Generic;
using System.Numerics;
using NetGen.Onnx.Messages;

namespace NetGen.Onnx;

/// <summary>
/// Builds the ONNX model of a sequence network: input [N, n] and output [N, m] are the N frames of one sequence run
/// from zero state (what <c>Process</c> computes from a fresh state). LSTM and GRU layers become ONNX <c>LSTM</c> and
/// <c>GRU</c> nodes (gate orders i, o, f, c and z, r, h; <c>linear_before_reset = 1</c>, PyTorch's GRU), each
/// between an <c>Unsqueeze</c> to [N, 1, n] and a <c>Squeeze</c> back; a causal convolution becomes a <c>Conv</c> on
/// [1, n, N] with <c>pads = [(k − 1)·d, 0]</c> and its dilation, between <c>Transpose</c>s; dense layers are
/// <c>Gemm</c>; activations as in dense models. Opset 14.
/// </summary>
internal static class SequenceOnnxWriter
{
    internal const int Opset = 14;

    public static ModelProto Build<T>(ISequenceNetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int elementType = OnnxElementTypes.Of<T>();
        ReadOnlySpan<SequenceLayer> layers = network.Layers;
        ReadOnlySpan<T> parameters = network.Parameters;
        int expected = 0;
        foreach (SequenceLayer layer in layers)
        {
            expected += layer.ParameterCount;
        }

        if (parameters.Length != expected)
        {
            throw new ArgumentException($"The network's layers describe {expected} parameters, but it has {parameters.Length}.", nameof(network));
        }

        var graph = new GraphProto { Name = network.GetType().Name, DocString = Describe(network) };
        graph.Inputs.Add(OnnxWriter.MatrixValue(OnnxWriter.InputName, elementType, network.InputSize));
        graph.Outputs.Add(OnnxWriter.MatrixValue(OnnxWriter.OutputName, elementType, network.OutputSize));
        var builder = new GraphBuilder<T>(graph, T.CreateTruncating(network.LeakySlope));
        string previous = OnnxWriter.InputName;
        int offset = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            SequenceLayer layer = layers[l];
            int index = l + 1;
            string output = l == layers.Length - 1 ? OnnxWriter.OutputName : $"a{index}";
            ReadOnlySpan<T> p = parameters.Slice(offset, layer.ParameterCount);
            offset += layer.ParameterCount;
            previous = layer.Kind switch
            {
                SequenceLayerKind.Lstm => Recurrent(builder, layer, index, p, previous, output, "LSTM", [0, 3, 1, 2]),
                SequenceLayerKind.Gru => Recurrent(builder, layer, index, p, previous, output, "GRU", [1, 0, 2]),
                SequenceLayerKind.Conv1D => Convolution(builder, layer, index, p, previous, output),
                _ => Dense(builder, layer, index, p, previous, output),
            };
        }

        var model = new ModelProto
        {
            IrVersion = 7,
            ProducerName = "NetGen",
            ProducerVersion = typeof(SequenceOnnxWriter).Assembly.GetName().Version?.ToString(3) ?? "",
            DocString = graph.DocString,
            Graph = graph,
        };
        model.OpsetImports.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        return model;
    }

    /// <summary>
    /// An ONNX LSTM or GRU: W [1, G·H, n] and R [1, G·H, H] with gate blocks in ONNX's order (<paramref name="order"/>[g]
    /// is the NetGen gate block that goes to ONNX block g), B [1, 2·G·H] = (input biases, recurrent biases).
    /// </summary>
    private static string Recurrent<T>(
        GraphBuilder<T> b, SequenceLayer layer, int index, ReadOnlySpan<T> p, string input, string output, string op, int[] order)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = layer.Inputs, h = layer.Outputs, gates = order.Length, width = gates * h;
        var w = new T[width * n];
        var r = new T[width * h];
        for (int g = 0; g < gates; g++)
        {
            for (int j = 0; j < h; j++)
            {
                int column = (order[g] * h) + j, row = (g * h) + j;
                for (int i = 0; i < n; i++)
                {
                    w[(row * n) + i] = p[(i * width) + column];
                }

                for (int i = 0; i < h; i++)
                {
                    r[(row * h) + i] = p[(n * width) + (i * width) + column];
                }
            }
        }

        // [N, n] → [N, 1, n] (sequence, batch, input); Y is [N, 1, 1, H] → [N, H].
        b.Node("Unsqueeze", $"unsqueeze{index}", $"x{index}", input, b.AddInt64("axis1", 1));
        var node = b.Node(op, $"{op.ToLowerInvariant()}{index}", $"y{index}", $"x{index}",
            b.AddTensor($"W{index}", w, 1, width, n), b.AddTensor($"R{index}", r, 1, width, h));
        if (layer.HasBias)
        {
            // NetGen's LSTM keeps one b (bias_ih + bias_hh): it goes in as the input bias, the recurrent bias 0.
            var bias = new T[2 * width];
            ReadOnlySpan<T> biases = p.Slice((n + h) * width);
            int sets = op == "LSTM" ? 1 : 2;
            for (int s = 0; s < sets; s++)
            {
                for (int g = 0; g < gates; g++)
                {
                    biases.Slice((s * width) + (order[g] * h), h).CopyTo(bias.AsSpan((s * width) + (g * h), h));
                }
            }

            node.Inputs.Add(b.AddTensor($"B{index}", bias, 1, 2 * width));
        }

        node.Attributes.Add(AttributeProto.FromInt("hidden_size", h));
        if (op == "GRU")
        {
            node.Attributes.Add(AttributeProto.FromInt("linear_before_reset", 1));
        }

        b.Node("Squeeze", $"squeeze{index}", output, $"y{index}", b.AddInt64("axes1_2", 1, 2));
        return output;
    }

    /// <summary>A causal dilated Conv on [1, n, N]: W [m, n, k] from NetGen's W[j][n][m], left padding (k − 1)·d.</summary>
    private static string Convolution<T>(GraphBuilder<T> b, SequenceLayer layer, int index, ReadOnlySpan<T> p, string input, string output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = layer.Inputs, m = layer.Outputs, k = layer.KernelSize;
        var w = new T[m * n * k];
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int o = 0; o < m; o++)
                {
                    w[(o * n * k) + (i * k) + j] = p[(j * n * m) + (i * m) + o];
                }
            }
        }

        b.Node("Transpose", $"transpose{index}", $"x{index}_t", input).Attributes.Add(Ints("perm", 1, 0));
        b.Node("Unsqueeze", $"unsqueeze{index}", $"x{index}", $"x{index}_t", b.AddInt64("axis0", 0));
        var conv = b.Node("Conv", $"conv{index}", $"y{index}", $"x{index}", b.AddTensor($"W{index}", w, m, n, k));
        if (layer.HasBias)
        {
            conv.Inputs.Add(b.AddTensor($"B{index}", p.Slice(k * n * m, m), m));
        }

        conv.Attributes.Add(Ints("kernel_shape", k));
        conv.Attributes.Add(Ints("dilations", layer.Dilation));
        conv.Attributes.Add(Ints("pads", (long)(k - 1) * layer.Dilation, 0));
        b.Node("Squeeze", $"squeeze{index}", $"y{index}_s", $"y{index}", b.AddInt64("axis0", 0));
        string z = layer.Activation == Activation.Identity ? output : $"z{index}";
        b.Node("Transpose", $"transpose{index}_back", z, $"y{index}_s").Attributes.Add(Ints("perm", 1, 0));
        b.AddActivation(layer.Activation, index, z, output);
        return output;
    }

    private static string Dense<T>(GraphBuilder<T> b, SequenceLayer layer, int index, ReadOnlySpan<T> p, string input, string output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = layer.Inputs, m = layer.Outputs;
        string z = layer.Activation == Activation.Identity ? output : $"z{index}";
        var gemm = b.Node("Gemm", $"gemm{index}", z, input, b.AddTensor($"W{index}", p.Slice(0, n * m), n, m));
        if (layer.HasBias)
        {
            gemm.Inputs.Add(b.AddTensor($"b{index}", p.Slice(n * m, m), m));
        }

        b.AddActivation(layer.Activation, index, z, output);
        return output;
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static string Describe<T>(ISequenceNetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var parts = new List<string>();
        foreach (SequenceLayer layer in network.Layers)
        {
            parts.Add($"{layer.Kind} {layer.Outputs}");
        }

        return $"Sequence network {network.InputSize} → {string.Join(" → ", parts)}, {(typeof(T) == typeof(float) ? "float" : "double")}, " +
               $"{(network.HasBias ? "with" : "without")} bias, one sequence of N frames from zero state, generated by NetGen.";
    }
}
