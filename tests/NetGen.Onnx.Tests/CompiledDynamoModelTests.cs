using Xunit;
using static NetGen.Onnx.Tests.DynamoFixtures;

namespace NetGen.Onnx.Tests;

/// <summary>
/// [NetworkModel] over the dynamo-shaped files: the generated class has the file's architecture, starts with exactly
/// what <see cref="OnnxModel"/> loads into the same architecture declared by hand, and computes what ONNX Runtime and
/// PyTorch compute.
/// </summary>
public class CompiledDynamoModelTests
{
    [Fact]
    public void Gemm_in_a_local_function_after_Flatten()
    {
        Assert.Equal([6, 8, 4], DynamoDenseModel.LayerSizes.ToArray());
        Assert.Equal([Activation.ReLU, Activation.Tanh], DynamoDenseModel.Activations.ToArray());
        var declared = new DynamoDense();
        OnnxModel.Load(declared, PathOf("dense_gemm_opset18"));
        var compiled = new DynamoDenseModel();
        Assert.Equal(declared.Parameters.ToArray(), compiled.Parameters.ToArray());
        DynamoExportTests.AssertComputes(compiled, "dense_gemm_opset18");
    }

    [Fact]
    public void MatMul_and_Add_at_opset_28_take_the_files_double()
    {
        INetwork<double> compiled = new DynamoMatMulModel();
        Assert.Equal([Activation.Sigmoid, Activation.Identity], DynamoMatMulModel.Activations.ToArray());
        var declared = new DynamoMatMul();
        OnnxModel.Load(declared, PathOf("dense_matmul_opset28"));
        Assert.Equal(declared.Parameters.ToArray(), compiled.Parameters.ToArray());
        DynamoExportTests.AssertComputes(compiled, "dense_matmul_opset28");
    }

    [Fact]
    public void Logits_with_Softmax_appended_make_a_cross_entropy_classifier()
    {
        Assert.Equal([Activation.ReLU, Activation.Softmax], DynamoClassifierModel.Activations.ToArray());
        Assert.Equal(Loss.CrossEntropy, DynamoClassifierModel.Loss);
        var declared = new DynamoClassifier();
        OnnxModel.Load(declared, PathOf("classifier_logits_opset18"), new OnnxImportOptions { Logits = Activation.Softmax });
        var compiled = new DynamoClassifierModel();
        Assert.Equal(declared.Parameters.ToArray(), compiled.Parameters.ToArray());

        float[] x = As<float>(Values("classifier_logits_opset18", "inputs"));
        DynamoExportTests.AssertClose(
            As<float>(Values("classifier_logits_opset18", "outputs")),
            TestModels.Forward(compiled, x),
            "NetGen vs PyTorch's probabilities");
    }

    [Fact]
    public void Lstm_with_gates_reordered_by_Slice_and_Concat()
    {
        ISequenceNetwork<float> declared = new DynamoLstm();
        OnnxModel.Load(declared, PathOf("lstm_opset18"));
        ISequenceNetwork<float> compiled = new DynamoLstmModel();
        Assert.Equal(declared.Layers.ToArray(), compiled.Layers.ToArray());
        Assert.Equal(declared.Parameters.ToArray(), compiled.Parameters.ToArray());
        DynamoExportTests.AssertComputes(compiled, "lstm_opset18");
    }

    [Fact]
    public void Gru_with_linear_before_reset_1()
    {
        ISequenceNetwork<float> declared = new DynamoGru();
        OnnxModel.Load(declared, PathOf("gru_opset18"));
        ISequenceNetwork<float> compiled = new DynamoGruModel();
        Assert.Equal(declared.Layers.ToArray(), compiled.Layers.ToArray());
        Assert.Equal(declared.Parameters.ToArray(), compiled.Parameters.ToArray());
        DynamoExportTests.AssertComputes(compiled, "gru_opset18");
    }
}
