using System;
using System.IO;
using System.Numerics;
using System.Text;
using NetGen.IO;
using Xunit;
using static NetGen.Tests.IO.WeightTestSupport;

namespace NetGen.Tests.IO;

/// <summary>
/// PyTorch state_dict JSON import, on a 2 → 2 → 1 network (ReLU hidden, identity output) whose weights and outputs
/// are computed by hand:
/// <code>
/// nn.Linear(2, 2): weight [out][in] = [[1, −2], [0.5, 3]], bias [0.25, −1]
/// nn.Linear(2, 1): weight = [[2, −1]], bias [0.5]
/// x = (1, 2): z1 = (1 − 4 + 0.25, 0.5 + 6 − 1) = (−2.75, 5.5), a1 = (0, 5.5), ŷ = 0 − 5.5 + 0.5 = −5
/// x = (3, 1): z1 = (3 − 2 + 0.25, 1.5 + 3 − 1) = (1.25, 3.5),   a1 = z1,        ŷ = 2.5 − 3.5 + 0.5 = −0.5
/// without biases: x = (1, 2): a1 = (0, 6.5), ŷ = −6.5;  x = (3, 1): a1 = (1, 4.5), ŷ = 2 − 4.5 = −2.5
/// </code>
/// NetGen stores W as [in][out], so W1 = [[1, 0.5], [−2, 3]] → 1, 0.5, −2, 3.
/// </summary>
public sealed class PyTorchWeightsTests
{
    private const string WithBias =
        """{"0.weight": [[1.0, -2.0], [0.5, 3.0]], "0.bias": [0.25, -1.0], "2.weight": [[2.0, -1.0]], "2.bias": [0.5]}""";

    private const string WithoutBias = """{"0.weight": [[1.0, -2.0], [0.5, 3.0]], "2.weight": [[2.0, -1.0]]}""";

    private static readonly double[] ExpectedWithBias = [1, 0.5, -2, 3, 0.25, -1, 2, -1, 0.5];

    private static readonly double[] ExpectedWithoutBias = [1, 0.5, -2, 3, 2, -1];

    [Fact]
    public void Float_WithBias_ImportsTransposedWeights_AndForwardMatchesHandComputation()
    {
        var network = new IoTinyFloatNet();
        Load(network, WithBias);
        AssertImported(network, ExpectedWithBias, (1, 2, -5), (3, 1, -0.5));
    }

    [Fact]
    public void Double_WithBias_ImportsTransposedWeights_AndForwardMatchesHandComputation()
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
    public void LayersAreTakenInTheOrderOfTheirWeightEntries_NotByName()
    {
        // "decoder" sorts before "encoder", but encoder.weight comes first in the file; a bias may precede its weight.
        const string json =
            """{"encoder.bias": [0.25, -1], "encoder.weight": [[1, -2], [0.5, 3]], "decoder.weight": [[2, -1]], "decoder.bias": [0.5]}""";
        var network = new IoTinyFloatNet();
        Load(network, json);
        AssertImported(network, ExpectedWithBias, (1, 2, -5), (3, 1, -0.5));
    }

    [Fact]
    public void ASingleLinearModel_HasBareWeightAndBiasNames()
    {
        var network = new IoLinearNet();
        Load(network, """{"weight": [[3, -4]], "bias": [0.5]}""");
        AssertImported(network, [3, -4, 0.5], (1, 2, -4.5), (2, 1, 2.5));
    }

    [Fact]
    public void FloatValues_AreRoundedOnceFromTheDecimalText()
    {
        // What float32 0.1 becomes after .tolist() and json.dump: the exact double of the float, which must map back to it.
        var network = new IoLinearNet();
        Load(network, """{"weight": [[0.10000000149011612, 0.1]], "bias": [1e-50]}""");
        Assert.Equal(0.1f, network.Parameters[0]);
        Assert.Equal(0.1f, network.Parameters[1]);
        Assert.Equal(0f, network.Parameters[2]);

        var precise = new IoTinyDoubleNet();
        Load(precise, WithBias.Replace("0.25", "0.1", StringComparison.Ordinal));
        Assert.Equal(0.1, precise.Parameters[4]);
    }

    [Fact]
    public void ThroughAFile()
    {
        using var directory = new TempDirectory();
        string path = directory.File("state_dict.json");
        File.WriteAllText(path, WithBias, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var network = new IoTinyDoubleNet();

        PyTorchWeights.Load(network, path);

        AssertImported(network, ExpectedWithBias, (1, 2, -5), (3, 1, -0.5));
        var noBias = new IoTinyFloatNoBiasNet();
        AssertRejected(noBias, () => PyTorchWeights.Load(noBias, path), "\"0.bias\" is present", "no biases", path);
        string bad = directory.File("bad.json");
        File.WriteAllText(bad, "{");
        AssertRejected(network, () => PyTorchWeights.Load(network, bad), "not valid JSON", bad);
    }

    [Theory]
    [InlineData("""{"0.weight": [[1, -2, 7], [0.5, 3, 7]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "layer 1 \"0.weight\": expected shape [2][2] ([out][in]), found [2][3]")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, -1], "2.weight": [[2], [-1]], "2.bias": [0.5]}""",
        "layer 2 \"2.weight\": expected shape [1][2] ([out][in]), found [2][1] (that is the transposed shape")]
    [InlineData("""{"0.weight": [[1, -2], [0.5]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "found [2][ragged: 2, 1]")]
    [InlineData("""{"0.weight": [1, -2, 0.5, 3], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "layer 1 \"0.weight\": expected shape [2][2] ([out][in]), found [4]")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, -1, 9], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "layer 1 \"0.bias\": expected shape [2], found [3]")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [[0.25], [-1]], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "layer 1 \"0.bias\": expected shape [2], found [2][1]")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, -1], "2.weight": [[2, -1]]}""",
        "layer 2: \"2.bias\" is missing, but the network has biases")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, -1]}""",
        "expected 2 nn.Linear layer(s) for the network 2 → 2 → 1 (one '.weight' entry each), found 1: \"0.weight\"")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5], "4.weight": [[1]]}""",
        "found 3")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5], "1.running_mean": [0, 0]}""",
        "unexpected entry \"1.running_mean\"")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5], "3.bias": [1]}""",
        "\"3.bias\" has no matching \"3.weight\"")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "the name \"0.weight\" appears more than once")]
    [InlineData("""{"0.weight": [[1, "x"], [0.5, 3]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "layer 1 \"0.weight\"[0][1]: expected a number, found the string \"x\"")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, null], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "layer 1 \"0.bias\"[1]: expected a number, found null")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, -1], "2.weight": [[2, true]], "2.bias": [0.5]}""",
        "layer 2 \"2.weight\"[0][1]: expected a number, found true")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, "NaN"], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "NaN and infinite weights are not accepted")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 1e39]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "layer 1 \"0.weight\"[1][1]: 1e39 is out of the range of float")]
    [InlineData("""[[1, -2], [0.5, 3]]""", "the JSON root must be an object mapping parameter names to arrays, found an array [2][2]")]
    public void ShapeAndValueErrors_AreRejected_Float(string json, string fragment)
    {
        var network = new IoTinyFloatNet();
        AssertRejected(network, () => Load(network, json), "PyTorch state_dict: ", fragment);
    }

    [Theory]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 1e400]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "layer 1 \"0.weight\"[1][1]: 1e400 is out of the range of double")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5]}""",
        "layer 1: \"0.bias\" is present, but the network has no biases")]
    public void ShapeAndValueErrors_AreRejected_DoubleWithoutBias(string json, string fragment)
    {
        var network = new IoTinyDoubleNoBiasNet();
        AssertRejected(network, () => Load(network, json), fragment);
    }

    [Theory]
    [InlineData("""{"0.weight": [[1, -2], [0.5, NaN]]}""", "line 1", "NaN and Infinity are not valid JSON")]
    [InlineData("{\"0.weight\":\n  [[1, -2],\n   [0.5, -Infinity]]}", "line 3", "NaN and Infinity are not valid JSON")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, Infinity]]}""", "not valid JSON", "NaN and Infinity are not valid JSON")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]],}""", "not valid JSON at line 1")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("""{"0.weight": [[1, -2], [0.5, 3]]} // comment""", "not valid JSON")]
    public void MalformedJson_IsRejected(string json, string fragment1, string fragment2 = "PyTorch state_dict")
    {
        var network = new IoTinyFloatNet();
        WeightFileException exception = AssertRejected(network, () => Load(network, json), fragment1, fragment2);
        Assert.NotNull(exception.InnerException);
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        var network = new IoTinyFloatNet();
        Assert.Throws<ArgumentNullException>("network", () => PyTorchWeights.Load((INetwork<float>)null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>("network", () => PyTorchWeights.Load((ISequenceNetwork<float>)null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>("json", () => PyTorchWeights.Load(network, (Stream)null!));
        Assert.Throws<ArgumentNullException>("path", () => PyTorchWeights.Load(network, (string)null!));
        Assert.Throws<ArgumentException>("path", () => PyTorchWeights.Load(network, string.Empty));
    }

    internal static void Load<T>(INetwork<T> network, string json)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        PyTorchWeights.Load(network, new MemoryStream(Encoding.UTF8.GetBytes(json)));

    /// <summary>Parameters equal <paramref name="expected"/> exactly, and Forward gives the hand-computed outputs.</summary>
    internal static void AssertImported<T>(INetwork<T> network, double[] expected, params (double X0, double X1, double Y)[] samples)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var actual = new double[network.ParameterCount];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = double.CreateChecked(network.Parameters[i]);
        }

        Assert.Equal(expected, actual);

        Span<T> output = stackalloc T[1];
        foreach ((double x0, double x1, double y) in samples)
        {
            network.Forward([T.CreateChecked(x0), T.CreateChecked(x1)], output);
            Assert.Equal(y, double.CreateChecked(output[0]));
        }
    }
}
