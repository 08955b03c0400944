using System;
using System.Buffers;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.CompilerServices;

/// <summary>
/// What every sequence network does the same way, written once over its generated kernels: argument checks,
/// streaming over frames, state management, the objective over one sequence and its gradient by backpropagation
/// through time. A generated network names it through a file-local class that derives from it.
/// </summary>
/// <typeparam name="TKernels">The generated kernels of one network.</typeparam>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class SequenceNetwork<TKernels, T>
    where TKernels : struct, ISequenceKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Only generated code derives from this class, to give it a short name.</summary>
    protected SequenceNetwork()
    {
    }

    /// <summary>A new zero state for this network class.</summary>
    public static SequenceState<T> CreateState() => new(typeof(TKernels), TKernels.StateSize, TKernels.ScratchSize);

    /// <summary>A new parameter array, initialized from <see cref="ParameterInitializer.DefaultSeed"/>.</summary>
    public static AlignedArray<T> CreateParameters()
    {
        var parameters = new AlignedArray<T>(TKernels.ParameterCount);
        SequenceInitializer.Initialize(parameters.Span, TKernels.Layers, ParameterInitializer.DefaultSeed);
        return parameters;
    }

    /// <summary>Re-initializes the parameters from <paramref name="seed"/>.</summary>
    public static void InitializeParameters(AlignedArray<T> parameters, int seed) =>
        SequenceInitializer.Initialize(parameters.Span, TKernels.Layers, seed);

    /// <summary>One frame through <paramref name="state"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentException">The state belongs to another network class, or a span's length is not a frame's.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Step(AlignedArray<T> parameters, SequenceState<T> state, ReadOnlySpan<T> input, Span<T> output)
    {
        CheckState(state);
        SpanChecks.ThrowIfLengthIsNot(input, TKernels.InputSize, nameof(input));
        SpanChecks.ThrowIfLengthIsNot(output, TKernels.OutputSize, nameof(output));
        uint frame = state.Frame;
        TKernels.Step(ref parameters.First, ref state.First, frame, ref First(input), ref MemoryMarshal.GetReference(output));
        state.Frame = frame + 1;
    }

    /// <summary>Every frame of <paramref name="inputs"/> through <paramref name="state"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="ArgumentException">The state belongs to another network class, or the spans are not matching whole frames.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Process(AlignedArray<T> parameters, SequenceState<T> state, ReadOnlySpan<T> inputs, Span<T> outputs)
    {
        CheckState(state);
        int frames = SpanChecks.RowCount(inputs, TKernels.InputSize, nameof(inputs));
        SpanChecks.ThrowIfLengthIsNot(outputs, frames * TKernels.OutputSize, nameof(outputs));
        ref T p = ref parameters.First;
        ref T s = ref state.First;
        ref T x = ref First(inputs);
        ref T y = ref MemoryMarshal.GetReference(outputs);
        uint frame = state.Frame;
        for (int t = 0; t < frames; t++, frame++)
        {
            TKernels.Step(ref p, ref s, frame, ref Unsafe.Add(ref x, t * TKernels.InputSize), ref Unsafe.Add(ref y, t * TKernels.OutputSize));
        }

        state.Frame = frame;
    }

    /// <summary>J = (1/N)·Σₜ ½‖ŷₜ − yₜ‖² + (λ/2)·Σ W² over one sequence from zero state, streamed through a scratch state.</summary>
    /// <exception cref="ArgumentException">The spans are empty or not matching whole frames.</exception>
    public static T Objective(AlignedArray<T> parameters, T l2, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets) =>
        Objective(parameters, l2, inputs, targets, warmup: 0);

    /// <summary>
    /// The objective with the first <paramref name="warmup"/> frames only filling the state: J = (1/(N − W))·Σ over
    /// t ≥ W of ½‖ŷₜ − yₜ‖² + (λ/2)·Σ W².
    /// </summary>
    /// <exception cref="ArgumentException">The spans are empty or not matching whole frames.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="warmup"/> is negative or not below the number of frames.</exception>
    public static T Objective(AlignedArray<T> parameters, T l2, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int warmup)
    {
        int frames = CheckSequence(inputs, targets, warmup);
        int size = TKernels.StateSize + TKernels.ScratchSize;
        T[] state = ArrayPool<T>.Shared.Rent(size + TKernels.OutputSize);
        try
        {
            Span<T> scratch = state.AsSpan(0, size + TKernels.OutputSize);
            scratch.Clear();
            Span<T> output = scratch.Slice(size);
            ref T p = ref parameters.First;
            T total = T.Zero;
            for (int t = 0; t < frames; t++)
            {
                TKernels.Step(
                    ref p, ref MemoryMarshal.GetReference(scratch), (uint)t,
                    ref Unsafe.AsRef(in inputs[t * TKernels.InputSize]), ref MemoryMarshal.GetReference(output));
                if (t >= warmup)
                {
                    total += LossFunctions<T>.SquaredError(output, targets.Slice(t * TKernels.OutputSize, TKernels.OutputSize));
                }
            }

            return (total / T.CreateTruncating(frames - warmup)) + Penalty(parameters.Span, l2);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(state);
        }
    }

    /// <summary>Overwrites <paramref name="gradient"/> with ∂J/∂θ of <see cref="Objective(AlignedArray{T}, T, ReadOnlySpan{T}, ReadOnlySpan{T})"/>, by backpropagation through time; returns J.</summary>
    /// <exception cref="ArgumentException">The spans are empty, not matching whole frames, or the gradient is not one per parameter.</exception>
    public static T ObjectiveGradient(AlignedArray<T> parameters, T l2, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient) =>
        ObjectiveGradient(parameters, l2, inputs, targets, gradient, warmup: 0);

    /// <summary>∂J/∂θ of the objective with <paramref name="warmup"/> frames that only fill the state; returns J.</summary>
    /// <exception cref="ArgumentException">The spans are empty, not matching whole frames, or the gradient is not one per parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="warmup"/> is negative or not below the number of frames.</exception>
    public static T ObjectiveGradient(
        AlignedArray<T> parameters, T l2, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient, int warmup)
    {
        int frames = CheckSequence(inputs, targets, warmup);
        SpanChecks.ThrowIfLengthIsNot(gradient, TKernels.ParameterCount, nameof(gradient));
        ReadOnlySpan<SequenceLayer> layers = TKernels.Layers;
        long size = SequenceTraining<T>.WorkspaceSize(layers, frames);
        if (size > Array.MaxLength)
        {
            throw new ArgumentException(
                $"A sequence of {frames} frames needs {size} elements of workspace, more than an array holds; split it into shorter windows.",
                nameof(inputs));
        }

        T[] rented = ArrayPool<T>.Shared.Rent((int)size);
        try
        {
            Span<T> work = rented.AsSpan(0, (int)size);
            ref T p = ref parameters.First;
            Span<T> outputs = SequenceTraining<T>.Forward(layers, ref p, inputs, frames, TKernels.LeakySlope, work);
            Span<T> dOutputs = SequenceTraining<T>.OutputGradient(layers, frames, work);
            T total = T.Zero, scale = T.One / T.CreateTruncating(frames - warmup);
            int m = TKernels.OutputSize;
            dOutputs.Slice(0, warmup * m).Clear();
            for (int t = warmup; t < frames; t++)
            {
                Span<T> dt = dOutputs.Slice(t * m, m);
                total += LossFunctions<T>.SquaredErrorGradient(outputs.Slice(t * m, m), targets.Slice(t * m, m), dt);
                VectorMath.Scale(dt, scale);
            }

            gradient.Clear();
            SequenceTraining<T>.Backward(layers, ref p, ref MemoryMarshal.GetReference(gradient), inputs, frames, TKernels.LeakySlope, work);
            return (total * scale) + AddPenaltyGradient(parameters.Span, gradient, l2);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>One optimizer step on the gradient of <see cref="Objective(AlignedArray{T}, T, ReadOnlySpan{T}, ReadOnlySpan{T})"/> over one sequence; returns J before the step.</summary>
    /// <exception cref="ArgumentException">The spans are empty or not matching whole frames.</exception>
    public static T TrainSequence(
        AlignedArray<T> parameters, AlignedArray<T> gradients, Training.GradientOptimizer<T> optimizer, T l2,
        ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets) =>
        TrainSequence(parameters, gradients, optimizer, l2, inputs, targets, warmup: 0);

    /// <summary>One optimizer step on the gradient of the objective with <paramref name="warmup"/> frames that only fill the state.</summary>
    /// <exception cref="ArgumentException">The spans are empty or not matching whole frames.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="warmup"/> is negative or not below the number of frames.</exception>
    public static T TrainSequence(
        AlignedArray<T> parameters, AlignedArray<T> gradients, Training.GradientOptimizer<T> optimizer, T l2,
        ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int warmup)
    {
        T cost = ObjectiveGradient(parameters, l2, inputs, targets, gradients.Span, warmup);
        optimizer.Step(parameters.Span, gradients.Span);
        return cost;
    }

    /// <summary>(λ/2)·Σ W² over every layer's weights.</summary>
    private static T Penalty(ReadOnlySpan<T> parameters, T l2)
    {
        if (l2 == T.Zero)
        {
            return T.Zero;
        }

        T sum = T.Zero;
        int offset = 0;
        foreach (SequenceLayer layer in TKernels.Layers)
        {
            sum += VectorMath.SumOfSquares(parameters.Slice(offset, layer.WeightCount));
            offset += layer.ParameterCount;
        }

        return l2 * sum / T.CreateTruncating(2);
    }

    /// <summary>Adds λ·W to the weights' gradient; returns (λ/2)·Σ W².</summary>
    private static T AddPenaltyGradient(ReadOnlySpan<T> parameters, Span<T> gradient, T l2)
    {
        if (l2 == T.Zero)
        {
            return T.Zero;
        }

        int offset = 0;
        foreach (SequenceLayer layer in TKernels.Layers)
        {
            VectorMath.AddScaled(gradient.Slice(offset, layer.WeightCount), parameters.Slice(offset, layer.WeightCount), l2);
            offset += layer.ParameterCount;
        }

        return Penalty(parameters, l2);
    }

    private static int CheckSequence(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int warmup)
    {
        int frames = SpanChecks.RowCount(inputs, TKernels.InputSize, nameof(inputs));
        if (frames == 0)
        {
            throw new ArgumentException($"Expected at least one frame of {TKernels.InputSize} inputs, but the span is empty.", nameof(inputs));
        }

        SpanChecks.ThrowIfLengthIsNot(targets, frames * TKernels.OutputSize, nameof(targets));
        if (warmup < 0 || warmup >= frames)
        {
            throw new ArgumentOutOfRangeException(
                nameof(warmup), warmup, $"The warm-up must leave at least one of the {frames} frames to count: 0 ≤ warmup < {frames}.");
        }

        return frames;
    }

    private static void CheckState(SequenceState<T> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Owner != typeof(TKernels))
        {
            throw new ArgumentException(
                "The state was created by another network class; create one with this network's CreateState().", nameof(state));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T First(ReadOnlySpan<T> span) => ref MemoryMarshal.GetReference(span);
}
