using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// A sequence network (LSTM, GRU, causal convolution and dense layers), streamed one frame at a time and trained by
/// backpropagation through time. Generated classes implement it with public, non-virtual members of the same
/// names; call those directly on hot paths.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface ISequenceNetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Number of inputs per frame.</summary>
    int InputSize { get; }

    /// <summary>Number of outputs per frame.</summary>
    int OutputSize { get; }

    /// <summary>Number of weights and biases, the length of <see cref="Parameters"/>.</summary>
    int ParameterCount { get; }

    /// <summary>The layers, first to last.</summary>
    ReadOnlySpan<SequenceLayer> Layers { get; }

    /// <summary>Whether every layer has biases.</summary>
    bool HasBias { get; }

    /// <summary>The per-frame cost J of <see cref="Objective(ReadOnlySpan{T}, ReadOnlySpan{T})"/>.</summary>
    Loss Loss { get; }

    /// <summary>α of every LeakyReLU layer.</summary>
    double LeakySlope { get; }

    /// <summary>Every weight and bias, layer after layer, laid out as <see cref="SequenceLayer"/> describes.</summary>
    Span<T> Parameters { get; }

    /// <summary>
    /// Re-initializes every parameter deterministically from <paramref name="seed"/>: LSTM and GRU parameters uniform in
    /// ±1/√H (PyTorch's default), dense and convolution weights He or Glorot uniform, their biases zero.
    /// </summary>
    void InitializeParameters(int seed);

    /// <summary>λ of the L2 penalty (λ/2)·Σ W² over the weights (not the biases) in <see cref="Objective(ReadOnlySpan{T}, ReadOnlySpan{T})"/>; ≥ 0.</summary>
    T L2Regularization { get; set; }

    /// <summary>A new zero state for <see cref="Step(SequenceState{T}, ReadOnlySpan{T}, Span{T})"/>, independent of the network's own.</summary>
    SequenceState<T> CreateState();

    /// <summary>
    /// Runs one frame through the network's own state: writes the output frame and advances the state. Not thread-safe:
    /// for several threads, give each its own state (<see cref="CreateState"/>) and use the overload that takes it.
    /// </summary>
    void Step(ReadOnlySpan<T> input, Span<T> output);

    /// <summary>
    /// Runs one frame through <paramref name="state"/>, which this network's class created. Thread-safe for distinct
    /// states: several threads may run one network at once, each with its own state, while no thread changes the
    /// parameters; one state serves one thread at a time.
    /// </summary>
    void Step(SequenceState<T> state, ReadOnlySpan<T> input, Span<T> output);

    /// <summary>Zeroes the network's own state, as at the start of a sequence. Not thread-safe, like <see cref="Step(ReadOnlySpan{T}, Span{T})"/>.</summary>
    void ResetState();

    /// <summary>
    /// Runs every frame of <paramref name="inputs"/> (row-major) through the network's own state; equal to
    /// <see cref="Step(ReadOnlySpan{T}, Span{T})"/> per row, and not thread-safe like it.
    /// </summary>
    void Process(ReadOnlySpan<T> inputs, Span<T> outputs);

    /// <summary>
    /// Runs every frame of <paramref name="inputs"/> (row-major) through <paramref name="state"/>; thread-safe for distinct
    /// states, like <see cref="Step(SequenceState{T}, ReadOnlySpan{T}, Span{T})"/>.
    /// </summary>
    void Process(SequenceState<T> state, ReadOnlySpan<T> inputs, Span<T> outputs);

    /// <summary>
    /// The training objective over one sequence from zero state, J = (1/N)·Σₜ J(ŷₜ, yₜ) + (λ/2)·Σ W² over its N frames;
    /// the streaming state is untouched.
    /// </summary>
    T Objective(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary>The optimizer behind <see cref="TrainSequence(ReadOnlySpan{T}, ReadOnlySpan{T})"/>.</summary>
    Training.GradientOptimizer<T> Optimizer { get; }

    /// <summary>
    /// One <see cref="Optimizer"/> step on the gradient of <see cref="Objective(ReadOnlySpan{T}, ReadOnlySpan{T})"/> over one sequence; returns J before the
    /// step. Not thread-safe: it uses the network's gradient buffer and the optimizer's state.
    /// </summary>
    T TrainSequence(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary>Overwrites <paramref name="gradient"/> with ∂J/∂θ of <see cref="Objective(ReadOnlySpan{T}, ReadOnlySpan{T})"/> (backpropagation through time) and returns J.</summary>
    T ObjectiveGradient(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient);

    /// <summary>
    /// The objective of a window whose first <paramref name="warmup"/> frames only fill the state, as when training on
    /// windows cut from a long recording: J = (1/(N − W))·Σ over t ≥ W of ½‖ŷₜ − yₜ‖² + (λ/2)·Σ W², 0 ≤ W &lt; N.
    /// </summary>
    T Objective(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int warmup);

    /// <summary>∂J/∂θ of <see cref="Objective(ReadOnlySpan{T}, ReadOnlySpan{T}, int)"/> into <paramref name="gradient"/>; returns J.</summary>
    T ObjectiveGradient(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient, int warmup);

    /// <summary>One <see cref="Optimizer"/> step on the gradient of <see cref="Objective(ReadOnlySpan{T}, ReadOnlySpan{T}, int)"/>; returns J before the step.</summary>
    T TrainSequence(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int warmup);
}
