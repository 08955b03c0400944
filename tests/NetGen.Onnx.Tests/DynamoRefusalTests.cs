using System;
using System.Linq;
using Xunit;
using static NetGen.Onnx.Tests.DynamoFixtures;
using static NetGen.Onnx.Tests.TestModel;

namespace NetGen.Onnx.Tests;

/// <summary>
/// What the import refuses around the dynamo exporter's files: a GRU with linear_before_reset = 0 (another cell), an
/// opset beyond ONNX Runtime 1.32's, a Flatten that is not a no-op, and a Logits option that does not fit the graph.
/// </summary>
public class DynamoRefusalTests
{
    [Fact]
    public void Gru_with_linear_before_reset_0_is_refused_naming_the_attribute_node_and_file()
    {
        string path = PathOf("gru_lbr0_opset18");
        var net = new DynamoGru();
        float[] before = net.Parameters.ToArray();

        OnnxFormatException e = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load(net, path));

        Assert.Contains("linear_before_reset = 0", e.Message);
        Assert.Contains("'node_gru'", e.Message);
        Assert.Contains(path, e.Message);
        Assert.Equal(path, e.FileName);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void Gru_with_linear_before_reset_0_is_another_cell_in_ONNX_Runtime()
    {
        // The same weights under the attribute's two values: only 1 computes PyTorch's GRU.
        float[] x = As<float>(Values("gru_opset18", "inputs"));
        float[] pytorch = As<float>(Values("gru_opset18", "outputs"));
        int frames = x.Length / 3;
        Assert.True(TestModels.WorstDifference(pytorch, RunOnnxRuntime("gru_opset18", x, 1, frames, 3)) <= TestModels.FloatTolerance);
        Assert.True(TestModels.WorstDifference(pytorch, RunOnnxRuntime("gru_lbr0_opset18", x, 1, frames, 3)) > 1e-3);
    }

    [Fact]
    public void Gru_without_the_attribute_takes_ONNXs_default_of_0_and_is_refused()
    {
        byte[] model = new TestModel(FloatElements)
            .Input("x", "T", 1, 1)
            .Output("y", "T", 1, 1, 1)
            .Initializer("W", [1, 3, 1], [0.1, 0.2, 0.3])
            .Initializer("R", [1, 3, 1], [0.4, 0.5, 0.6])
            .Node("GRU", ["x", "W", "R"], ["y"], "gru", "", IntAttribute("hidden_size", 1))
            .Build(opset: 18, irVersion: 8);
        var net = new OnnxGruNoBias();

        OnnxFormatException e = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load(net, new System.IO.MemoryStream(model)));

        Assert.Contains("no linear_before_reset attribute (ONNX's default is 0)", e.Message);
        Assert.Contains("'gru'", e.Message);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(29, true)]
    [InlineData(28, false)]
    [InlineData(7, false)]
    public void Opsets_up_to_28_load_and_newer_ones_are_refused(int opset, bool refused)
    {
        byte[] model = TwoLayers(opset, flattenAxis: null);
        if (opset < 7)
        {
            Assert.Contains("opset 6", ImportRejectionTests.Reject(model, new TanhFloatBias()).Message);
        }
        else if (refused)
        {
            OnnxFormatException e = ImportRejectionTests.Reject(model, new TanhFloatBias());
            Assert.Contains("opset 29", e.Message);
            Assert.Contains("7 to 28", e.Message);
        }
        else
        {
            TestModels.Import(new TanhFloatBias(), model);
        }
    }

    [Fact]
    public void Flatten_over_another_axis_is_refused()
    {
        OnnxFormatException e = ImportRejectionTests.Reject(TwoLayers(18, flattenAxis: 0), new TanhFloatBias());
        Assert.Contains("axis = 0", e.Message);
        TestModels.Import(new TanhFloatBias(), TwoLayers(18, flattenAxis: -1));
    }

    [Fact]
    public void Logits_on_a_graph_that_ends_in_an_activation_is_refused()
    {
        var net = new DynamoDense();
        OnnxFormatException e = Assert.Throws<OnnxFormatException>(
            () => OnnxModel.Load(net, PathOf("dense_gemm_opset18"), new OnnxImportOptions { Logits = Activation.Softmax }));
        Assert.Contains("Logits = Softmax", e.Message);
        Assert.Contains("already applies Tanh", e.Message);
    }

    [Fact]
    public void Logits_of_another_activation_is_an_argument_error()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(
            () => OnnxModel.Load(new DynamoDense(), PathOf("dense_gemm_opset18"), new OnnxImportOptions { Logits = Activation.Tanh }));
        Assert.Equal("options", e.ParamName);
        Assert.Throws<ArgumentNullException>(() => OnnxModel.Load(new DynamoDense(), PathOf("dense_gemm_opset18"), null!));
    }

    [Fact]
    public void Logits_read_without_the_option_or_with_another_activation_do_not_fit_a_softmax_network()
    {
        string path = PathOf("classifier_logits_opset18");
        OnnxFormatException without = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load(new DynamoClassifier(), path));
        Assert.Contains("the model has Identity", without.Message);
        OnnxFormatException sigmoid = Assert.Throws<OnnxFormatException>(
            () => OnnxModel.Load(new DynamoClassifier(), path, new OnnxImportOptions { Logits = Activation.Sigmoid }));
        Assert.Contains("Sigmoid appended (Logits)", sigmoid.Message);
    }

    /// <summary>3 → 7 → 5 with Tanh, PyTorch's Gemm layout, optionally after a Flatten.</summary>
    private static byte[] TwoLayers(int opset, int? flattenAxis)
    {
        var model = new TestModel(FloatElements)
            .Input("x", "N", 3)
            .Output("y", "N", 5)
            .Initializer("w1", [7, 3], Weights(21, 1))
            .Initializer("b1", [7], Weights(7, 2))
            .Initializer("w2", [5, 7], Weights(35, 3))
            .Initializer("b2", [5], Weights(5, 4));
        if (flattenAxis is { } axis)
        {
            model.Node("Flatten", ["x"], ["f"], "flatten", "", IntAttribute("axis", axis));
        }

        return model
            .Node("Gemm", [flattenAxis is null ? "x" : "f", "w1", "b1"], ["h"], "gemm1", "", IntAttribute("transB", 1))
            .Node("Tanh", ["h"], ["a"])
            .Node("Gemm", ["a", "w2", "b2"], ["z"], "gemm2", "", IntAttribute("transB", 1))
            .Node("Tanh", ["z"], ["y"])
            .Build(opset, irVersion: 8);
    }

    private static double[] Weights(int count, int seed)
    {
        var random = new Random(seed);
        return System.Linq.Enumerable.Range(0, count).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
    }
}

[Network(1, Bias = false)] [Gru(1)] [Dense(1)]
public partial class OnnxGruNoBias { }
