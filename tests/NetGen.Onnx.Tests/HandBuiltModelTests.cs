using System;
using System.Linq;
using Xunit;
using static NetGen.Onnx.Tests.TestModel;

namespace NetGen.Onnx.Tests;

/// <summary>
/// Models built by hand the way other tools write them (PyTorch: Gemm with transB = 1 and weights [out, in];
/// MatMul + Add; float_data and double_data storage; initializers repeated as graph inputs) import correctly,
/// and models NetGen cannot represent are rejected.
/// </summary>
public class HandBuiltModelTests
{
    private const int Rows = 5;

    [Theory]
    [InlineData(Storage.Raw)]
    [InlineData(Storage.Typed)]
    [InlineData(Storage.TypedUnpacked)]
    public void PyTorch_style_Gemm_with_transB_1_imports_transposed(Storage storage)
    {
        // nn.Sequential(nn.Linear(3, 7), nn.Tanh(), nn.Linear(7, 5), nn.Tanh()) as torch.onnx.export writes it.
        double[] w1 = Values(7 * 3, seed: 1), b1 = Values(7, seed: 2), w2 = Values(5 * 7, seed: 3), b2 = Values(5, seed: 4);
        byte[] model = new TestModel(FloatElements)
            .Input("onnx::Gemm_0", "batch_size", 3)
            .Output("13", "batch_size", 5)
            .Initializer("0.weight", [7, 3], w1, storage, alsoGraphInput: true)
            .Initializer("0.bias", [7], b1, storage, alsoGraphInput: true)
            .Initializer("2.weight", [5, 7], w2, storage, alsoGraphInput: true)
            .Initializer("2.bias", [5], b2, storage, alsoGraphInput: true)
            .Node("Gemm", ["onnx::Gemm_0", "0.weight", "0.bias"], ["/0/Gemm_output_0"], "/0/Gemm", "",
                FloatAttribute("alpha", 1f), FloatAttribute("beta", 1f), IntAttribute("transB", 1))
            .Node("Tanh", ["/0/Gemm_output_0"], ["/1/Tanh_output_0"], "/1/Tanh")
            .Node("Gemm", ["/1/Tanh_output_0", "2.weight", "2.bias"], ["/2/Gemm_output_0"], "/2/Gemm", "",
                FloatAttribute("alpha", 1f), FloatAttribute("beta", 1f), IntAttribute("transB", 1))
            .Node("Tanh", ["/2/Gemm_output_0"], ["13"], "/3/Tanh")
            .Build(opset: 17, irVersion: 8, producer: "pytorch");
        var network = new TanhFloatBias();

        TestModels.Import(network, model);

        // NetGen's W[i][j] (input i → output j) is PyTorch's weight[j][i].
        float[] expected = ToFloat([.. Transpose(w1, 7, 3), .. b1, .. Transpose(w2, 5, 7), .. b2]);
        Assert.Equal(TestModels.Bits<float>(expected), TestModels.Bits<float>(network.Parameters));
        float[] inputs = TestModels.Inputs<float>(Rows, 3, seed: 5);
        float[] onnxRuntime = TestModels.RunOnnxRuntime(model, inputs, 3, "onnx::Gemm_0", "13");
        Assert.True(TestModels.WorstDifference(TestModels.Forward(network, inputs), onnxRuntime) <= TestModels.FloatTolerance);
    }

    [Fact]
    public void Gemm_with_transB_1_and_no_bias_imports()
    {
        double[] w1 = Values(7 * 3, seed: 6), w2 = Values(5 * 7, seed: 7);
        byte[] model = new TestModel(FloatElements)
            .Input("x", "N", 3)
            .Output("y", "N", 5)
            .Initializer("w1", [7, 3], w1)
            .Initializer("w2", [5, 7], w2)
            .Node("Gemm", ["x", "w1"], ["h"], "", "", IntAttribute("transB", 1))
            .Node("Sigmoid", ["h"], ["s"])
            .Node("Gemm", ["s", "w2"], ["g"], "", "", IntAttribute("transB", 1))
            .Node("Sigmoid", ["g"], ["y"])
            .Build(opset: 13, irVersion: 7);
        var network = new SigmoidFloatNoBias();

        TestModels.Import(network, model);

        float[] expected = ToFloat([.. Transpose(w1, 7, 3), .. Transpose(w2, 5, 7)]);
        Assert.Equal(TestModels.Bits<float>(expected), TestModels.Bits<float>(network.Parameters));
        float[] inputs = TestModels.Inputs<float>(Rows, 3, seed: 8);
        Assert.True(TestModels.WorstDifference(TestModels.Forward(network, inputs), TestModels.RunOnnxRuntime(model, inputs, 3, "x", "y")) <= TestModels.FloatTolerance);
    }

    [Fact]
    public void MatMul_and_Add_in_double_import_in_either_operand_order()
    {
        // Keras/tf2onnx style: MatMul with weights [in, out], then Add of the bias (here once bias-first).
        double[] w1 = Values(3 * 7, seed: 9), b1 = Values(7, seed: 10), w2 = Values(7 * 5, seed: 11), b2 = Values(5, seed: 12);
        byte[] model = new TestModel(DoubleElements)
            .Input("x", "N", 3)
            .Output("y", "N", 5)
            .Initializer("W1", [3, 7], w1, Storage.Typed)
            .Initializer("b1", [1, 7], b1, Storage.Raw)
            .Initializer("W2", [7, 5], w2, Storage.Raw)
            .Initializer("b2", [5], b2, Storage.TypedUnpacked)
            .Node("MatMul", ["x", "W1"], ["m1"])
            .Node("Add", ["b1", "m1"], ["z1"])
            .Node("Relu", ["z1"], ["a1"])
            .Node("MatMul", ["a1", "W2"], ["m2"])
            .Node("Add", ["m2", "b2"], ["z2"])
            .Node("Relu", ["z2"], ["y"])
            .Build(opset: 14, irVersion: 7);
        var network = new ReLUDoubleBias();

        TestModels.Import(network, model);

        double[] expected = [.. w1, .. b1, .. w2, .. b2];
        Assert.Equal(TestModels.Bits<double>(expected), TestModels.Bits<double>(network.Parameters));
        double[] inputs = TestModels.Inputs<double>(Rows, 3, seed: 13);
        Assert.True(TestModels.WorstDifference(TestModels.Forward(network, inputs), TestModels.RunOnnxRuntime(model, inputs, 3, "x", "y")) <= TestModels.DoubleTolerance);
    }

    [Fact]
    public void Nodes_in_another_topological_order_import()
    {
        // The same network as the MatMul test, with the nodes listed in a different valid order and an Identity.
        double[] w1 = Values(3 * 7, seed: 14), w2 = Values(7 * 5, seed: 15);
        byte[] model = new TestModel(DoubleElements)
            .Input("x", "N", 3)
            .Output("y", "N", 5)
            .Initializer("W2", [7, 5], w2)
            .Initializer("W1", [3, 7], w1)
            .Node("MatMul", ["x", "W1"], ["z1"])
            .Node("Identity", ["z2"], ["y"])
            .Node("Identity", ["z1"], ["a1"])
            .Node("MatMul", ["a1", "W2"], ["z2"])
            .Build(opset: 13, irVersion: 7);
        var network = new IdentityDoubleNoBias();

        TestModels.Import(network, model);

        Assert.Equal(TestModels.Bits<double>([.. w1, .. w2]), TestModels.Bits<double>(network.Parameters));
    }

    [Fact]
    public void Exact_erf_GELU_is_rejected()
    {
        OnnxFormatException e = ImportRejectionTests.Reject(TwoLayerFloat("Gelu", StringAttribute("approximate", "none")), new GELUFloatBias());
        Assert.Contains("tanh approximation", e.Message);
        ImportRejectionTests.Reject(TwoLayerFloat("Gelu"), new GELUFloatBias());
    }

    [Fact]
    public void ELU_with_another_alpha_is_rejected()
    {
        OnnxFormatException e = ImportRejectionTests.Reject(TwoLayerFloat("Elu", FloatAttribute("alpha", 0.5f)), new ELUFloatBias());
        Assert.Contains("alpha = 0.5", e.Message);
    }

    [Fact]
    public void Softmax_over_the_batch_axis_is_rejected()
    {
        byte[] model = TwoLayerFloat("Softmax", IntAttribute("axis", 0));
        Assert.Contains("axis = 0", ImportRejectionTests.Reject(model, new SoftmaxFloatBias()).Message);
    }

    [Fact]
    public void LeakyRelu_without_alpha_takes_the_ONNX_default_of_0_01()
    {
        TestModels.Import(new LeakyReLUFloatBias(), TwoLayerFloat("LeakyRelu"));
        ImportRejectionTests.Reject(TwoLayerFloat("LeakyRelu"), new LeakyReLUFloatBiasSlope02());
    }

    [Fact]
    public void Gemm_with_transA_or_scaled_alpha_is_rejected()
    {
        Assert.Contains("transA", ImportRejectionTests.Reject(TwoLayerFloat("Sigmoid", gemm: IntAttribute("transA", 1)), new SigmoidFloatBias()).Message);
        Assert.Contains("alpha = 2", ImportRejectionTests.Reject(TwoLayerFloat("Sigmoid", gemm: FloatAttribute("alpha", 2f)), new SigmoidFloatBias()).Message);
    }

    [Fact]
    public void Extra_nodes_unknown_operators_and_other_domains_are_rejected()
    {
        byte[] withDropoutAfterOutput = Base(FloatElements)
            .Node("Gemm", ["x", "W1", "b1"], ["z1"])
            .Node("Sigmoid", ["z1"], ["a1"])
            .Node("Gemm", ["a1", "W2", "b2"], ["z2"])
            .Node("Sigmoid", ["z2"], ["y"])
            .Node("Sigmoid", ["a1"], ["unused"])
            .Build(opset: 13, irVersion: 7);
        Assert.Contains("outside the dense network", ImportRejectionTests.Reject(withDropoutAfterOutput, new SigmoidFloatBias()).Message);

        byte[] hardSigmoid = TwoLayerFloat("HardSigmoid");
        Assert.Contains("HardSigmoid", ImportRejectionTests.Reject(hardSigmoid, new SigmoidFloatBias()).Message);

        byte[] fastGelu = Base(FloatElements)
            .Node("Gemm", ["x", "W1", "b1"], ["z1"])
            .Node("FastGelu", ["z1"], ["a1"], "", "com.microsoft")
            .Node("Gemm", ["a1", "W2", "b2"], ["z2"])
            .Node("FastGelu", ["z2"], ["y"], "", "com.microsoft")
            .Build(opset: 13, irVersion: 7);
        Assert.Contains("com.microsoft", ImportRejectionTests.Reject(fastGelu, new GELUFloatBias()).Message);
    }

    [Fact]
    public void Weights_in_an_external_file_or_computed_by_the_graph_are_rejected()
    {
        byte[] external = new TestModel(FloatElements)
            .Input("x", "N", 3)
            .Output("y", "N", 5)
            .ExternalInitializer("W1", [3, 7]).Initializer("b1", [7], Values(7, 1))
            .Initializer("W2", [7, 5], Values(35, 2)).Initializer("b2", [5], Values(5, 3))
            .Node("Gemm", ["x", "W1", "b1"], ["z1"]).Node("Sigmoid", ["z1"], ["a1"])
            .Node("Gemm", ["a1", "W2", "b2"], ["z2"]).Node("Sigmoid", ["z2"], ["y"])
            .Build(opset: 13, irVersion: 7);
        Assert.Contains("external data", ImportRejectionTests.Reject(external, new SigmoidFloatBias()).Message);

        byte[] weightsAsInput = new TestModel(FloatElements)
            .Input("x", "N", 3)
            .Input("W1", 3, 7)
            .Output("y", "N", 5)
            .Initializer("b1", [7], Values(7, 1)).Initializer("W2", [7, 5], Values(35, 2)).Initializer("b2", [5], Values(5, 3))
            .Node("Gemm", ["x", "W1", "b1"], ["z1"]).Node("Sigmoid", ["z1"], ["a1"])
            .Node("Gemm", ["a1", "W2", "b2"], ["z2"]).Node("Sigmoid", ["z2"], ["y"])
            .Build(opset: 13, irVersion: 7);
        Assert.Contains("2 data inputs", ImportRejectionTests.Reject(weightsAsInput, new SigmoidFloatBias()).Message);
    }

    [Fact]
    public void A_short_last_tensor_is_rejected_after_the_first_layer_decoded_and_nothing_is_written()
    {
        // Everything but the data of the last weights matches, so the import decodes layer 1 before it fails.
        byte[] model = new TestModel(FloatElements)
            .Input("x", "N", 3)
            .Output("y", "N", 5)
            .Initializer("W1", [3, 7], Values(21, 1)).Initializer("b1", [7], Values(7, 2))
            .Initializer("W2", [7, 5], Values(34, 3)).Initializer("b2", [5], Values(5, 4))
            .Node("Gemm", ["x", "W1", "b1"], ["z1"]).Node("Sigmoid", ["z1"], ["a1"])
            .Node("Gemm", ["a1", "W2", "b2"], ["z2"]).Node("Sigmoid", ["z2"], ["y"])
            .Build(opset: 13, irVersion: 7);

        OnnxFormatException e = ImportRejectionTests.Reject(model, new SigmoidFloatBias());

        Assert.Contains("'W2'", e.Message);
        Assert.Contains("136 bytes", e.Message);
    }

    [Fact]
    public void Weights_of_another_element_type_than_the_graph_input_are_rejected()
    {
        byte[] model = new TestModel(DoubleElements)
            .InputOfType("x", FloatElements, "N", 3)
            .Output("y", "N", 5)
            .Initializer("W1", [3, 7], Values(21, 1)).Initializer("b1", [7], Values(7, 1))
            .Initializer("W2", [7, 5], Values(35, 2)).Initializer("b2", [5], Values(5, 3))
            .Node("Gemm", ["x", "W1", "b1"], ["z1"]).Node("Sigmoid", ["z1"], ["a1"])
            .Node("Gemm", ["a1", "W2", "b2"], ["z2"]).Node("Sigmoid", ["z2"], ["y"])
            .Build(opset: 13, irVersion: 7);
        Assert.Contains("DOUBLE", ImportRejectionTests.Reject(model, new SigmoidFloatBias()).Message);
    }

    /// <summary>x → Gemm → f → Gemm → f → y for a 3 → 7 → 5 float network with bias.</summary>
    private static byte[] TwoLayerFloat(string activation, byte[]? attribute = null, byte[]? gemm = null)
    {
        byte[][] activationAttributes = attribute is null ? [] : [attribute];
        byte[][] gemmAttributes = gemm is null ? [] : [gemm];
        return Base(FloatElements)
            .Node("Gemm", ["x", "W1", "b1"], ["z1"], "", "", gemmAttributes)
            .Node(activation, ["z1"], ["a1"], "", "", activationAttributes)
            .Node("Gemm", ["a1", "W2", "b2"], ["z2"], "", "", gemmAttributes)
            .Node(activation, ["z2"], ["y"], "", "", activationAttributes)
            .Build(opset: 20, irVersion: 9);
    }

    private static TestModel Base(int elementType) => new TestModel(elementType)
        .Input("x", "N", 3)
        .Output("y", "N", 5)
        .Initializer("W1", [3, 7], Values(21, 1)).Initializer("b1", [7], Values(7, 2))
        .Initializer("W2", [7, 5], Values(35, 3)).Initializer("b2", [5], Values(5, 4));

    /// <summary>Values uniform in [−1, 1] that float represents exactly, so float and double comparisons are bitwise.</summary>
    private static double[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (double)(float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    private static float[] ToFloat(double[] values) => values.Select(v => (float)v).ToArray();

    /// <summary>[rows][columns] → [columns][rows].</summary>
    private static double[] Transpose(double[] values, int rows, int columns)
    {
        var result = new double[values.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                result[c * rows + r] = values[r * columns + c];
            }
        }

        return result;
    }
}
