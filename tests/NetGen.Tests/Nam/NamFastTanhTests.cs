using System;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.Nam;
using Xunit;

namespace NetGen.Tests.Nam;

/// <summary>
/// NamOptions.FastTanh: NAM's rational tanh, the formula itself against tanh, a WaveNet's Tanh layers computed exactly as
/// a file's own Fasttanh layers, and how far the fast mode moves the outputs.
/// </summary>
public class NamFastTanhTests
{
    [Fact]
    public void TheApproximation_IsWithinItsStatedErrorOfTanh_AndTendsTo1008()
    {
        double worst = 0;
        for (int i = -100_000; i <= 100_000; i++)
        {
            float x = i * 1e-4f;
            worst = Math.Max(worst, Math.Abs(Formats.NamActivation.FastTanh(x) - Math.Tanh(x)));
        }

        Assert.InRange(worst, 4.3e-4, 4.4e-4);
        Assert.InRange(Formats.NamActivation.FastTanh(1e5f), 1.0079, 1.0082);   // the limit: 0.8212…/0.8146… = 1.00808
    }

    [Fact]
    public void FastTanhOnAWaveNet_IsTheFilesTanhLayersAsFasttanh()
    {
        string json = File.ReadAllText(NamModelTests.Fixture("wavenet-nano.nam"));
        Assert.Contains("\"Tanh\"", json, StringComparison.Ordinal);
        NamModel asFasttanh = NamModel.Open(new MemoryStream(Encoding.UTF8.GetBytes(json.Replace("\"Tanh\"", "\"Fasttanh\"", StringComparison.Ordinal))));
        NamModel fast = NamModel.Open(NamModelTests.Fixture("wavenet-nano.nam"), new NamOptions { FastTanh = true });
        (float[] input, double[] expected) = NamModelTests.Recorded("wavenet-nano");

        var a = new float[input.Length];
        var b = new float[input.Length];
        asFasttanh.Process(input, a);
        fast.Process(input, b);

        Assert.True(fast.FastTanh);
        Assert.Equal(a, b);
        double error = RelativeRms(expected, b);
        Assert.InRange(error, 1e-5, 1e-2);   // moved, but only by the approximation's error
    }

    [Theory]
    [InlineData("lstm-standard")]
    [InlineData("wavenet-standard")]
    public void FastTanh_MovesTheOutputsByTheApproximationOnly(string name)
    {
        NamModel fast = NamModel.Open(NamModelTests.Fixture($"{name}.nam"), new NamOptions { FastTanh = true });
        (float[] input, double[] expected) = NamModelTests.Recorded(name);
        var output = new float[input.Length];

        fast.Process(input, output);

        // An LSTM carries the approximation's error in its state: about 1% relative RMS on the 1×24 fixture.
        Assert.InRange(RelativeRms(expected, output), 1e-5, 5e-2);
    }

    [Fact]
    public void Options_AreChecked()
    {
        Assert.Throws<ArgumentNullException>("options", () => NamModel.Open(NamModelTests.Fixture("lstm-lite.nam"), null!));
        Assert.Throws<ArgumentNullException>("options", () => NamModel.Open(new MemoryStream(), null!));
        Assert.False(NamModel.Open(NamModelTests.Fixture("lstm-lite.nam")).FastTanh);
    }

    private static double RelativeRms(double[] expected, float[] actual)
    {
        double error = 0, norm = 0;
        for (int t = 0; t < expected.Length; t++)
        {
            error += (actual[t] - expected[t]) * (actual[t] - expected[t]);
            norm += expected[t] * expected[t];
        }

        return Math.Sqrt(error / norm);
    }
}
