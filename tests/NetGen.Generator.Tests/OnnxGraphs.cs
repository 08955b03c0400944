using System;
using System.IO;
using System.Linq;
using NetGen.Onnx.Messages;
using NetGen.Onnx.Protobuf;

namespace NetGen.Generator.Tests;

/// <summary>
/// Small ONNX models written as torch.onnx.export writes an <c>nn.Sequential</c> of <c>nn.Linear</c> layers and
/// activations (Gemm with transB = 1, W stored [out][in]), built with the protobuf types the generator links.
/// </summary>
internal static class OnnxGraphs
{
    /// <summary>
    /// A float model of <paramref name="sizes"/> whose layer l applies the operator <paramref name="activations"/>[l]
    /// (null for none); parameter k (in file order: W then b per layer) is <paramref name="value"/>(k).
    /// </summary>
    public static byte[] Dense(int[] sizes, string?[] activations, Func<int, float> value, bool bias = true)
    {
        var graph = new GraphProto { Name = "main_graph" };
        graph.Inputs.Add(Matrix("input", sizes[0]));
        graph.Outputs.Add(Matrix("output", sizes[^1]));
        string previous = "input";
        int k = 0;
        for (int l = 0; l < sizes.Length - 1; l++)
        {
            bool last = l == sizes.Length - 2;
            string z = activations[l] is null && last ? "output" : $"/{2 * l}/Gemm_output_0";
            var gemm = new NodeProto { Name = $"/{2 * l}/Gemm", OpType = "Gemm" };
            gemm.Attributes.Add(AttributeProto.FromInt("transB", 1));
            gemm.Inputs.Add(previous);
            gemm.Inputs.Add(Tensor(graph, $"{2 * l}.weight", sizes[l + 1] * sizes[l], value, ref k, sizes[l + 1], sizes[l]));
            if (bias)
            {
                gemm.Inputs.Add(Tensor(graph, $"{2 * l}.bias", sizes[l + 1], value, ref k, sizes[l + 1]));
            }

            gemm.Outputs.Add(z);
            graph.Nodes.Add(gemm);
            previous = z;
            if (activations[l] is { } op)
            {
                string a = last ? "output" : $"/{2 * l + 1}/{op}_output_0";
                var node = new NodeProto { Name = $"/{2 * l + 1}/{op}", OpType = op };
                node.Inputs.Add(z);
                node.Outputs.Add(a);
                graph.Nodes.Add(node);
                previous = a;
            }
        }

        var model = new ModelProto { IrVersion = 7, ProducerName = "pytorch", Graph = graph };
        model.OpsetImports.Add(new OperatorSetIdProto { Domain = "", Version = 14 });
        return Write(model);
    }

    /// <summary>The model in <paramref name="bytes"/> after <paramref name="edit"/>, written again.</summary>
    public static byte[] Edit(byte[] bytes, Action<ModelProto> edit)
    {
        ModelProto model = ModelProto.Parse(new ProtoReader(bytes, bytes.Length));
        edit(model);
        return Write(model);
    }

    private static byte[] Write(ModelProto model)
    {
        using var stream = new MemoryStream();
        var writer = new ProtoWriter(stream);
        model.WriteTo(writer);
        writer.Flush();
        return stream.ToArray();
    }

    private static string Tensor(GraphProto graph, string name, int count, Func<int, float> value, ref int k, params long[] dims)
    {
        var bytes = new byte[count * 4];
        for (int i = 0; i < count; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), value(k++));
        }

        var tensor = new TensorProto { Name = name, DataType = TensorElementType.Float, RawData = bytes };
        tensor.Dims.AddRange(dims);
        graph.Initializers.Add(tensor);
        return name;
    }

    private static ValueInfoProto Matrix(string name, int columns)
    {
        var shape = new TensorShapeProto();
        shape.Dims.Add(DimensionProto.Symbolic("batch"));
        shape.Dims.Add(DimensionProto.Fixed(columns));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TensorTypeProto { ElemType = TensorElementType.Float, Shape = shape } },
        };
    }
}
