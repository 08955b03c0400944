using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Onnx;
using Xunit;

namespace NetGen.Tests.Models;

/// <summary>
/// [NetworkModel] over dense models trained in PyTorch and exported with torch.onnx.export: the class has the file's
/// architecture, starts with what <see cref="OnnxModel"/> loads into the same architecture declared by hand, and
/// computes PyTorch's recorded outputs (Models/Fixtures/dense-outputs.json).
/// </summary>
public class CompiledOnnxDenseTests
{
    private static readonly JsonElement Recorded = JsonDocument.Parse(File.ReadAllText(Fixture("dense-outputs.json"))).RootElement;

    [Fact]
    public void Digits_HasTheFilesArchitecture_AndTheLoadersParameters()
    {
        Assert.Equal([64, 32, 10], DigitsModel.LayerSizes.ToArray());
        Assert.Equal([Activation.ReLU, Activation.Softmax], DigitsModel.Activations.ToArray());
        Assert.True(DigitsModel.HasBias);
        Assert.Equal(Loss.CrossEntropy, DigitsModel.Loss);

        var declared = new DigitsNet();
        OnnxModel.Load(declared, Fixture("digits.onnx"));
        Assert.Equal(declared.Parameters.ToArray(), new DigitsModel().Parameters.ToArray());
    }

    [Fact]
    public void Digits_ComputesPyTorchsProbabilities_AndPredictions()
    {
        double[][] inputs = Matrix("digits", "inputs");
        double[][] expected = Matrix("digits", "outputs");
        var net = new DigitsModel();
        var y = new float[10];
        for (int s = 0; s < inputs.Length; s++)
        {
            net.Forward(inputs[s].Select(v => (float)v).ToArray(), y);
            for (int j = 0; j < 10; j++)
            {
                // float32 in both; the sums run in a different order.
                NumericAssert.Close(expected[s][j], y[j], 1e-6, $"sample {s}, class {j}");
            }

            Assert.Equal(ArgMax(expected[s]), ArgMax(y.Select(v => (double)v).ToArray()));
        }
    }

    [Fact]
    public void Regressor_InDouble_HasTheLoadersParameters_AndComputesPyTorchsOutputs()
    {
        Assert.Equal([3, 8, 8, 1], RegressorModel.LayerSizes.ToArray());
        Assert.Equal([Activation.Tanh, Activation.Sigmoid, Activation.Identity], RegressorModel.Activations.ToArray());
        var declared = new RegressorNet();
        OnnxModel.Load(declared, Fixture("regressor.onnx"));
        Assert.Equal(declared.Parameters.ToArray(), new RegressorModel().Parameters.ToArray());

        double[][] inputs = Matrix("regressor", "inputs");
        double[][] expected = Matrix("regressor", "outputs");
        var net = new RegressorModel();
        var y = new double[1];
        for (int s = 0; s < inputs.Length; s++)
        {
            net.Forward(inputs[s], y);
            NumericAssert.Close(expected[s][0], y[0], 1e-12 * Math.Max(1, Math.Abs(expected[s][0])), $"sample {s}");
        }
    }

    [Fact]
    public void Digits_FineTunes_AndSavesLikeAnyNetwork()
    {
        var tuned = new DigitsModel();
        double[][] inputs = Matrix("digits", "inputs");
        float[] x = inputs[0].Select(v => (float)v).ToArray();
        float[] target = new float[10];
        target[(ArgMax(Matrix("digits", "outputs")[0]) + 1) % 10] = 1f;   // teach it another class for this sample
        for (int i = 0; i < 50; i++)
        {
            tuned.SgdStep(x, target, 0.1f);
        }

        Assert.NotEqual(DigitsModel.TrainedParameters.ToArray(), tuned.Parameters.ToArray());
        Assert.Equal(DigitsModel.TrainedParameters.ToArray(), new DigitsModel().Parameters.ToArray());
        using var stream = new MemoryStream();
        OnnxModel.Save(tuned, stream);
        stream.Position = 0;
        var reloaded = new DigitsNet();
        OnnxModel.Load(reloaded, stream);
        Assert.Equal(tuned.Parameters.ToArray(), reloaded.Parameters.ToArray());
    }

    private static double[][] Matrix(string model, string name) =>
        Recorded.GetProperty(model).GetProperty(name).EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray())
            .ToArray();

    private static int ArgMax(double[] values) => Array.IndexOf(values, values.Max());

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Models", "Fixtures", name);
}
