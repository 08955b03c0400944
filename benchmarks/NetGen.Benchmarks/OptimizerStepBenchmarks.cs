using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

/// <summary>
/// One TrainBatch of one sample on the 8-16-16-1 network (433 parameters) per optimizer kind: gradient of the
/// objective into the instance buffer, then the optimizer's step. The fused SGD SgdStep(input, target, η),
/// which updates during backpropagation and needs no gradient buffer, is the baseline.
/// </summary>
[MemoryDiagnoser]
public class OptimizerStepBenchmarks
{
    private const float LearningRate = 1e-4f;

    private readonly Tanh_8_16_16_1_Sgd _sgd = new();
    private readonly Tanh_8_16_16_1_Momentum _momentum = new();
    private readonly Tanh_8_16_16_1_Nesterov _nesterov = new();
    private readonly Tanh_8_16_16_1_Adam _adam = new();
    private readonly Tanh_8_16_16_1_AdamW _adamW = new();
    private readonly Tanh_8_16_16_1_RmsProp _rmsProp = new();
    private readonly Tanh_8_16_16_1_Sgd _fused = new();
    private float[] _input = null!;
    private float[] _target = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = TestData.Uniform(Tanh_8_16_16_1_Sgd.InputSize, seed: 1);
        _target = TestData.Uniform(Tanh_8_16_16_1_Sgd.OutputSize, seed: 2);

        // A small rate for every optimizer keeps millions of steps on one sample in a steady, finite regime.
        _sgd.Optimizer.LearningRate = LearningRate;
        _momentum.Optimizer.LearningRate = LearningRate;
        _nesterov.Optimizer.LearningRate = LearningRate;
        _adam.Optimizer.LearningRate = LearningRate;
        _adamW.Optimizer.LearningRate = LearningRate;
        _rmsProp.Optimizer.LearningRate = LearningRate;
    }

    [Benchmark(Baseline = true, Description = "SgdStep(x, y, η), fused SGD")]
    public float FusedSgd() => _fused.SgdStep(_input, _target, LearningRate);

    [Benchmark(Description = "TrainBatch, SGD")]
    public float Sgd() => _sgd.TrainBatch(_input, _target);

    [Benchmark(Description = "TrainBatch, Momentum")]
    public float Momentum() => _momentum.TrainBatch(_input, _target);

    [Benchmark(Description = "TrainBatch, Nesterov")]
    public float Nesterov() => _nesterov.TrainBatch(_input, _target);

    [Benchmark(Description = "TrainBatch, Adam")]
    public float Adam() => _adam.TrainBatch(_input, _target);

    [Benchmark(Description = "TrainBatch, AdamW")]
    public float AdamW() => _adamW.TrainBatch(_input, _target);

    [Benchmark(Description = "TrainBatch, RMSProp")]
    public float RmsProp() => _rmsProp.TrainBatch(_input, _target);
}
