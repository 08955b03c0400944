using System;
using System.IO;
using System.Numerics;
using System.Text;
using NetGen.IO;
using Xunit;
using static NetGen.Tests.IO.PyTorchWeightsTests;
using static NetGen.Tests.IO.WeightTestSupport;

namespace NetGen.Tests.IO;

/// <summary>
/// Keras JSON import, on the same hand-computed 2 → 2 → 1 network as <see cref="PyTorchWeightsTests"/>. Keras
/// kernels are [in][out] like NetGen's, so the JSON holds W1 = [[1, 0.5], [−2, 3]] as it is stored.
/// </summary>
public sealed class KerasWeightsTests
{
    private const string WithBias =
        """
        {"layers": [
          {"name": "dense", "kernel": [[1.0, 0.5], [-2.0, 3.0]], "bias": [0.25, -1.0]},
          {"name": "dense_1", "kernel": [[2.0], [-1.0]], "bias": [0.5]}
        ]}
        """;

    private const string WithoutBias =
        """{"layers": [{"kernel": [[1, 0.5], [-2, 3]]}, {"name": "out", "kernel": [[2], [-1]]}]}""";

    private static readonly double[] ExpectedWithBias = [1, 0.5, -2, 3, 0.25, -1, 2, -1, 0.5];

    private static readonly double[] ExpectedWithoutBias = [1, 0.5, -2, 3, 2, -1];

    [Fact]
    public void Float_WithBias_Imports_AndForwardMatchesHandComputation()
    {
        var network = new IoTinyFloatNet();
        Load(network, WithBias);
        AssertImported(network, ExpectedWithBias, (1, 2, -5), (3, 1, -0.5));
    }

    [Fact]
    public void Double_WithBias_Imports_AndForwardMatchesHandComputation()
    {
        var network = new IoTinyDoubleNet();
        Load(network, WithBias);
        AssertImported(network, ExpectedWithBias, (1, 2, -5), (3, 1, -0.5));
    }

    [Fact]
    public void Float_WithoutBias_Imports()
    {
        var network = new IoTinyFloatNoBiasNet();
        Load(network, WithoutBias);
        AssertImported(network, ExpectedWithoutBias, (1, 2, -6.5), (3, 1, -2.5));
    }

    [Fact]
    public void Double_WithoutBias_Imports()
    {
        var network = new IoTinyDoubleNoBiasNet();
        Load(network, WithoutBias);
        AssertImported(network, ExpectedWithoutBias, (1, 2, -6.5), (3, 1, -2.5));
    }

    [Fact]
    public void PropertiesMayComeInAnyOrder()
    {
        var network = new IoTinyFloatNet();
        Load(network, """{"layers": [{"bias": [0.25, -1], "kernel": [[1, 0.5], [-2, 3]], "name": "a"}, {"bias": [0.5], "kernel": [[2], [-1]]}]}""");
        AssertImported(network, ExpectedWithBias, (1, 2, -5), (3, 1, -0.5));
    }

    [Fact]
    public void ThroughAFile()
    {
        using var directory = new TempDirectory();
        string path = directory.File("keras.json");
        File.WriteAllText(path, WithBias);
        var network = new IoTinyFloatNet();

        KerasWeights.Load(network, path);

        AssertImported(network, ExpectedWithBias, (1, 2, -5), (3, 1, -0.5));
        var wider = new IoFloatBiasNet();
        AssertRejected(wider, () => KerasWeights.Load(wider, path), "Keras weights: ", "layer 1 (\"dense\") \"kernel\": expected shape [3][4]", path);
    }

    [Theory]
    [InlineData("""{"layers": [{"name": "dense", "kernel": [[1, -2], [0.5, 3]], "bias": [0.25, -1]}, {"name": "dense_1", "kernel": [[2, -1]], "bias": [0.5]}]}""",
        "layer 2 (\"dense_1\") \"kernel\": expected shape [2][1] ([in][out]), found [1][2] (that is the transposed shape")]
    [InlineData("""{"layers": [{"name": "dense", "kernel": [[1, 0.5], [-2, 3], [7, 7]], "bias": [0.25, -1]}, {"kernel": [[2], [-1]], "bias": [0.5]}]}""",
        "layer 1 (\"dense\") \"kernel\": expected shape [2][2] ([in][out]), found [3][2]")]
    [InlineData("""{"layers": [{"kernel": [[1, 0.5], [-2, 3]], "bias": [0.25]}, {"kernel": [[2], [-1]], "bias": [0.5]}]}""",
        "layer 1 \"bias\": expected shape [2], found [1]")]
    [InlineData("""{"layers": [{"kernel": [[1, 0.5], [-2, 3]], "bias": [0.25, -1]}, {"kernel": [[2], [-1]]}]}""",
        "layer 2: \"bias\" is missing, but the network has biases")]
    [InlineData("""{"layers": [{"bias": [0.25, -1]}, {"kernel": [[2], [-1]], "bias": [0.5]}]}""",
        "layer 1: \"kernel\" is missing")]
    [InlineData("""{"layers": [{"kernel": [[1, 0.5], [-2, 3]], "bias": [0.25, -1]}]}""",
        "expected 2 Dense layer(s) for the network 2 → 2 → 1, found 1 in \"layers\"")]
    [InlineData("""{"layers": [{"kernel": [[1, 0.5], [-2, 3]], "bias": [0.25, -1], "kernal": []}, {"kernel": [[2], [-1]], "bias": [0.5]}]}""",
        "layer 1: unexpected property \"kernal\"")]
    [InlineData("""{"layers": [{"kernel": [[1, 0.5], [-2, 3]], "bias": [0.25, -1]}, {"kernel": [[2], [-1]], "bias": [0.5], "bias": [0.5]}]}""",
        "layer 2: the property \"bias\" appears more than once")]
    [InlineData("""{"layers": [{"name": 7, "kernel": [[1, 0.5], [-2, 3]], "bias": [0.25, -1]}, {"kernel": [[2], [-1]], "bias": [0.5]}]}""",
        "layer 1: \"name\" must be a string, found the number 7")]
    [InlineData("""{"layers": [[[1, 0.5], [-2, 3]], {"kernel": [[2], [-1]], "bias": [0.5]}]}""",
        "layer 1: expected an object with \"kernel\" and \"bias\", found an array [2][2]")]
    [InlineData("""{"layers": [{"kernel": [[1, 0.5], [-2, {}]], "bias": [0.25, -1]}, {"kernel": [[2], [-1]], "bias": [0.5]}]}""",
        "layer 1 \"kernel\"[1][1]: expected a number, found an object")]
    [InlineData("""{"layers": [{"kernel": [[1, 0.5], [-2, 3]], "bias": [0.25, "-Infinity"]}, {"kernel": [[2], [-1]], "bias": [0.5]}]}""",
        "layer 1 \"bias\"[1]: expected a number, found the string \"-Infinity\"; NaN and infinite weights are not accepted")]
    [InlineData("""{"layers": {"dense": {}}}""", "\"layers\" must be an array of layer objects, found an object")]
    [InlineData("""{"model": "x", "layers": []}""", "unexpected property \"model\" at the root")]
    [InlineData("""{}""", "the root object has no \"layers\" property")]
    [InlineData("""[{"kernel": [[1, 0.5], [-2, 3]]}]""", "the JSON root must be an object {\"layers\": [...]}, found an array")]
    [InlineData("""{"layers": [{"kernel": [[1, 0.5], [-2, 3]], "bias": [0.25, -1]}, {"kernel": [[2], [-1]], "bias": [0.5]}]""", "not valid JSON")]
    public void ShapeAndValueErrors_AreRejected(string json, string fragment)
    {
        var network = new IoTinyFloatNet();
        AssertRejected(network, () => Load(network, json), "Keras weights: ", fragment);
    }

    [Fact]
    public void BiasOnANetworkWithoutBias_IsRejected()
    {
        var network = new IoTinyDoubleNoBiasNet();
        AssertRejected(
            network,
            () => Load(network, WithBias),
            "layer 1 (\"dense\"): \"bias\" is present, but the network has no biases (Bias = false)");
    }

    [Fact]
    public void NaNLiteral_IsRejectedAsInvalidJson()
    {
        var network = new IoTinyDoubleNet();
        AssertRejected(
            network,
            () => Load(network, WithBias.Replace("0.25", "NaN", StringComparison.Ordinal)),
            "not valid JSON at line 2",
            "NaN and Infinity are not valid JSON and are not accepted");
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        var network = new IoTinyFloatNet();
        Assert.Throws<ArgumentNullException>("network", () => KerasWeights.Load<float>(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>("json", () => KerasWeights.Load(network, (Stream)null!));
        Assert.Throws<ArgumentNullException>("path", () => KerasWeights.Load(network, (string)null!));
        Assert.Throws<ArgumentException>("path", () => KerasWeights.Load(network, string.Empty));
    }

    private static void Load<T>(INetwork<T> network, string json)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        KerasWeights.Load(network, new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
