using System;
using System.Linq;
using System.Numerics;
using Xunit;
using static NetGen.Onnx.Tests.DynamoFixtures;

namespace NetGen.Onnx.Tests;

/// <summary>
/// Files shaped as PyTorch's dynamo-based exporter writes them (Fixtures/make_dynamo_fixtures.py: opsets 18 and 28,
/// model-local functions, Gemm and MatMul + Add, Flatten, LSTM and GRU weights reordered by Slice and Concat) and two
/// files torch 1.13's exporter wrote load through <see cref="OnnxModel"/>, and the network computes what ONNX Runtime
/// computes with the same file and what PyTorch recorded, within the bounds of <see cref="TestModels"/>.
/// </summary>
public class DynamoExportTests
{
    [Fact]
    public void Gemm_in_a_local_function_after_Flatten_at_opset_18_loads()
    {
        var net = new DynamoDense();
        OnnxModel.Load(net, PathOf("dense_gemm_opset18"));
        AssertComputes(net, "dense_gemm_opset18");
    }

    [Fact]
    public void MatMul_and_Add_with_transposed_weights_at_opset_28_loads_in_double()
    {
        var net = new DynamoMatMul();
        OnnxModel.Load(net, PathOf("dense_matmul_opset28"));
        AssertComputes(net, "dense_matmul_opset28");
    }

    [Fact]
    public void Flatten_as_torch_1_13_exports_it_loads()
    {
        var net = new TorchScriptFlatten();
        OnnxModel.Load(net, PathOf("flatten_torchscript"));
        AssertComputes(net, "flatten_torchscript");
    }

    [Fact]
    public void Logits_with_Softmax_appended_give_PyTorchs_probabilities()
    {
        const string fixture = "classifier_logits_opset18";
        var net = new DynamoClassifier();
        OnnxModel.Load(net, PathOf(fixture), new OnnxImportOptions { Logits = Activation.Softmax });

        float[] x = As<float>(Values(fixture, "inputs"));
        float[] logits = RunOnnxRuntime(fixture, x, x.Length / 4, 4);
        AssertClose(As<float>(Values(fixture, "logits")), logits, "ONNX Runtime's logits vs PyTorch's");
        float[] probabilities = TestModels.Forward(net, x);
        AssertClose(As<float>(Softmax(logits.Select(v => (double)v).ToArray(), 3)), probabilities, "softmax of ONNX Runtime's logits");
        AssertClose(As<float>(Values(fixture, "outputs")), probabilities, "PyTorch's probabilities");
    }

    [Fact]
    public void Logits_with_Sigmoid_appended_give_the_sigmoid_of_the_logits()
    {
        const string fixture = "classifier_logits_opset18";
        var net = new DynamoClassifierSigmoid();
        OnnxModel.Load(net, PathOf(fixture), new OnnxImportOptions { Logits = Activation.Sigmoid });

        float[] x = As<float>(Values(fixture, "inputs"));
        double[] expected = Values(fixture, "logits").Select(z => 1 / (1 + Math.Exp(-z))).ToArray();
        AssertClose(As<float>(expected), TestModels.Forward(net, x), "sigmoid of PyTorch's logits");
    }

    [Fact]
    public void Logits_from_torch_1_13s_exporter_load_as_the_built_file_does()
    {
        var options = new OnnxImportOptions { Logits = Activation.Softmax };
        var exported = new DynamoClassifier();
        var built = new DynamoClassifier();
        OnnxModel.Load(exported, PathOf("logits_torchscript"), options);
        OnnxModel.Load(built, PathOf("classifier_logits_opset18"), options);
        Assert.Equal(TestModels.Bits<float>(built.Parameters), TestModels.Bits<float>(exported.Parameters));
    }

    [Fact]
    public void Lstm_with_gates_reordered_by_Slice_and_Concat_loads()
    {
        var net = new DynamoLstm();
        OnnxModel.Load(net, PathOf("lstm_opset18"));
        AssertComputes(net, "lstm_opset18");
    }

    [Fact]
    public void Gru_with_linear_before_reset_1_loads()
    {
        var net = new DynamoGru();
        OnnxModel.Load(net, PathOf("gru_opset18"));
        AssertComputes(net, "gru_opset18");
    }

    [Fact]
    public void Causal_Conv1d_after_a_Pad_with_an_axes_input_loads()
    {
        var net = new DynamoTcn();
        OnnxModel.Load(net, PathOf("tcn_opset18"));
        AssertComputes(net, "tcn_opset18");
    }

    internal static void AssertComputes<T>(INetwork<T> net, string fixture)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] x = As<T>(Values(fixture, "inputs"));
        T[] pytorch = As<T>(Values(fixture, "outputs"));
        T[] onnxRuntime = RunOnnxRuntime(fixture, x, x.Length / net.InputSize, net.InputSize);
        T[] netgen = TestModels.Forward(net, x);
        AssertClose(pytorch, onnxRuntime, "ONNX Runtime vs PyTorch (the file)");
        AssertClose(onnxRuntime, netgen, "NetGen vs ONNX Runtime");
        AssertClose(pytorch, netgen, "NetGen vs PyTorch");
    }

    internal static void AssertComputes(ISequenceNetwork<float> net, string fixture)
    {
        float[] x = As<float>(Values(fixture, "inputs"));
        float[] pytorch = As<float>(Values(fixture, "outputs"));
        int frames = x.Length / net.InputSize;
        float[] onnxRuntime = RunOnnxRuntime(fixture, x, 1, frames, net.InputSize);
        var netgen = new float[frames * net.OutputSize];
        net.Process(net.CreateState(), x, netgen);
        AssertClose(pytorch, onnxRuntime, "ONNX Runtime vs PyTorch (the file)");
        AssertClose(onnxRuntime, netgen, "NetGen vs ONNX Runtime");
        AssertClose(pytorch, netgen, "NetGen vs PyTorch");
    }

    internal static void AssertClose<T>(T[] expected, T[] actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double worst = TestModels.WorstDifference(expected, actual);
        Assert.True(worst <= TestModels.ToleranceFor<T>(), $"{what}: worst relative difference {worst:E2}");
    }
}
