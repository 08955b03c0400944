using System;
using System.IO;
using System.Linq;
using NetGen.IO;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>
/// PyTorchWeights.Load on sequence networks, from the state_dict files make_fixtures.py writes: the parameters land
/// where the test's own mapping puts them, the outputs are PyTorch's, and every mismatch is refused with the network
/// unchanged.
/// </summary>
public class PyTorchWeightsSequenceTests
{
    public static TheoryData<string, string> Models => new()
    {
        { "lstm", nameof(AmpModelD) },
        { "gru", nameof(GruModelD) },
        { "tcn", nameof(TcnModelD) },
        { "stack", nameof(StackD) },
        { "stackNoBias", nameof(StackNoBiasD) },
        { "lstm2", nameof(Lstm2D) },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void StateDict_Loads_AndTheNetworkComputesWhatPyTorchComputed(string fixture, string network)
    {
        ISequenceNetwork<double> net = Create(network);
        PyTorchSequenceFixture expected = PyTorchSequenceFixture.Load(fixture);

        PyTorchWeights.Load(net, StatePath(fixture));

        Assert.Equal(expected.Parameters(), net.Parameters.ToArray());
        expected.AssertComputedBy(net);
    }

    [Fact]
    public void StateDict_LoadsIntoAFloatNetwork_FromAStream()
    {
        var net = new AmpModel();
        using (FileStream stream = File.OpenRead(StatePath("lstm")))
        {
            PyTorchWeights.Load(net, stream);
        }

        PyTorchSequenceFixture expected = PyTorchSequenceFixture.Load("lstm");
        Assert.Equal(expected.Parameters().Select(v => (float)v), net.Parameters.ToArray());
    }

    [Theory]
    [InlineData("gru", nameof(AmpModelD), "so the module is an nn.GRU")]
    [InlineData("lstm", nameof(GruModelD), "so the module is an nn.LSTM")]
    [InlineData("stackNoBias", nameof(StackD), "has no bias, but the network has biases")]
    [InlineData("stack", nameof(StackNoBiasD), "has a bias, but the network has none")]
    [InlineData("lstm2", nameof(AmpModelD), "the network has 2 layers")]
    [InlineData("tcn", nameof(StackD), "the network has 6 layers")]
    public void MismatchedStateDict_IsRefused_NamingTheProblemAndTheFile_AndChangesNothing(string fixture, string network, string message)
    {
        ISequenceNetwork<double> net = Create(network);
        double[] before = net.Parameters.ToArray();

        var error = Assert.Throws<WeightFileException>(() => PyTorchWeights.Load(net, StatePath(fixture)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(StatePath(fixture), error.FileName);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Theory]
    [InlineData("{\"rnn.weight_ih_l0_reverse\": [[1]]}", "bidirectional recurrent layers are not supported")]
    [InlineData("{\"bn.running_mean\": [0]}", "unexpected entry \"bn.running_mean\"")]
    [InlineData("[1, 2]", "the JSON root must be an object")]
    [InlineData("{\"0.cell.weight_ih_l0\": [[1]], \"0.cell.weight\": [[1]]}", "does not belong to a recurrent module")]
    public void MalformedStateDict_IsRefused(string json, string message)
    {
        var net = new AmpModelD();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var error = Assert.Throws<WeightFileException>(() => PyTorchWeights.Load(net, stream));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongShape_NamesTheLayerAndTheEntry()
    {
        string text = File.ReadAllText(StatePath("lstm")).Replace("\"1.linear.weight\": [[", "\"1.linear.weight\": [[0.5, ", StringComparison.Ordinal);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var error = Assert.Throws<WeightFileException>(() => PyTorchWeights.Load(new AmpModelD(), stream));
        Assert.Contains("layer 2 (Dense 16 → 1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("weight", error.Message, StringComparison.Ordinal);
    }

    private static string StatePath(string fixture) =>
        Path.Combine(AppContext.BaseDirectory, "Sequence", "Fixtures", fixture + ".state.json");

    internal static ISequenceNetwork<double> Create(string name) => name switch
    {
        nameof(AmpModelD) => new AmpModelD(),
        nameof(Lstm2D) => new Lstm2D(),
        _ => SequenceGradientTests.Create(name),
    };
}
