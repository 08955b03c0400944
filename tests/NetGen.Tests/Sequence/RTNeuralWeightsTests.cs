using System;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.IO;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>
/// RTNeuralWeights.Load: a model in RTNeural's JSON format (Fixtures/stack.rtneural.json, written by make_fixtures.py
/// from a PyTorch model and checked with RTNeural's own loader, which reproduced PyTorch's outputs to 1e−16) gives
/// PyTorch's outputs; every mismatch is refused with the network unchanged.
/// </summary>
public class RTNeuralWeightsTests
{
    private static readonly string ModelPath = Path.Combine(AppContext.BaseDirectory, "Sequence", "Fixtures", "stack.rtneural.json");

    [Fact]
    public void Model_Loads_AndComputesWhatPyTorchComputed()
    {
        var net = new StackD();
        PyTorchSequenceFixture expected = PyTorchSequenceFixture.Load("stackRTNeural");

        RTNeuralWeights.Load(net, ModelPath);

        expected.AssertComputedBy(net);
    }

    [Fact]
    public void Model_LoadsIntoAFloatNetwork_FromAStream()
    {
        var net = new StackF();
        using (FileStream stream = File.OpenRead(ModelPath))
        {
            RTNeuralWeights.Load(net, stream);
        }

        PyTorchSequenceFixture expected = PyTorchSequenceFixture.Load("stackRTNeural");
        var outputs = new float[expected.Outputs.Length];
        net.Process(expected.Inputs.Select(v => (float)v).ToArray(), outputs);
        NumericAssert.AllClose(expected.Outputs, outputs, NumericAssert.ForwardTolerance, "ŷ");
    }

    [Theory]
    [InlineData("\"sigmoid\"", "\"relu\"", "the file's activation is ReLU, but the network declares Sigmoid")]
    [InlineData("\"kernel_size\": [2]", "\"kernel_size\": [3]", "kernel size 3 and dilation 2 differ from the declared 2 and 2")]
    [InlineData("\"type\": \"gru\"", "\"type\": \"lstm\"", "the file has a \"lstm\" layer, but the network declares [Gru]")]
    [InlineData("\"in_shape\": [null, null, 3]", "\"in_shape\": [null, null, 4]", "\"in_shape\" gives 4 inputs, but the network takes 3")]
    [InlineData("\"type\": \"dense\"", "\"type\": \"prelu\"", "type \"prelu\", which sequence networks do not have")]
    [InlineData("\"activation\": \"sigmoid\"", "\"activation\": \"softmax\"", "activation \"softmax\", which sequence layers do not support")]
    public void MismatchedModel_IsRefused_AndChangesNothing(string from, string to, string message)
    {
        string text = File.ReadAllText(ModelPath);
        Assert.Contains(from, text, StringComparison.Ordinal);
        var net = new StackD();
        double[] before = net.Parameters.ToArray();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ReplaceFirst(text, from, to)));

        var error = Assert.Throws<WeightFileException>(() => RTNeuralWeights.Load(net, stream));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void NetworkWithoutBiases_RefusesTheBiasedModel_NamingTheFile()
    {
        var error = Assert.Throws<WeightFileException>(() => RTNeuralWeights.Load(new StackNoBiasD(), ModelPath));
        Assert.Contains("expected 1 weight arrays (no bias, as the network has none), found 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(ModelPath, error.FileName);
    }

    [Fact]
    public void ActivationLayer_FoldsIntoTheLayerBefore_ButNotAfterARecurrentLayer()
    {
        string text = File.ReadAllText(ModelPath);
        // The first dense layer's sigmoid as a separate activation layer: the same model.
        string folded = ReplaceFirst(text, "\"activation\": \"sigmoid\"", "\"activation\": \"\"");
        int end = folded.IndexOf("{\"type\": \"lstm\"", StringComparison.Ordinal);
        folded = folded.Insert(end, "{\"type\": \"activation\", \"activation\": \"sigmoid\", \"shape\": [null, null, 4], \"weights\": []}, ");
        var net = new StackD();
        using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(folded)))
        {
            RTNeuralWeights.Load(net, stream);
        }

        var reference = new StackD();
        RTNeuralWeights.Load(reference, ModelPath);
        Assert.Equal(reference.Parameters.ToArray(), net.Parameters.ToArray());

        // An activation layer after the LSTM: NetGen's recurrent layers have no activation to fold it into.
        using var bad = new MemoryStream(Encoding.UTF8.GetBytes(ReplaceFirst(text, "{\"type\": \"dense\", \"activation\": \"\", \"shape\": [null, null, 2]",
            "{\"type\": \"activation\", \"activation\": \"tanh\", \"shape\": [null, null, 2], \"weights\": []}, {\"type\": \"dense\", \"activation\": \"\", \"shape\": [null, null, 2]")));
        var error = Assert.Throws<WeightFileException>(() => RTNeuralWeights.Load(new StackD(), bad));
        Assert.Contains("does not follow a dense or convolution layer", error.Message, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        int at = text.IndexOf(from, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}
