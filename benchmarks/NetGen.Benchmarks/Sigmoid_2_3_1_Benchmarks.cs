using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

/// <summary>2-3-1 sigmoid network with biases: one sample through Forward and TrainStep.</summary>
public class Sigmoid_2_3_1_Benchmarks : NetworkBenchmarks
{
    private readonly Sigmoid_2_3_1 _generated = new();

    [GlobalSetup]
    public void Setup() => Setup(_generated);

    [Benchmark(Description = "Generated.Forward")]
    [BenchmarkCategory("Forward")]
    public float GeneratedForward()
    {
        _generated.Forward(Input, Output);
        return Output[0];
    }

    [Benchmark(Description = "Generated.TrainStep")]
    [BenchmarkCategory("TrainStep")]
    public float GeneratedTrainStep() => _generated.TrainStep(Input, Target, LearningRate);
}
