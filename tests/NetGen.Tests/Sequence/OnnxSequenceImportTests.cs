using System;
using System.IO;
using System.Linq;
using NetGen.Onnx;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>
/// OnnxModel.Load on sequence networks: what torch.onnx.export writes (Fixtures/*.onnx from make_fixtures.py, opsets
/// 14 to 17, with its shape plumbing and the Pad of a causal convolution) gives PyTorch's outputs; NetGen's own export
/// reads back exactly; mismatches are refused with the network unchanged.
/// </summary>
public class OnnxSequenceImportTests
{
    public static TheoryData<string, string> Models => PyTorchWeightsSequenceTests.Models;

    [Theory]
    [MemberData(nameof(Models))]
    public void TorchExport_Loads_AndTheNetworkComputesWhatPyTorchComputed(string fixture, string network)
    {
        ISequenceNetwork<double> net = PyTorchWeightsSequenceTests.Create(network);
        PyTorchSequenceFixture expected = PyTorchSequenceFixture.Load(fixture);

        OnnxModel.Load(net, ModelPath(fixture));

        Assert.Equal(expected.Parameters(), net.Parameters.ToArray());
        expected.AssertComputedBy(net);
    }

    [Theory]
    [InlineData(nameof(StackD))]
    [InlineData(nameof(StackNoBiasD))]
    [InlineData(nameof(RecurrentLastD))]
    public void OwnExport_ReadsBackExactly(string network)
    {
        ISequenceNetwork<double> source = PyTorchWeightsSequenceTests.Create(network);
        SequenceGradientTests.Randomize(source, seed: 41);
        using var stream = new MemoryStream();
        OnnxModel.Save(source, stream);
        stream.Position = 0;
        ISequenceNetwork<double> target = PyTorchWeightsSequenceTests.Create(network);

        OnnxModel.Load(target, stream);

        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());
    }

    [Theory]
    [InlineData("gru", nameof(AmpModelD), "the node is a Gru layer, but the network declares [Lstm]")]
    [InlineData("stack", nameof(StackNoBiasD), "bias")]
    [InlineData("lstm2", nameof(AmpModelD), "The graph has 3 weight layers")]
    [InlineData("tcn", nameof(StackD), "The graph has 3 weight layers")]
    public void MismatchedModel_IsRefused_NamingTheFile_AndChangesNothing(string fixture, string network, string message)
    {
        ISequenceNetwork<double> net = PyTorchWeightsSequenceTests.Create(network);
        double[] before = net.Parameters.ToArray();

        var error = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load(net, ModelPath(fixture)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ModelPath(fixture), error.FileName);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void FloatModel_IntoADoubleNetwork_WidensExactly()
    {
        var source = new GruModel();
        source.InitializeParameters(seed: 5);
        using var stream = new MemoryStream();
        OnnxModel.Save(source, stream);
        stream.Position = 0;
        var target = new GruModelD();

        OnnxModel.Load(target, stream);

        Assert.Equal(source.Parameters.ToArray().Select(v => (double)v), target.Parameters.ToArray());
    }

    [Fact]
    public void DenseModel_IntoASequenceNetwork_IsRefused()
    {
        var error = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load(new AmpModelD(), new MemoryStream([1, 2, 3])));
        Assert.Contains("not a valid ONNX model", error.Message, StringComparison.Ordinal);
    }

    private static string ModelPath(string fixture) => Path.Combine(AppContext.BaseDirectory, "Sequence", "Fixtures", fixture + ".onnx");
}
