using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.IO;
using NetGen.Onnx;
using NetGen.Tests.Sequence;
using NetGen.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.IO;

/// <summary>
/// Hostile weight files, for every loader: valid files mutated (truncated, bits flipped, bytes overwritten and
/// inserted) either load, or throw the format's <see cref="NetworkFileException"/> and leave the network exactly as
/// it was; nothing else escapes. Deterministic (fixed seeds); <c>NETGEN_FUZZ_CASES</c> sets the number of mutations
/// per format for a longer run.
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper output)
{
    private static readonly int Cases =
        int.TryParse(Environment.GetEnvironmentVariable("NETGEN_FUZZ_CASES"), out int cases) && cases > 0 ? cases : 300;

    public static TheoryData<string> Formats => new(["binary", "pytorch", "keras", "rtneural", "onnx-dense", "onnx-sequence"]);

    [Theory]
    [MemberData(nameof(Formats))]
    public void MutatedFiles_LoadOrThrowTheFormatsException_AndNeverChangeTheNetworkOnFailure(string format)
    {
        (byte[] seed, Func<object> create, Action<object, Stream> load) = Target(format);
        var random = new Random(format.GetHashCode(StringComparison.Ordinal) & 0x7FFF_FFFF ^ 77);
        int loaded = 0, refused = 0;
        for (int i = 0; i < Cases; i++)
        {
            byte[] mutant = ByteMutator.Mutate(seed, random, i);
            object network = create();
            double[] before = WeightTestSupport.ParametersOf(network);
            try
            {
                load(network, new MemoryStream(mutant));
                loaded++;
            }
            catch (NetworkFileException)
            {
                refused++;
                Assert.True(before.AsSpan().SequenceEqual(WeightTestSupport.ParametersOf(network)), $"{format} #{i}: a refused load changed the network.");
            }
            catch (Exception e)
            {
                Assert.Fail($"{format} #{i}: {e.GetType().Name} escaped: {e}");
            }
        }

        output.WriteLine($"{format}: {Cases} mutants, {loaded} loaded, {refused} refused");
        Assert.True(refused > 0, "No mutant was refused: the mutations did not reach the reader.");
    }

    private static (byte[] Seed, Func<object> Create, Action<object, Stream> Load) Target(string format)
    {
        switch (format)
        {
            case "binary":
            {
                var source = new IoFloatBiasNet();
                source.InitializeParameters(seed: 9);
                return (WeightTestSupport.SaveToBytes(source), () => new IoFloatBiasNet(), (n, s) => NetworkWeights.Load((IoFloatBiasNet)n, s));
            }

            case "pytorch":
                return (Encoding.UTF8.GetBytes(
                        """{"0.weight": [[1.0, -2.0], [0.5, 3.0]], "0.bias": [0.25, -1.0], "2.weight": [[2.0, -1.0]], "2.bias": [0.5]}"""),
                    () => new IoTinyFloatNet(), (n, s) => PyTorchWeights.Load((IoTinyFloatNet)n, s));
            case "keras":
                return (Encoding.UTF8.GetBytes(
                        """{"layers": [{"name": "dense", "kernel": [[1.0, 0.5], [-2.0, 3.0]], "bias": [0.25, -1.0]}, {"name": "dense_1", "kernel": [[2.0], [-1.0]], "bias": [0.5]}]}"""),
                    () => new IoTinyFloatNet(), (n, s) => KerasWeights.Load((IoTinyFloatNet)n, s));
            case "rtneural":
                return (File.ReadAllBytes(Fixture("stack.rtneural.json")), () => new StackD(), (n, s) => RTNeuralWeights.Load((StackD)n, s));
            case "onnx-dense":
            {
                var source = new IoFloatBiasNet();
                source.InitializeParameters(seed: 9);
                using var stream = new MemoryStream();
                OnnxModel.Save(source, stream);
                return (stream.ToArray(), () => new IoFloatBiasNet(), (n, s) => OnnxModel.Load((IoFloatBiasNet)n, s));
            }

            default:
                return (File.ReadAllBytes(Fixture("tcn.onnx")), () => new TcnModelD(), (n, s) => OnnxModel.Load((TcnModelD)n, s));
        }
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Sequence", "Fixtures", name);
}
