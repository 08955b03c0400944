using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// What every generated network offers, so that generic helpers (gradient checks, trainers, weight I/O)
/// work with any of them. Generated classes implement it with public, non-virtual members of the same
/// names; call those directly on hot paths.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface INetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Number of inputs per sample.</summary>
    int InputSize { get; }

    /// <summary>Number of outputs per sample.</summary>
    int OutputSize { get; }

    /// <summary>Number of weights and biases, the length of <see cref="Parameters"/>.</summary>
    int ParameterCount { get; }

    /// <summary>Input size, hidden sizes and output size, in order.</summary>
    ReadOnlySpan<int> LayerSizes { get; }

    /// <summary>The activation of each weight layer, from the first hidden layer to the output layer.</summary>
    ReadOnlySpan<Activation> Activations { get; }

    /// <summary>The per-sample cost J.</summary>
    Loss Loss { get; }

    /// <summary>Whether every layer has a bias vector.</summary>
    bool HasBias { get; }

    /// <summary>τ of the exponential cost (the attribute's <see cref="NetworkAttribute.Tau"/>).</summary>
    double Tau { get; }

    /// <summary>α of every LeakyReLU layer (the attribute's <see cref="NetworkAttribute.LeakySlope"/>).</summary>
    double LeakySlope { get; }

    /// <summary>
    /// Every weight and bias, contiguous: for each layer l = 1..L, W_l as [in][out] row-major, then b_l.
    /// </summary>
    Span<T> Parameters { get; }

    /// <summary>Writes the network's output ŷ for one sample.</summary>
    void Forward(ReadOnlySpan<T> input, Span<T> output);

    /// <summary>Returns the cost J of one sample.</summary>
    T Cost(ReadOnlySpan<T> input, ReadOnlySpan<T> target);

    /// <summary>Adds ∂J/∂θ of one sample into <paramref name="gradients"/> and returns J.</summary>
    T AccumulateGradients(ReadOnlySpan<T> input, ReadOnlySpan<T> target, Span<T> gradients);

    /// <summary>One stochastic gradient descent step on one sample; returns J before the update.</summary>
    T TrainStep(ReadOnlySpan<T> input, ReadOnlySpan<T> target, T learningRate);

    /// <summary>Writes ŷ for each row of <paramref name="inputs"/> (row-major) into the rows of <paramref name="outputs"/>.</summary>
    void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs);

    /// <summary>Re-initializes every parameter deterministically from <paramref name="seed"/>.</summary>
    void InitializeParameters(int seed);

    /// <summary>The optimizer behind <see cref="TrainBatch"/> and <see cref="TrainStep(ReadOnlySpan{T}, ReadOnlySpan{T})"/>.</summary>
    Training.GradientOptimizer<T> Optimizer { get; }

    /// <summary>λ of the L2 penalty (λ/2)·Σ W² over the weights (not the biases) in <see cref="Objective"/>; ≥ 0.</summary>
    T L2Regularization { get; set; }

    /// <summary>The training objective over a batch of rows: J = (1/N)·Σ J_row + (λ/2)·Σ W².</summary>
    T Objective(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary>Overwrites <paramref name="gradient"/> with ∂J/∂θ of <see cref="Objective"/> and returns J.</summary>
    T ObjectiveGradient(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient);

    /// <summary>One optimizer step on the gradient of <see cref="Objective"/> over the batch; returns J before the step.</summary>
    T TrainBatch(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary>One optimizer step on one sample (a batch of one row); returns J before the step.</summary>
    T TrainStep(ReadOnlySpan<T> input, ReadOnlySpan<T> target);
}
