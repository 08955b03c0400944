using System;
using BenchmarkDotNet.Attributes;
using NetGen.Training;

namespace NetGen.Benchmarks;

/// <summary>
/// Why <see cref="AdamOptimizer{T}.FlushDenormals"/> exists: one Adam step with zero gradients over 100,000
/// parameters whose moments are subnormal (dead units, flushing off) against the same step on moments that
/// flushing has set to exactly 0. Most x86 CPUs handle subnormal operands and results in microcode, many times
/// more slowly than normal numbers; .NET does not turn on flush-to-zero in the FPU, so the optimizer does it.
/// </summary>
/// <remarks>
/// Setup: 10 steps with gradients of magnitude 1e−19 to 1e−18, then zero gradients. Such gradients put
/// (1 − β2)·g² below float's smallest normal value (1.2e−38) at once, and m = β1·m crosses it after about 430
/// zero steps; with unit gradients the same state needs about 83,000 steps (β2 = 0.999), which would make the
/// setup take minutes without changing what is measured. Without flushing, β·x rounds back to x for the smallest
/// subnormals, so the state stays subnormal for every later step and every benchmark iteration.
/// </remarks>
[MemoryDiagnoser]
public class AdamDenormalBenchmarks
{
    public const int ParameterCount = 100_000;

    private AdamOptimizer<float> _subnormal = null!;
    private AdamOptimizer<float> _flushed = null!;
    private float[] _subnormalParameters = null!;
    private float[] _flushedParameters = null!;
    private readonly float[] _zeroGradients = new float[ParameterCount];

    [GlobalSetup]
    public void Setup()
    {
        (_subnormal, _subnormalParameters, int steps) = Drive(flushDenormals: false, zeroSteps: null);
        (_flushed, _flushedParameters, _) = Drive(flushDenormals: true, zeroSteps: steps);

        int subnormalM = CountSubnormal(_subnormal.FirstMoment), subnormalV = CountSubnormal(_subnormal.SecondMoment);
        if (subnormalM < ParameterCount * 0.99 || subnormalV < ParameterCount * 0.99)
        {
            throw new InvalidOperationException(
                $"Setup failed: only {subnormalM} of m and {subnormalV} of v are subnormal after {steps} zero-gradient steps.");
        }

        if (_flushed.FirstMoment.IndexOfAnyExcept(0f) >= 0 || _flushed.SecondMoment.IndexOfAnyExcept(0f) >= 0)
        {
            throw new InvalidOperationException("Setup failed: the flushing optimizer's moments are not all 0.");
        }

        Console.WriteLine(
            $"// AdamDenormalBenchmarks: after {steps} zero-gradient steps, {subnormalM:N0} of m and {subnormalV:N0} of v " +
            $"are subnormal without flushing; with flushing all {2 * ParameterCount:N0} moments are 0.");
    }

    /// <summary>Shows that the measured steps really ran on subnormal state: it is still subnormal afterwards.</summary>
    [GlobalCleanup]
    public void Cleanup() =>
        Console.WriteLine(
            $"// AdamDenormalBenchmarks after the run: {CountSubnormal(_subnormal.FirstMoment):N0} of m and " +
            $"{CountSubnormal(_subnormal.SecondMoment):N0} of v subnormal ({_subnormal.StepCount:N0} steps).");

    [Benchmark(Baseline = true, Description = "Adam step, flushed state (0)")]
    public void FlushedState() => _flushed.Step(_flushedParameters, _zeroGradients);

    [Benchmark(Description = "Adam step, subnormal state")]
    public void SubnormalState() => _subnormal.Step(_subnormalParameters, _zeroGradients);

    /// <summary>
    /// 10 steps with tiny non-zero gradients, then zero-gradient steps: <paramref name="zeroSteps"/> of them, or
    /// (when null) until 99.9% of both moments are subnormal.
    /// </summary>
    private static (AdamOptimizer<float> Optimizer, float[] Parameters, int ZeroSteps) Drive(bool flushDenormals, int? zeroSteps)
    {
        var optimizer = new AdamOptimizer<float>(ParameterCount) { FlushDenormals = flushDenormals };
        float[] parameters = TestData.Uniform(ParameterCount, seed: 3);
        var gradients = new float[ParameterCount];
        var random = new Random(4);
        for (int i = 0; i < gradients.Length; i++)
        {
            // Magnitudes log-uniform in [1e−19, 1e−18], random signs.
            float magnitude = (float)Math.Pow(10, -19 + random.NextDouble());
            gradients[i] = random.Next(2) == 0 ? magnitude : -magnitude;
        }

        for (int step = 0; step < 10; step++)
        {
            optimizer.Step(parameters, gradients);
        }

        Array.Clear(gradients);
        int steps = 0;
        while (zeroSteps is int target
            ? steps < target
            : CountSubnormal(optimizer.FirstMoment) < ParameterCount * 0.999 || CountSubnormal(optimizer.SecondMoment) < ParameterCount * 0.999)
        {
            if (steps > 10_000)
            {
                throw new InvalidOperationException("Setup failed: the moments did not become subnormal.");
            }

            optimizer.Step(parameters, gradients);
            steps++;
        }

        return (optimizer, parameters, steps);
    }

    private static int CountSubnormal(ReadOnlySpan<float> values)
    {
        int count = 0;
        foreach (float value in values)
        {
            if (float.IsSubnormal(value))
            {
                count++;
            }
        }

        return count;
    }
}
