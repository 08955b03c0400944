using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Onnx.Messages;
using NetGen.Onnx.Protobuf;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>The diagnostics of ONNX model files, each at the path argument and naming what is wrong.</summary>
public sealed partial class DiagnosticTests
{
    private const string TinyModelClass = "\npublic partial class TinyModel\n{\n}\n";

    /// <summary>2 → 2 (ReLU) → 1, parameters 0.25·(k + 1) in file order.</summary>
    private static byte[] TinyOnnx(Func<int, float>? value = null, string?[]? activations = null) =>
        OnnxGraphs.Dense([2, 2, 1], activations ?? ["Relu", null], value ?? (k => 0.25f * (k + 1)));

    [Fact]
    public void NETGEN028_OnnxFileWithoutTheBuildStep_IsRefusedWithoutBeingRead_SayingWhatPassesIt()
    {
        GeneratorRun run = AssertModelDiagnostic(
            "NETGEN028", "[NetworkModel([|\"models/amp.onnx\"|])]" + ModelClass, ("/src/models/amp.onnx", null));
        AssertMessageContains(run, "reached the compiler unencoded");
        AssertMessageContains(run, "build/NetGen.targets");
    }

    [Fact]
    public void NETGEN028_TruncatedOnnx_OnThePath()
    {
        byte[] bytes = TinyOnnx();
        GeneratorRun run = AssertOnnxDiagnostic(
            "NETGEN028", "[NetworkModel([|\"models/tiny.onnx\"|])]" + TinyModelClass, bytes[..(bytes.Length / 2)]);
        AssertMessageContains(run, "cannot be read as an ONNX model: the data is not a valid ONNX model (truncated or not protobuf)");
    }

    [Fact]
    public void NETGEN028_OnnxAsWeights_SaysToUseNetworkModel() =>
        AssertMessageContains(
            AssertOnnxDiagnostic("NETGEN028", "[Network(2, 2, 1, [|Weights = \"models/tiny.onnx\"|])]" + TinyModelClass, TinyOnnx()),
            "use [NetworkModel]");

    [Theory]
    [InlineData("HardSigmoid", "computed by HardSigmoid node '/1/HardSigmoid'")]
    [InlineData("Softmax", "layer 1 (Gemm node '/0/Gemm', Softmax node '/1/Softmax') applies Softmax")]
    public void NETGEN029_OnnxOperatorNetGenDoesNotRun_NamingTheNodeAndOperator(string op, string detail)
    {
        GeneratorRun run = AssertOnnxDiagnostic(
            "NETGEN029", "[NetworkModel([|\"models/tiny.onnx\"|])]" + TinyModelClass, TinyOnnx(activations: [op, null]));
        AssertMessageContains(run, "The model file 'models/tiny.onnx' of 'TinyModel' cannot be generated");
        AssertMessageContains(run, detail);
    }

    [Fact]
    public void NETGEN029_OnnxGraphWithAnOperatorOfAnotherDomain()
    {
        byte[] bytes = OnnxGraphs.Edit(TinyOnnx(), model => model.Graph!.Nodes[1].Domain = "com.microsoft");
        GeneratorRun run = AssertOnnxDiagnostic("NETGEN029", "[NetworkModel([|\"models/tiny.onnx\"|])]" + TinyModelClass, bytes);
        AssertMessageContains(run, "Relu node '/1/Relu' is in operator domain 'com.microsoft'");
    }

    [Fact]
    public void NETGEN029_LogitsOnAGraphThatEndsInAnActivation_NamesTheLayer() =>
        AssertMessageContains(
            AssertOnnxDiagnostic(
                "NETGEN029", "[NetworkModel([|\"models/tiny.onnx\"|], Logits = Activation.Softmax)]" + TinyModelClass,
                TinyOnnx(activations: ["Relu", "Sigmoid"])),
            "Logits = Softmax says the graph ends in logits (a linear layer), but its last layer (Gemm node '/2/Gemm', " +
            "Sigmoid node '/3/Sigmoid') already applies Sigmoid");

    [Fact]
    public void NETGEN029_LogitsWithAnotherActivation() =>
        AssertMessageContains(
            AssertOnnxDiagnostic("NETGEN029", "[NetworkModel([|\"models/tiny.onnx\"|], Logits = Activation.Tanh)]" + TinyModelClass, TinyOnnx()),
            "Logits = Tanh: NetGen appends Softmax, LogSoftmax or Sigmoid to a graph that ends in logits");

    [Fact]
    public void NETGEN029_LogitsOnAnRTNeuralModel() =>
        AssertMessageContains(
            AssertModelDiagnostic(
                "NETGEN029", "[NetworkModel([|\"models/amp.json\"|], Logits = Activation.Softmax)]" + ModelClass, ("/src/models/amp.json", Lstm2)),
            "Logits = Softmax applies to dense ONNX models");

    [Theory]
    [InlineData(0L, "GRU node 'gru' has linear_before_reset = 0")]
    [InlineData(null, "GRU node 'gru' has no linear_before_reset attribute (ONNX's default is 0)")]
    public void NETGEN029_GruThatIsNotPyTorchs_NamesTheAttributeAndTheNode(long? linearBeforeReset, string detail)
    {
        byte[] bytes = OnnxGraphs.Edit(TinyOnnx(), model =>
        {
            foreach ((string name, long[] dims) in new[] { ("W", new long[] { 1, 3, 2 }), ("R", new long[] { 1, 3, 1 }) })
            {
                var tensor = new TensorProto { Name = name, DataType = TensorElementType.Float, RawData = new byte[4 * dims.Aggregate(1L, (a, b) => a * b)] };
                tensor.Dims.AddRange(dims);
                model.Graph!.Initializers.Add(tensor);
            }

            var gru = new NodeProto { Name = "gru", OpType = "GRU" };
            gru.Inputs.AddRange(["input", "W", "R"]);
            gru.Outputs.Add("gru_y");
            gru.Attributes.Add(AttributeProto.FromInt("hidden_size", 1));
            if (linearBeforeReset is { } value)
            {
                gru.Attributes.Add(AttributeProto.FromInt("linear_before_reset", value));
            }

            model.Graph!.Nodes.Insert(0, gru);
        });
        GeneratorRun run = AssertOnnxDiagnostic("NETGEN029", "[NetworkModel([|\"models/tiny.onnx\"|])]" + TinyModelClass, bytes);
        AssertMessageContains(run, "The model file 'models/tiny.onnx' of 'TinyModel' cannot be generated");
        AssertMessageContains(run, detail);
    }

    [Theory]
    [InlineData(29)]
    [InlineData(6)]
    public void NETGEN029_OpsetOutsideTheRange_SaysWhichAreRead(int opset) =>
        AssertMessageContains(
            AssertOnnxDiagnostic(
                "NETGEN029", "[NetworkModel([|\"models/tiny.onnx\"|])]" + TinyModelClass,
                OnnxGraphs.Edit(TinyOnnx(), model => model.OpsetImports[0].Version = opset)),
            $"The model imports ONNX opset {opset}; NetGen reads opsets 7 to 28");

    [Fact]
    public void NETGEN031_NaNWeightInOnnx_NamingTheInitializer() =>
        AssertMessageContains(
            AssertOnnxDiagnostic(
                "NETGEN031", "[NetworkModel([|\"models/tiny.onnx\"|])]" + TinyModelClass, TinyOnnx(k => k == 3 ? float.NaN : 0.5f)),
            "Initializer '0.weight' (the weights of Gemm node '/0/Gemm', Relu node '/1/Relu') holds NaN at element 3");

    [Fact]
    public void NETGEN031_DoubleTooLargeForAFloatClass()
    {
        byte[] bytes = OnnxGraphs.Edit(TinyOnnx(), model =>
        {
            foreach (TensorProto tensor in model.Graph!.Initializers)
            {
                tensor.DataType = TensorElementType.Double;
                tensor.RawData = tensor.RawData!.Value.ToArray().Chunk(4)
                    .SelectMany(b => BitConverter.GetBytes(BitConverter.ToSingle(b) == 0.5f ? 1e300 : BitConverter.ToSingle(b)))
                    .ToArray();
            }

            model.Graph.Inputs[0].Type!.TensorType!.ElemType = TensorElementType.Double;
            model.Graph.Outputs[0].Type!.TensorType!.ElemType = TensorElementType.Double;
        });
        GeneratorRun run = AssertOnnxDiagnostic(
            "NETGEN031", "[NetworkModel([|\"models/tiny.onnx\"|], ElementType = typeof(float))]" + TinyModelClass, bytes);
        AssertMessageContains(run, "Initializer '0.weight' (the weights of Gemm node '/0/Gemm', Relu node '/1/Relu') holds 1E+300, which is not finite in float, at element 1");
    }

    [Fact]
    public void NETGEN005_SizesAnOnnxFileClaims_AreCheckedBeforeItsWeightsAreRead()
    {
        // W of layer 2 claims 2·10⁹ outputs over 8 bytes of data; the graph output has no shape to contradict it.
        byte[] bytes = OnnxGraphs.Edit(TinyOnnx(), model =>
        {
            model.Graph!.Initializers[2].Dims[0] = 2_000_000_000;
            model.Graph.Outputs[0].Type!.TensorType!.Shape = null;
        });
        GeneratorRun run = AssertOnnxDiagnostic("NETGEN005", "[NetworkModel([|\"models/tiny.onnx\"|])]" + TinyModelClass, bytes);
        AssertMessageContains(run, "above the limit");
    }

    private static GeneratorRun AssertOnnxDiagnostic(string id, string markupSource, byte[] model)
    {
        Markup markup = Markup.Parse(Header + markupSource);
        GeneratorRun run = GeneratorHarness.RunWithModelFiles([("/src/models/tiny.onnx", model)], markup.Text);

        Assert.Null(run.Exception);
        AssertLocatedAt(run, markup, markup.Spans.Select(span => (id, span)).ToArray());
        Assert.True(run.GeneratedSources.IsEmpty, string.Join(", ", run.GeneratedSources.Select(s => s.HintName)));
        AssertNoCompilerWarningsOrErrors(run);
        return run;
    }
}
