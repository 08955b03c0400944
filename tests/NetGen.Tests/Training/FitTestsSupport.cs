using System;
using System.Collections.Generic;
using NetGen.Training;

namespace NetGen.Tests.Training;

// The networks and helpers of the NetworkTrainer.Fit tests (FitTests*.cs).

/// <summary>XOR: 2 → 4 → 1, tanh hidden, sigmoid output, binary cross-entropy, bias, Adam.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Loss = Loss.CrossEntropy, Optimizer = OptimizerKind.Adam)]
public partial class FitXorNet
{
}

/// <summary>The classic 2 → 3 → 1 study-score network: sigmoid everywhere, no bias, plain SGD.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.Sgd)]
public partial class FitStudyScoreNet
{
}

/// <summary>2 → 3 → 1, tanh hidden, identity output, bias, SGD: unbounded outputs, so a huge step overflows.</summary>
[Network(2, 3, 1, Hidden = Activation.Tanh, Output = Activation.Identity, Optimizer = OptimizerKind.Sgd)]
public partial class FitRegressionNet
{
}

/// <summary>ŷ = w·x: one weight, identity output, no bias, SGD. Its training path is easy to predict.</summary>
[Network(1, 1, Output = Activation.Identity, Bias = false)]
public partial class FitLineNet
{
}

/// <summary>2 → 5 → 1 in double, tanh hidden, identity output, bias, momentum.</summary>
[Network(2, 5, 1, Hidden = Activation.Tanh, Output = Activation.Identity, Optimizer = OptimizerKind.Momentum, ElementType = typeof(double))]
public partial class FitDoubleNet
{
}

/// <summary>Data sets for the Fit tests.</summary>
internal static class FitData
{
    /// <summary>The four XOR points, row-major.</summary>
    public static readonly float[] XorInputs = [0, 0, 0, 1, 1, 0, 1, 1];

    /// <summary>The XOR labels.</summary>
    public static readonly float[] XorTargets = [0, 1, 1, 0];

    /// <summary>(sleep, study) → score of the classic example, inputs divided by (10, 5), scores by 100.</summary>
    public static readonly float[] StudyInputs = [3f / 10, 5f / 5, 5f / 10, 1f / 5, 10f / 10, 2f / 5];

    /// <summary>The classic scores.</summary>
    public static readonly float[] StudyTargets = [0.75f, 0.82f, 0.93f];

    /// <summary>
    /// <paramref name="rows"/> rows for a 2-input, 1-output network: x uniform in [−1, 1], y = sin(x0) + x0·x1 / 2.
    /// The first input of row r is unique (r is recoverable with <see cref="RowOf"/>), so tests can see the row order.
    /// </summary>
    public static (float[] Inputs, float[] Targets) Regression(int rows, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[rows * 2];
        var targets = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            float x0 = -1f + (2f * r / rows), x1 = (float)((random.NextDouble() * 2) - 1);
            inputs[2 * r] = x0;
            inputs[(2 * r) + 1] = x1;
            targets[r] = MathF.Sin(x0) + (x0 * x1 / 2);
        }

        return (inputs, targets);
    }

    /// <summary>The row of <see cref="Regression"/> data with <paramref name="rows"/> rows whose first input is <paramref name="x0"/>.</summary>
    public static int RowOf(float x0, int rows) => (int)MathF.Round((x0 + 1f) * rows / 2f);

    /// <summary>The same data in double.</summary>
    public static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);

    /// <summary>A copy of the network's parameters.</summary>
    public static T[] Snapshot<T>(ITrainableNetwork<T> network)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => network.Parameters.ToArray();
}

/// <summary>
/// Records every report synchronously (unlike <see cref="Progress{T}"/>, which posts to the thread pool) and runs an
/// optional callback on each.
/// </summary>
internal sealed class RecordingProgress : IProgress<EpochReport>
{
    private readonly Action<EpochReport>? _onReport;

    public RecordingProgress(Action<EpochReport>? onReport = null) => _onReport = onReport;

    public List<EpochReport> Reports { get; } = [];

    public void Report(EpochReport value)
    {
        Reports.Add(value);
        _onReport?.Invoke(value);
    }
}

/// <summary>
/// Wraps a network and watches <see cref="TrainBatch"/>: counts the batches, records their rows, and lets a test act
/// after a given batch (cancel, poison a parameter, report a NaN objective). Everything else is passed through.
/// </summary>
internal sealed class ProbeNetwork<T> : ITrainableNetwork<T>
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    private readonly ITrainableNetwork<T> _inner;

    public ProbeNetwork(ITrainableNetwork<T> inner) => _inner = inner;

    /// <summary>The number of <see cref="TrainBatch"/> calls so far.</summary>
    public int Batches { get; private set; }

    /// <summary>A copy of every batch's inputs, when <see cref="RecordBatches"/> is set.</summary>
    public List<T[]> BatchInputs { get; } = [];

    public bool RecordBatches { get; init; }

    /// <summary>Runs after each <see cref="TrainBatch"/> with the 1-based batch count; may return a replacement objective.</summary>
    public Func<int, T, T>? AfterBatch { get; init; }

    public int InputSize => _inner.InputSize;

    public int OutputSize => _inner.OutputSize;

    public int ParameterCount => _inner.ParameterCount;

    public ReadOnlySpan<int> LayerSizes => _inner.LayerSizes;

    public ReadOnlySpan<Activation> Activations => _inner.Activations;

    public Loss Loss => _inner.Loss;

    public bool HasBias => _inner.HasBias;

    public double Tau => _inner.Tau;

    public double LeakySlope => _inner.LeakySlope;

    public Span<T> Parameters => _inner.Parameters;

    public GradientOptimizer<T> Optimizer => _inner.Optimizer;

    public T L2Regularization
    {
        get => _inner.L2Regularization;
        set => _inner.L2Regularization = value;
    }

    public void Forward(ReadOnlySpan<T> input, Span<T> output) => _inner.Forward(input, output);

    public void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs) => _inner.ForwardBatch(inputs, outputs);

    public T Cost(ReadOnlySpan<T> input, ReadOnlySpan<T> target) => _inner.Cost(input, target);

    public T AccumulateGradients(ReadOnlySpan<T> input, ReadOnlySpan<T> target, Span<T> gradients) =>
        _inner.AccumulateGradients(input, target, gradients);

    public T SgdStep(ReadOnlySpan<T> input, ReadOnlySpan<T> target, T learningRate) =>
        _inner.SgdStep(input, target, learningRate);

    public void InitializeParameters(int seed) => _inner.InitializeParameters(seed);

    public T Objective(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets) => _inner.Objective(inputs, targets);

    public T ObjectiveGradient(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient) =>
        _inner.ObjectiveGradient(inputs, targets, gradient);

    public T TrainStep(ReadOnlySpan<T> input, ReadOnlySpan<T> target) => _inner.TrainStep(input, target);

    public T TrainBatch(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets)
    {
        if (RecordBatches)
        {
            BatchInputs.Add(inputs.ToArray());
        }

        T cost = _inner.TrainBatch(inputs, targets);
        Batches++;
        return AfterBatch is null ? cost : AfterBatch(Batches, cost);
    }
}
