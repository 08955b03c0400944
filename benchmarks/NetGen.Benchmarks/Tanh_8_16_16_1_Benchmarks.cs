using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

/// <summary>8-16-16-1 network (tanh hidden layers, identity output, biases): one sample through Forward and TrainStep.</summary>
public class Tanh_8_16_16_1_Benchmarks : NetworkBenchmarks
{
    private readonly Tanh_8_16_16_1 _generated = new();

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
