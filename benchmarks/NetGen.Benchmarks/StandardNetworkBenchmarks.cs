using System;
using System.Linq;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NetGen.Training;

namespace NetGen.Benchmarks;

/// <summary>
/// The benchmark suite of one standard network: four operations, each timed for NetGen and for every baseline that
/// supports it, on the same parameters and the same data.
/// <list type="bullet">
/// <item><c>Forward</c>: one sample (NetGen, <see cref="ArrayMlp"/>, <see cref="TensorPrimitivesMlp"/>, <see cref="OnnxRuntimeMlp"/>).</item>
/// <item><c>ForwardBatch</c>: <see cref="BatchRows"/> rows in one call (same four); the "ns/sample" column divides by the rows.</item>
/// <item><c>SgdStep</c>: one fused SGD step on one sample, SgdStep(x, y, η) (NetGen, ArrayMlp, TensorPrimitivesMlp).</item>
/// <item><c>AdamStep</c>: one Adam step on one sample, TrainStep(x, y) on the Adam network (same three).</item>
/// </list>
/// Each subclass adds NetGen's four benchmarks on its generated classes, called directly (not through
/// <see cref="INetwork{T}"/>), as users do. <see cref="ArrayMlp"/> is the baseline of each category (BDN's Ratio
/// column is time / ArrayMlp's time).
/// </summary>
/// <remarks>
/// A training benchmark repeats its step millions of times, and a network trained on one fixed sample ends up fitting it
/// exactly (the 8-16-16-1 Adam network does within 500,000 steps): the gradients become exactly 0, Adam's moments decay
/// through tiny values (where subnormal intermediate results are slow) to 0, and the time per step changes along the
/// way, at a different moment for each implementation. So the steps alternate between two targets for the same input,
/// y and 1 − y (y in [0.1, 0.9]), which no network can fit at once: the gradients stay of order 1 and every
/// implementation runs in the same steady state.
/// The learning rate (<see cref="LearningRate"/>, SGD and Adam) is small so that the parameters stay finite, and the
/// baselines flush subnormal Adam state to 0 as NetGen does.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(PerSampleConfig))]
public abstract class StandardNetworkBenchmarks
{
    /// <summary>Rows of the batched forward benchmarks.</summary>
    public const int BatchRows = 256;

    /// <summary>η of the SGD step and of the Adam step.</summary>
    public const float LearningRate = 1e-4f;

    /// <summary>Adam's rate in the training checks: large enough that a few steps visibly change the outputs.</summary>
    private const float CheckAdamRate = 0.01f;

    private const int CheckSteps = 3;

    /// <summary>Relative tolerance of the training checks (rounding differences grow a little with each step).</summary>
    private const float TrainingTolerance = 1e-4f;

    /// <summary>The check steps must move some output by at least this much (100 times the tolerance).</summary>
    private const float MinimumCheckChange = 100 * TrainingTolerance;

    private ArrayMlp _arrayMlp = null!;
    private TensorPrimitivesMlp _tensorMlp = null!;
    private OnnxRuntimeMlp _onnx = null!;
    private ITrainableNetwork<float> _sgdNetwork = null!;
    private ITrainableNetwork<float> _adamNetwork = null!;
    private float[][] _targets = null!;   // y and 1 − y
    private int _trainingCalls;

    protected float[] Input { get; private set; } = null!;

    protected float[] Output { get; private set; } = null!;

    protected float[] BatchInputs { get; private set; } = null!;

    protected float[] BatchOutputs { get; private set; } = null!;

    /// <summary>A new SGD network (default parameters), for the checks.</summary>
    protected abstract ITrainableNetwork<float> NewSgdNetwork();

    /// <summary>A new Adam network (default parameters), for the checks.</summary>
    protected abstract ITrainableNetwork<float> NewAdamNetwork();

    /// <summary>
    /// Builds every baseline with the parameters of <paramref name="sgd"/>, and checks that they compute what NetGen
    /// computes: Forward and ForwardBatch outputs, and the outputs after a few SGD and Adam steps.
    /// </summary>
    protected void Setup(ITrainableNetwork<float> sgd, ITrainableNetwork<float> adam)
    {
        if (!sgd.Parameters.SequenceEqual(adam.Parameters))
        {
            throw new InvalidOperationException("The SGD and Adam networks do not start from the same parameters.");
        }

        _sgdNetwork = sgd;
        _adamNetwork = adam;
        AdamOptimizer<float> optimizer = (AdamOptimizer<float>)adam.Optimizer;
        optimizer.LearningRate = LearningRate;
        AdamSettings adamSettings = AdamSettings.From(optimizer);

        int[] sizes = sgd.LayerSizes.ToArray();
        Activation[] activations = sgd.Activations.ToArray();
        Input = TestData.Uniform(sgd.InputSize, seed: 1);
        float[] target = TestData.Uniform(sgd.OutputSize, seed: 2);
        for (int j = 0; j < target.Length; j++)
        {
            target[j] = 0.5f + 0.4f * target[j];   // [0.1, 0.9]: inside a sigmoid output's range
        }

        _targets = [target, target.Select(y => 1f - y).ToArray()];
        Output = new float[sgd.OutputSize];
        BatchInputs = TestData.Uniform(BatchRows * sgd.InputSize, seed: 3);
        BatchOutputs = new float[BatchRows * sgd.OutputSize];

        _arrayMlp = new ArrayMlp(sizes, activations, sgd.HasBias, sgd.Parameters, adamSettings);
        _tensorMlp = new TensorPrimitivesMlp(sizes, activations, sgd.HasBias, sgd.Parameters, adamSettings);
        _onnx = new OnnxRuntimeMlp(sgd, Input, Output, BatchInputs, BatchOutputs);

        CheckForward(sgd);
        CheckTraining(sizes, activations);
    }

    /// <summary>The target of the next training step: y and 1 − y in turn (see the remarks).</summary>
    protected float[] NextTarget() => _targets[++_trainingCalls & 1];

    [GlobalCleanup]
    public void Cleanup()
    {
        _onnx.Dispose();
        foreach (ITrainableNetwork<float> network in new[] { _sgdNetwork, _adamNetwork })
        {
            if (!TensorPrimitives.IsFiniteAll<float>(network.Parameters))
            {
                Console.WriteLine($"// WARNING: {network.GetType().Name} has non-finite parameters after the run.");
            }
        }
    }

    // ---- Forward, one sample ----

    [Benchmark(Baseline = true, Description = "ArrayMlp.Forward")]
    [BenchmarkCategory(Operations.Forward)]
    public float ArrayMlpForward()
    {
        _arrayMlp.Forward(Input, Output);
        return Output[0];
    }

    [Benchmark(Description = "TensorPrimitivesMlp.Forward")]
    [BenchmarkCategory(Operations.Forward)]
    public float TensorPrimitivesForward()
    {
        _tensorMlp.Forward(Input, Output);
        return Output[0];
    }

    [Benchmark(Description = "OnnxRuntime.RunWithBinding (1 row)")]
    [BenchmarkCategory(Operations.Forward)]
    public float OnnxRuntimeForward()
    {
        _onnx.Forward();
        return Output[0];
    }

    // ---- Forward, a batch of BatchRows rows ----

    [Benchmark(Baseline = true, Description = "ArrayMlp.ForwardBatch")]
    [BenchmarkCategory(Operations.ForwardBatch)]
    public float ArrayMlpForwardBatch()
    {
        _arrayMlp.ForwardBatch(BatchInputs, BatchOutputs);
        return BatchOutputs[0];
    }

    [Benchmark(Description = "TensorPrimitivesMlp.ForwardBatch")]
    [BenchmarkCategory(Operations.ForwardBatch)]
    public float TensorPrimitivesForwardBatch()
    {
        _tensorMlp.ForwardBatch(BatchInputs, BatchOutputs);
        return BatchOutputs[0];
    }

    [Benchmark(Description = "OnnxRuntime.RunWithBinding (batch)")]
    [BenchmarkCategory(Operations.ForwardBatch)]
    public float OnnxRuntimeForwardBatch()
    {
        _onnx.ForwardBatch();
        return BatchOutputs[0];
    }

    // ---- One SGD step on one sample ----

    [Benchmark(Baseline = true, Description = "ArrayMlp.SgdStep(x, y, η)")]
    [BenchmarkCategory(Operations.SgdStep)]
    public float ArrayMlpSgdStep() => _arrayMlp.SgdStep(Input, NextTarget(), LearningRate);

    [Benchmark(Description = "TensorPrimitivesMlp.SgdStep(x, y, η)")]
    [BenchmarkCategory(Operations.SgdStep)]
    public float TensorPrimitivesSgdStep() => _tensorMlp.SgdStep(Input, NextTarget(), LearningRate);

    // ---- One Adam step on one sample ----

    [Benchmark(Baseline = true, Description = "ArrayMlp.AdamStep(x, y)")]
    [BenchmarkCategory(Operations.AdamStep)]
    public float ArrayMlpAdamStep() => _arrayMlp.AdamStep(Input, NextTarget());

    [Benchmark(Description = "TensorPrimitivesMlp.AdamStep(x, y)")]
    [BenchmarkCategory(Operations.AdamStep)]
    public float TensorPrimitivesAdamStep() => _tensorMlp.AdamStep(Input, NextTarget());

    private void CheckForward(ITrainableNetwork<float> network)
    {
        int outputSize = network.OutputSize;
        float[] expected = new float[outputSize];
        network.Forward(Input, expected);

        // Each output array is filled with NaN first, so that an implementation that writes nothing cannot pass.
        Array.Fill(Output, float.NaN);
        _arrayMlp.Forward(Input, Output);
        TestData.EnsureSameOutput(expected, Output, "ArrayMlp.Forward");
        Array.Fill(Output, float.NaN);
        _tensorMlp.Forward(Input, Output);
        TestData.EnsureSameOutput(expected, Output, "TensorPrimitivesMlp.Forward");
        Array.Fill(Output, float.NaN);
        _onnx.Forward();
        TestData.EnsureSameOutput(expected, Output, "ONNX Runtime (1 row)");

        // NetGen's ForwardBatch against its Forward row by row, then every baseline's batch against NetGen's.
        float[] rowByRow = new float[BatchOutputs.Length];
        for (int r = 0; r < BatchRows; r++)
        {
            network.Forward(BatchInputs.AsSpan(r * network.InputSize, network.InputSize), rowByRow.AsSpan(r * outputSize, outputSize));
        }

        float[] batch = new float[BatchOutputs.Length];
        network.ForwardBatch(BatchInputs, batch);
        TestData.EnsureSameOutput(batch, rowByRow, "NetGen ForwardBatch against Forward");

        Array.Fill(BatchOutputs, float.NaN);
        _arrayMlp.ForwardBatch(BatchInputs, BatchOutputs);
        TestData.EnsureSameOutput(batch, BatchOutputs, "ArrayMlp.ForwardBatch");
        Array.Fill(BatchOutputs, float.NaN);
        _tensorMlp.ForwardBatch(BatchInputs, BatchOutputs);
        TestData.EnsureSameOutput(batch, BatchOutputs, "TensorPrimitivesMlp.ForwardBatch");
        Array.Fill(BatchOutputs, float.NaN);
        _onnx.ForwardBatch();
        TestData.EnsureSameOutput(batch, BatchOutputs, "ONNX Runtime (batch)");
    }

    /// <summary>
    /// On fresh instances (the timed ones stay untouched): a few SGD steps and a few Adam steps of NetGen and of the
    /// trainable baselines, with a rate large enough to move the outputs far more than the tolerance; the costs
    /// returned and the outputs afterwards must agree.
    /// </summary>
    private void CheckTraining(int[] sizes, Activation[] activations)
    {
        ITrainableNetwork<float> sgd = NewSgdNetwork();
        ITrainableNetwork<float> adam = NewAdamNetwork();
        AdamOptimizer<float> optimizer = (AdamOptimizer<float>)adam.Optimizer;
        optimizer.LearningRate = CheckAdamRate;
        AdamSettings settings = AdamSettings.From(optimizer);
        var arrayMlp = new ArrayMlp(sizes, activations, sgd.HasBias, sgd.Parameters, settings);
        var tensorMlp = new TensorPrimitivesMlp(sizes, activations, sgd.HasBias, sgd.Parameters, settings);
        var arrayMlpAdam = new ArrayMlp(sizes, activations, sgd.HasBias, sgd.Parameters, settings);
        var tensorMlpAdam = new TensorPrimitivesMlp(sizes, activations, sgd.HasBias, sgd.Parameters, settings);

        // SGD's rate, scaled for the input: a step changes z of the first layer by about η·‖x‖²·δ.
        float sgdRate = 1f / (1f + TensorPrimitives.SumOfSquares<float>(Input));
        float[] target = _targets[0];
        float[] before = new float[sgd.OutputSize];
        sgd.Forward(Input, before);
        const float tolerance = TrainingTolerance;
        for (int step = 0; step < CheckSteps; step++)
        {
            float cost = sgd.SgdStep(Input, target, sgdRate);
            TestData.EnsureSameOutput([cost], [arrayMlp.SgdStep(Input, target, sgdRate)], $"ArrayMlp, cost of SGD step {step}", tolerance);
            TestData.EnsureSameOutput([cost], [tensorMlp.SgdStep(Input, target, sgdRate)], $"TensorPrimitivesMlp, cost of SGD step {step}", tolerance);

            cost = adam.TrainStep(Input, target);
            TestData.EnsureSameOutput([cost], [arrayMlpAdam.AdamStep(Input, target)], $"ArrayMlp, cost of Adam step {step}", tolerance);
            TestData.EnsureSameOutput([cost], [tensorMlpAdam.AdamStep(Input, target)], $"TensorPrimitivesMlp, cost of Adam step {step}", tolerance);
        }

        float[] expected = new float[sgd.OutputSize], actual = new float[sgd.OutputSize];
        sgd.Forward(Input, expected);
        EnsureVisibleChange(expected, before, "SGD");

        arrayMlp.Forward(Input, actual);
        TestData.EnsureSameOutput(expected, actual, "ArrayMlp after SGD steps", tolerance);
        tensorMlp.Forward(Input, actual);
        TestData.EnsureSameOutput(expected, actual, "TensorPrimitivesMlp after SGD steps", tolerance);

        adam.Forward(Input, expected);
        EnsureVisibleChange(expected, before, "Adam");

        arrayMlpAdam.Forward(Input, actual);
        TestData.EnsureSameOutput(expected, actual, "ArrayMlp after Adam steps", tolerance);
        tensorMlpAdam.Forward(Input, actual);
        TestData.EnsureSameOutput(expected, actual, "TensorPrimitivesMlp after Adam steps", tolerance);
    }

    /// <summary>The training check has power only if the steps move the outputs far more than its tolerance.</summary>
    private void EnsureVisibleChange(ReadOnlySpan<float> after, ReadOnlySpan<float> before, string optimizer)
    {
        float change = TestData.MaxDifference(after, before);
        if (Environment.GetEnvironmentVariable("NETGEN_BENCH_CHECKS") == "1")
        {
            Console.WriteLine($"// {_sgdNetwork.GetType().Name}: {optimizer} check steps move the outputs by up to {change:G3}.");
        }

        if (!(change > MinimumCheckChange))
        {
            throw new InvalidOperationException(
                $"The {optimizer} check steps move the outputs by only {change:G3}; the check would prove nothing.");
        }
    }
}
