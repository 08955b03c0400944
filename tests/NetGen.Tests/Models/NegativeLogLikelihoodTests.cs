using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.IO;
using NetGen.Onnx;
using Xunit;

namespace NetGen.Tests.Models;

/// <summary>PyTorch's NLLLoss idiom: a digits classifier ending in nn.LogSoftmax, trained in PyTorch (make_nll_fixture.py).</summary>
[Network(64, 32, 10, Hidden = Activation.ReLU, Output = Activation.LogSoftmax, Loss = Loss.CrossEntropy, ElementType = typeof(double))]
public partial class DigitsNll
{
}

/// <summary>The same model compiled from its ONNX export: LogSoftmax output, cross entropy (the NLL) as its cost.</summary>
[NetworkModel("Models/Fixtures/digits-nll.onnx")]
public partial class DigitsNllCompiled
{
}

/// <summary>
/// LogSoftmax with cross entropy is PyTorch's log_softmax + NLLLoss: outputs, the mean cost and its gradient equal what
/// PyTorch computed, through the ONNX export, the state_dict and the compiled model.
/// </summary>
public class NegativeLogLikelihoodTests
{
    private const double Bound = 1e-12;

    [Fact]
    public void ImportedFromOnnx_ComputesPyTorchsLogProbabilities()
    {
        var net = new DigitsNll();
        OnnxModel.Load(net, Fixture("digits-nll.onnx"));

        AssertLogProbabilities(net);
    }

    [Fact]
    public void Objective_IsPyTorchsMeanNllLoss_AndItsGradientIsAutograds()
    {
        var net = new DigitsNll();
        PyTorchWeights.Load(net, Fixture("digits-nll.state.json"));
        (double[] inputs, double[] targets) = Batch();

        double cost = net.Objective(inputs, targets);
        var gradient = new double[DigitsNll.ParameterCount];
        double returned = net.ObjectiveGradient(inputs, targets, gradient);

        double expectedLoss = Recorded().GetProperty("loss").GetDouble();
        Assert.Equal(expectedLoss, cost, Bound);
        Assert.Equal(expectedLoss, returned, Bound);

        // PyTorch's gradient, saved shaped like the state_dict, lands in NetGen's layout through the state_dict loader.
        var autograd = new DigitsNll();
        PyTorchWeights.Load(autograd, Fixture("digits-nll.gradient.json"));
        double[] expected = autograd.Parameters.ToArray();
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(gradient[i] - expected[i]) <= Bound * scale, $"∂J/∂θ[{i}] = {gradient[i]:R}, PyTorch {expected[i]:R}");
        }
    }

    [Fact]
    public void CompiledFromOnnx_TakesLogSoftmaxAndTheNllCost()
    {
        var net = new DigitsNllCompiled();   // a float64 model: a double network

        Assert.Equal(Activation.LogSoftmax, DigitsNllCompiled.Activations[^1]);
        (double[] inputs, double[] targets) = Batch();
        Assert.Equal(Recorded().GetProperty("loss").GetDouble(), net.Objective(inputs, targets), Bound);
        AssertLogProbabilities(net);
    }

    [Fact]
    public void SavedToOnnx_WritesLogSoftmax_AndLoadsBack()
    {
        var net = new DigitsNll();
        PyTorchWeights.Load(net, Fixture("digits-nll.state.json"));
        using var stream = new MemoryStream();
        OnnxModel.Save(net, stream);
        stream.Position = 0;

        var back = new DigitsNll();
        OnnxModel.Load(back, stream);

        Assert.Equal(net.Parameters.ToArray(), back.Parameters.ToArray());
        AssertLogProbabilities(back);
    }

    private static void AssertLogProbabilities(INetwork<double> net)
    {
        JsonElement recorded = Recorded();
        double[][] inputs = Rows(recorded.GetProperty("inputs"));
        double[][] outputs = Rows(recorded.GetProperty("outputs"));
        var y = new double[10];
        for (int r = 0; r < inputs.Length; r++)
        {
            net.Forward(inputs[r], y);
            for (int j = 0; j < 10; j++)
            {
                Assert.Equal(outputs[r][j], y[j], Bound);
            }
        }
    }

    /// <summary>The recorded rows, row-major, with their labels one-hot.</summary>
    private static (double[] Inputs, double[] Targets) Batch()
    {
        JsonElement recorded = Recorded();
        double[][] rows = Rows(recorded.GetProperty("inputs"));
        int[] labels = recorded.GetProperty("labels").EnumerateArray().Select(l => l.GetInt32()).ToArray();
        var targets = new double[labels.Length * 10];
        for (int r = 0; r < labels.Length; r++)
        {
            targets[(r * 10) + labels[r]] = 1;
        }

        return (rows.SelectMany(r => r).ToArray(), targets);
    }

    private static JsonElement Recorded() =>
        JsonDocument.Parse(File.ReadAllBytes(Fixture("nll-outputs.json"))).RootElement;

    private static double[][] Rows(JsonElement rows) =>
        rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Models", "Fixtures", name);
}
