using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

/// <summary>(b) 8-16-16-1, tanh hidden layers, identity output, biases.</summary>
public class Tanh_8_16_16_1_Benchmarks : StandardNetworkBenchmarks
{
    private readonly Tanh_8_16_16_1 _sgd = new();
    private readonly Tanh_8_16_16_1_Adam _adam = new();

    [GlobalSetup]
    public void Setup() => Setup(_sgd, _adam);

    [Benchmark(Description = "NetGen.Forward")]
    [BenchmarkCategory(Operations.Forward)]
    public float NetGenForward()
    {
        _sgd.Forward(Input, Output);
        return Output[0];
    }

    [Benchmark(Description = "NetGen.ForwardBatch")]
    [BenchmarkCategory(Operations.ForwardBatch)]
    public float NetGenForwardBatch()
    {
        _sgd.ForwardBatch(BatchInputs, BatchOutputs);
        return BatchOutputs[0];
    }

    [Benchmark(Description = "NetGen.SgdStep(x, y, η)")]
    [BenchmarkCategory(Operations.SgdStep)]
    public float NetGenSgdStep() => _sgd.SgdStep(Input, NextTarget(), LearningRate);

    [Benchmark(Description = "NetGen.TrainStep(x, y), Adam")]
    [BenchmarkCategory(Operations.AdamStep)]
    public float NetGenAdamStep() => _adam.TrainStep(Input, NextTarget());

    protected override ITrainableNetwork<float> NewSgdNetwork() => new Tanh_8_16_16_1();

    protected override ITrainableNetwork<float> NewAdamNetwork() => new Tanh_8_16_16_1_Adam();
}
