using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace NetGen.Benchmarks;

/// <summary>8-16-16-1 network (tanh hidden layers, identity output, biases): one sample through Forward and TrainStep.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Tanh_8_16_16_1_Benchmarks
{
    private const float LearningRate = 0.01f;

    private Tanh_8_16_16_1 _generated = null!;
    private ArrayMlp _baseline = null!;
    private float[] _input = null!;
    private float[] _target = null!;
    private float[] _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new Tanh_8_16_16_1();
        _baseline = new ArrayMlp(
            Tanh_8_16_16_1.LayerSizes.ToArray(), Tanh_8_16_16_1.Activations.ToArray(), Tanh_8_16_16_1.HasBias, _generated.Parameters);
        _input = TestData.Uniform(Tanh_8_16_16_1.InputSize, seed: 1);
        _target = TestData.Uniform(Tanh_8_16_16_1.OutputSize, seed: 2);
        _output = new float[Tanh_8_16_16_1.OutputSize];

        float[] expected = new float[Tanh_8_16_16_1.OutputSize];
        _generated.Forward(_input, _output);
        _baseline.Forward(_input, expected);
        TestData.EnsureSameOutput(_output, expected);
    }

    [Benchmark(Baseline = true, Description = "ArrayMlp.Forward")]
    [BenchmarkCategory("Forward")]
    public float ArrayMlpForward()
    {
        _baseline.Forward(_input, _output);
        return _output[0];
    }

    [Benchmark(Description = "Generated.Forward")]
    [BenchmarkCategory("Forward")]
    public float GeneratedForward()
    {
        _generated.Forward(_input, _output);
        return _output[0];
    }

    [Benchmark(Baseline = true, Description = "ArrayMlp.TrainStep")]
    [BenchmarkCategory("TrainStep")]
    public float ArrayMlpTrainStep() => _baseline.TrainStep(_input, _target, LearningRate);

    [Benchmark(Description = "Generated.TrainStep")]
    [BenchmarkCategory("TrainStep")]
    public float GeneratedTrainStep() => _generated.TrainStep(_input, _target, LearningRate);
}
