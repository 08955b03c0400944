using System;
using System.IO;
using NetGen.IO;
using NetGen.Nam;
using NetGen.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.Nam;

/// <summary>
/// Hostile <c>.nam</c> files: valid ones mutated (truncated, bits flipped, bytes overwritten and inserted) either open
/// and play, or throw <see cref="NamFormatException"/>; nothing else escapes. Deterministic; <c>NETGEN_FUZZ_CASES</c>
/// sets the number of mutations per file for a longer run.
/// </summary>
public sealed class NamFuzzTests(ITestOutputHelper output)
{
    private static readonly int Cases =
        int.TryParse(Environment.GetEnvironmentVariable("NETGEN_FUZZ_CASES"), out int cases) && cases > 0 ? cases : 200;

    [Theory]
    [InlineData("wavenet-gated.nam")]
    [InlineData("wavenet-kernels.nam")]
    [InlineData("lstm-odd.nam")]
    [InlineData("a2-small.nam")]
    public void MutatedFiles_OpenAndPlay_OrThrowNamFormatException(string file)
    {
        byte[] seed = File.ReadAllBytes(NamModelTests.Fixture(file));
        var random = new Random(file.Length * 7919);
        var block = new float[64];
        int opened = 0, refused = 0;
        for (int i = 0; i < Cases; i++)
        {
            byte[] mutant = ByteMutator.Mutate(seed, random, i);
            try
            {
                NamModel model = NamModel.Open(new MemoryStream(mutant));
                model.Process(block, block);
                opened++;
            }
            catch (NamFormatException)
            {
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{file} #{i}: {e.GetType().Name} escaped: {e}");
            }
        }

        output.WriteLine($"{file}: {Cases} mutants, {opened} opened, {refused} refused");
        Assert.True(refused > 0, "No mutant was refused: the mutations did not reach the reader.");
    }

    [Theory]
    [InlineData("""{"version": "0.5.4", "architecture": "WaveNet", "config": {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_size": 3, "dilations": [65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536], "activation": "Tanh", "head_size": 1, "head_bias": true}], "head_scale": 0.02}, "weights": []}""",
        "values of state per stream")]
    [InlineData("""{"version": "0.5.4", "architecture": "LSTM", "config": {"input_size": 1, "hidden_size": 60000, "num_layers": 3}, "weights": []}""",
        "NetGen plays models of up to")]
    [InlineData("""{"version": "0.5.4", "architecture": "WaveNet", "config": {"layers": [{"input_size": 1, "condition_size": 1, "channels": 2, "kernel_size": 3, "dilations": [1], "activation": "GELU", "head_size": 1, "head_bias": true}], "head_scale": 0.02}, "weights": []}""",
        "the activation \"GELU\" is not supported")]
    [InlineData("""{"version": "0.7.0", "architecture": "WaveNet", "config": {"layers": [{"input_size": 1, "condition_size": 1, "channels": 4, "bottleneck": 2, "kernel_size": 3, "dilations": [1], "activation": "Tanh", "head_size": 1, "head_bias": true}], "head_scale": 0.02}, "weights": []}""",
        "a bottleneck (2) other than channels (4) is not supported")]
    [InlineData("""{"version": "0.7.0", "architecture": "WaveNet", "config": {"layers": [{"input_size": 1, "condition_size": 1, "channels": 4, "gating_mode": "blended", "kernel_size": 3, "dilations": [1], "activation": "Tanh", "head_size": 1, "head_bias": true}], "head_scale": 0.02}, "weights": []}""",
        "gating_mode \"blended\" is not supported")]
    [InlineData("""{"version": "0.5.4", "architecture": "ConvNet", "config": {}, "weights": []}""",
        "the architecture \"ConvNet\" is not supported")]
    public void AbsurdOrUnsupportedConfigurations_AreRefusedBeforeAnythingIsAllocated(string json, string message)
    {
        NamFormatException error = Assert.Throws<NamFormatException>(() => NamModel.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(read from a stream)", error.Message, StringComparison.Ordinal);
    }
}
