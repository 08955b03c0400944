using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Nam;
using Xunit;

namespace NetGen.Tests.Nam;

/// <summary>
/// NamModel against the outputs that Nam/Fixtures/make_nam_fixtures.py computed with its own PyTorch implementation of
/// the NAM architectures, from the state NAM core's reset leaves: every kind of model, in blocks of every size, on
/// independent streams, after resets.
/// </summary>
public class NamModelTests
{
    /// <summary>Relative RMS error allowed against the float64 reference: float32 arithmetic over a few hundred terms.</summary>
    private const double Bound = 1e-5;

    public static TheoryData<string> Models => new()
    {
        "wavenet-standard", "wavenet-nano", "wavenet-gated", "wavenet-kernels", "lstm-standard", "lstm-lite", "lstm-odd",
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Open_ThenProcess_ComputesTheReference(string name)
    {
        NamModel model = NamModel.Open(Fixture($"{name}.nam"));
        (float[] input, double[] expected) = Recorded(name);

        var output = new float[input.Length];
        model.Process(input, output);

        AssertClose(expected, output, name);
    }

    [Theory]
    [InlineData("wavenet-standard", 1)]
    [InlineData("wavenet-standard", 7)]
    [InlineData("wavenet-kernels", 64)]
    [InlineData("lstm-lite", 3)]
    [InlineData("lstm-standard", 256)]
    public void AnyBlockSize_GivesTheSameSamples(string name, int block)
    {
        NamModel whole = NamModel.Open(Fixture($"{name}.nam"));
        NamModel blocked = NamModel.Open(Fixture($"{name}.nam"));
        (float[] input, _) = Recorded(name);
        var expected = new float[input.Length];
        whole.Process(input, expected);

        var output = new float[input.Length];
        for (int at = 0; at < input.Length; at += block)
        {
            int count = Math.Min(block, input.Length - at);
            blocked.Process(input.AsSpan(at, count), output.AsSpan(at, count));
        }

        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData("wavenet-gated")]
    [InlineData("lstm-odd")]
    public void ResetState_And_NewStreams_StartFromTheSameState(string name)
    {
        NamModel model = NamModel.Open(Fixture($"{name}.nam"));
        (float[] input, double[] expected) = Recorded(name);
        var first = new float[input.Length];
        model.Process(input, first);

        NamStream voice = model.CreateStream();
        var second = new float[input.Length];
        model.ResetState();
        voice.Process(input.AsSpan(0, 100), second.AsSpan(0, 100));       // interleaved with the default stream
        var again = new float[input.Length];
        model.Process(input, again);
        voice.Process(input.AsSpan(100), second.AsSpan(100));

        Assert.Equal(first, again);
        Assert.Equal(first, second);
        AssertClose(expected, first, name);
    }

    [Fact]
    public void InPlace_IsTheSameAsSeparateBuffers()
    {
        (float[] input, double[] expected) = Recorded("wavenet-nano");
        float[] buffer = (float[])input.Clone();

        NamModel.Open(Fixture("wavenet-nano.nam")).Process(buffer, buffer);

        AssertClose(expected, buffer, "wavenet-nano in place");
    }

    [Fact]
    public void Container_PicksTheSubmodelBySize_AndDefaultsToTheLargest()
    {
        NamModel model = NamModel.Open(Fixture("a2-small.nam"));
        double[] thresholds = MaxValues("a2-small.nam");
        Assert.Equal("SlimmableContainer", model.Architecture);
        Assert.Equal(thresholds.Length, model.SubmodelCount);
        Assert.Equal(1, model.Size);

        for (int s = thresholds.Length - 1; s >= 0; s--)
        {
            (float[] input, double[] expected) = Recorded($"a2-small@{s}");
            NamStream stream = model.CreateStream();
            if (s < thresholds.Length - 1)
            {
                stream.Size = s == 0 ? 0 : thresholds[s - 1];   // v picks the first submodel with v < max_value
            }

            var output = new float[input.Length];
            stream.Process(input, output);
            AssertClose(expected, output, $"a2-small submodel {s}");
        }
    }

    [Fact]
    public void Metadata_AndSampleRate_AreTheFiles()
    {
        using JsonDocument file = JsonDocument.Parse(File.ReadAllBytes(Fixture("wavenet-standard.nam")));
        NamModel model = NamModel.Open(Fixture("wavenet-standard.nam"));

        Assert.Equal("WaveNet", model.Architecture);
        Assert.Equal(file.RootElement.GetProperty("sample_rate").GetDouble(), model.SampleRate);
        Assert.False(model.IsSpecialized);
        if (file.RootElement.TryGetProperty("metadata", out JsonElement metadata) && metadata.TryGetProperty("name", out JsonElement name))
        {
            Assert.Equal(name.GetString(), model.Metadata.Name);
        }
    }

    [Fact]
    public void Process_ChecksTheOutputLength_AndSize_ItsRange()
    {
        NamModel model = NamModel.Open(Fixture("lstm-lite.nam"));

        ArgumentException error = Assert.Throws<ArgumentException>("output", () => model.Process(new float[4], new float[3]));
        Assert.Contains("as the input (4), but holds 3", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => model.Size = 1.5);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => model.Size = double.NaN);
    }

    [Theory]
    [InlineData("bad-truncated.nam", "not valid JSON")]
    [InlineData("bad-weight-count.nam", "weights, but the file has")]
    [InlineData("bad-nan.nam", "not valid JSON")]
    [InlineData("bad-architecture.nam", "unknown architecture \"Transformer\"")]
    [InlineData("bad-version.nam", "version 0.8.0 is not supported")]
    [InlineData("bad-absurd.nam", "")]
    public void BadFiles_AreRefused_NamingTheFile(string file, string message)
    {
        NamFormatException error = Assert.Throws<NamFormatException>(() => NamModel.Open(Fixture(file)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(file: {Fixture(file)})", error.Message, StringComparison.Ordinal);
        Assert.Equal(Fixture(file), error.FileName);
    }

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Nam", "Fixtures", name);

    internal static (float[] Input, double[] Output) Recorded(string name)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Fixture("nam-outputs.json")));
        JsonElement entry = document.RootElement.GetProperty(name);
        return (
            entry.GetProperty("input").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray(),
            entry.GetProperty("output").EnumerateArray().Select(v => v.GetDouble()).ToArray());
    }

    private static double[] MaxValues(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Fixture(file)));
        return document.RootElement.GetProperty("config").GetProperty("submodels").EnumerateArray()
            .Select(s => s.GetProperty("max_value").GetDouble()).ToArray();
    }

    /// <summary>‖y − ŷ‖ / ‖ŷ‖ ≤ <see cref="Bound"/>, with the worst sample named when it fails.</summary>
    internal static void AssertClose(double[] expected, IReadOnlyList<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Count);
        double error = 0, norm = 0;
        int worst = 0;
        for (int t = 0; t < expected.Length; t++)
        {
            double d = actual[t] - expected[t];
            error += d * d;
            norm += expected[t] * expected[t];
            worst = Math.Abs(d) > Math.Abs(actual[worst] - expected[worst]) ? t : worst;
        }

        double relative = Math.Sqrt(error / norm);
        Assert.True(
            relative <= Bound,
            $"{what}: relative RMS error {relative:E3} > {Bound:E0}; worst at sample {worst}: {actual[worst]:R} vs {expected[worst]:R}");
    }
}
