using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// A network that can be trained: its cost, gradients, optimizer and L2 penalty, on top of the shape and inference
/// of <see cref="INetwork{T}"/>. Every generated network implements it; trainers, L-BFGS and gradient checks take it.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface ITrainableNetwork<T> : INetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The per-sample cost J.</summary>
    Loss Loss { get; }

    /// <summary>τ of the exponential cost (the attribute's <see cref="NetworkAttribute.Tau"/>).</summary>
    double Tau { get; }

    /// <summary>Returns the cost J of one sample.</summary>
    T Cost(ReadOnlySpan<T> input, ReadOnlySpan<T> target);

    /// <summary>Adds ∂J/∂θ of one sample into <paramref name="gradients"/> and returns J.</summary>
    T AccumulateGradients(ReadOnlySpan<T> input, ReadOnlySpan<T> target, Span<T> gradients);

    /// <summary>
    /// One plain stochastic gradient descent step on one sample, θ ← θ − η·∂J/∂θ, fused with backpropagation;
    /// returns J before the update. It ignores <see cref="Optimizer"/> and <see cref="L2Regularization"/>. Not
    /// thread-safe: it changes the parameters.
    /// </summary>
    T SgdStep(ReadOnlySpan<T> input, ReadOnlySpan<T> target, T learningRate);

    /// <summary>The optimizer behind <see cref="TrainBatch"/> and <see cref="TrainStep"/>.</summary>
    Training.GradientOptimizer<T> Optimizer { get; }

    /// <summary>λ of the L2 penalty (λ/2)·Σ W² over the weights (not the biases) in <see cref="Objective"/>; ≥ 0.</summary>
    T L2Regularization { get; set; }

    /// <summary>The training objective over a batch of rows: J = (1/N)·Σ J_row + (λ/2)·Σ W².</summary>
    T Objective(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary>Overwrites <paramref name="gradient"/> with ∂J/∂θ of <see cref="Objective"/> and returns J.</summary>
    T ObjectiveGradient(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient);

    /// <summary>
    /// One <see cref="Optimizer"/> step on the gradient of <see cref="Objective"/> over the batch; returns J before the step.
    /// Not thread-safe: it uses the network's gradient buffer and the optimizer's state.
    /// </summary>
    T TrainBatch(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary>
    /// One <see cref="Optimizer"/> step on one sample (a batch of one row, L2 included); returns J before the step.
    /// Not thread-safe, like <see cref="TrainBatch"/>.
    /// </summary>
    T TrainStep(ReadOnlySpan<T> input, ReadOnlySpan<T> target);
}
