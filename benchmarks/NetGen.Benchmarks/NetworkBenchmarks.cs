using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace NetGen.Benchmarks;

/// <summary>
/// One sample through Forward and TrainStep of the <see cref="ArrayMlp"/> baseline. Each subclass adds the same
/// two operations on its generated network, called directly (not through <see cref="INetwork{T}"/>), as users do.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class NetworkBenchmarks
{
    protected const float LearningRate = 0.01f;

    private ArrayMlp _baseline = null!;

    protected float[] Input { get; private set; } = null!;

    protected float[] Target { get; private set; } = null!;

    protected float[] Output { get; private set; } = null!;

    /// <summary>Builds the baseline with the network's parameters and checks both give the same output.</summary>
    protected void Setup(INetwork<float> network)
    {
        _baseline = new ArrayMlp(network.LayerSizes.ToArray(), network.Activations.ToArray(), network.HasBias, network.Parameters);
        Input = TestData.Uniform(network.InputSize, seed: 1);
        Target = TestData.Uniform(network.OutputSize, seed: 2);
        Output = new float[network.OutputSize];

        float[] expected = new float[network.OutputSize];
        network.Forward(Input, Output);
        _baseline.Forward(Input, expected);
        TestData.EnsureSameOutput(Output, expected);
    }

    [Benchmark(Baseline = true, Description = "ArrayMlp.Forward")]
    [BenchmarkCategory("Forward")]
    public float ArrayMlpForward()
    {
        _baseline.Forward(Input, Output);
        return Output[0];
    }

    [Benchmark(Baseline = true, Description = "ArrayMlp.TrainStep")]
    [BenchmarkCategory("TrainStep")]
    public float ArrayMlpTrainStep() => _baseline.TrainStep(Input, Target, LearningRate);
}
