using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

/// <summary>(c) 64-32-10, ReLU hidden layer, identity output, biases.</summary>
public class Relu_64_32_10_Benchmarks : StandardNetworkBenchmarks
{
    private readonly Relu_64_32_10 _sgd = new();
    private readonly Relu_64_32_10_Adam _adam = new();

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

    protected override ITrainableNetwork<float> NewSgdNetwork() => new Relu_64_32_10();

    protected override ITrainableNetwork<float> NewAdamNetwork() => new Relu_64_32_10_Adam();
}
