using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Training;

namespace NetGen.CompilerServices;

/// <summary>
/// What every dense network does the same way, written once over its kernels: argument checks, batch loops, the
/// training objective with its L2 penalty, and optimizer steps. The JIT compiles it once per network (the kernel
/// type is a struct), so the calls into <typeparamref name="TKernels"/> are direct and inlined. A generated network
/// names it through a file-local class that derives from it, which is why this class is abstract, not static. Every
/// operation is optimized at its first call (<see cref="MethodImplOptions.AggressiveOptimization"/>), as the kernels are.
/// </summary>
/// <typeparam name="TKernels">The generated kernels of one network.</typeparam>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class DenseNetwork<TKernels, T>
    where TKernels : struct, IDenseKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Only generated code derives from this class, to give it a short name.</summary>
    protected DenseNetwork()
    {
    }

    /// <summary>ŷ of one sample.</summary>
    /// <exception cref="ArgumentException">A span's length is not the input or output size.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Forward(AlignedArray<T> parameters, ReadOnlySpan<T> input, Span<T> output)
    {
        SpanChecks.ThrowIfLengthIsNot(input, TKernels.InputSize, nameof(input));
        SpanChecks.ThrowIfLengthIsNot(output, TKernels.OutputSize, nameof(output));
        TKernels.Forward(ref parameters.First, ref First(input), ref First(output));
    }

    /// <summary>J of one sample.</summary>
    /// <exception cref="ArgumentException">A span's length is not the input or output size.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T Cost(AlignedArray<T> parameters, ReadOnlySpan<T> input, ReadOnlySpan<T> target)
    {
        SpanChecks.ThrowIfLengthIsNot(input, TKernels.InputSize, nameof(input));
        SpanChecks.ThrowIfLengthIsNot(target, TKernels.OutputSize, nameof(target));
        return TKernels.Cost(ref parameters.First, ref First(input), ref First(target));
    }

    /// <summary>Adds ∂J/∂θ of one sample into <paramref name="gradients"/>; returns J.</summary>
    /// <exception cref="ArgumentException">A span's length is not the input, output or parameter count.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T AccumulateGradients(AlignedArray<T> parameters, ReadOnlySpan<T> input, ReadOnlySpan<T> target, Span<T> gradients)
    {
        SpanChecks.ThrowIfLengthIsNot(input, TKernels.InputSize, nameof(input));
        SpanChecks.ThrowIfLengthIsNot(target, TKernels.OutputSize, nameof(target));
        SpanChecks.ThrowIfLengthIsNot(gradients, TKernels.ParameterCount, nameof(gradients));
        return TKernels.AccumulateGradients(ref parameters.First, ref First(input), ref First(target), ref First(gradients));
    }

    /// <summary>One plain SGD step on one sample, fused with backpropagation; returns J before the update.</summary>
    /// <exception cref="ArgumentException">A span's length is not the input or output size.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T SgdStep(AlignedArray<T> parameters, ReadOnlySpan<T> input, ReadOnlySpan<T> target, T learningRate)
    {
        SpanChecks.ThrowIfLengthIsNot(input, TKernels.InputSize, nameof(input));
        SpanChecks.ThrowIfLengthIsNot(target, TKernels.OutputSize, nameof(target));
        return TKernels.SgdStep(ref parameters.First, ref First(input), ref First(target), learningRate);
    }

    /// <summary>ŷ of every row: <see cref="IDenseKernels{T}.BlockRows"/> rows at a time, then one by one.</summary>
    /// <exception cref="ArgumentException">The spans are not matching whole rows.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardBatch(AlignedArray<T> parameters, ReadOnlySpan<T> inputs, Span<T> outputs)
    {
        int rows = SpanChecks.RowCount(inputs, TKernels.InputSize, nameof(inputs));
        SpanChecks.ThrowIfLengthIsNot(outputs, rows * TKernels.OutputSize, nameof(outputs));
        ref T p = ref parameters.First;
        ref T x = ref First(inputs);
        ref T y = ref First(outputs);
        int r = 0;
        for (; r + TKernels.BlockRows <= rows; r += TKernels.BlockRows)
        {
            TKernels.ForwardBlock(ref p, ref Row(ref x, r, TKernels.InputSize), ref Row(ref y, r, TKernels.OutputSize));
        }

        for (; r < rows; r++)
        {
            TKernels.Forward(ref p, ref Row(ref x, r, TKernels.InputSize), ref Row(ref y, r, TKernels.OutputSize));
        }
    }

    /// <summary>Σ J over the rows.</summary>
    /// <exception cref="ArgumentException">The spans are not matching whole rows.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T CostBatch(AlignedArray<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets)
    {
        int rows = SpanChecks.RowCount(inputs, TKernels.InputSize, nameof(inputs));
        SpanChecks.ThrowIfLengthIsNot(targets, rows * TKernels.OutputSize, nameof(targets));
        return SumOfCosts(ref parameters.First, ref First(inputs), ref First(targets), rows);
    }

    /// <summary>Adds Σ ∂J/∂θ over the rows into <paramref name="gradients"/>; returns Σ J.</summary>
    /// <exception cref="ArgumentException">The spans are not matching whole rows, or the gradient's length is wrong.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T AccumulateGradientsBatch(AlignedArray<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradients)
    {
        int rows = SpanChecks.RowCount(inputs, TKernels.InputSize, nameof(inputs));
        SpanChecks.ThrowIfLengthIsNot(targets, rows * TKernels.OutputSize, nameof(targets));
        SpanChecks.ThrowIfLengthIsNot(gradients, TKernels.ParameterCount, nameof(gradients));
        return SumOfGradients(ref parameters.First, ref First(inputs), ref First(targets), ref First(gradients), rows);
    }

    /// <summary>J = (1/N)·Σ J_row + (λ/2)·Σ W² over the N rows of a batch.</summary>
    /// <exception cref="ArgumentException">The batch is empty, or the spans are not matching whole rows.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T Objective(AlignedArray<T> parameters, T l2, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets)
    {
        int rows = SpanChecks.BatchRows(inputs, targets, TKernels.InputSize, TKernels.OutputSize);
        T cost = SumOfCosts(ref parameters.First, ref First(inputs), ref First(targets), rows);
        return cost / T.CreateTruncating(rows) + L2Penalty(parameters, l2);
    }

    /// <summary>
    /// Overwrites <paramref name="gradient"/> with ∂J/∂θ = (1/N)·Σ ∂J_row/∂θ + λ·W of <see cref="Objective"/>; returns J.
    /// </summary>
    /// <exception cref="ArgumentException">The batch is empty, the spans are not matching whole rows, or the gradient's length is wrong.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T ObjectiveGradient(AlignedArray<T> parameters, T l2, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient)
    {
        int rows = SpanChecks.BatchRows(inputs, targets, TKernels.InputSize, TKernels.OutputSize);
        SpanChecks.ThrowIfLengthIsNot(gradient, TKernels.ParameterCount, nameof(gradient));
        gradient.Clear();
        T cost = SumOfGradients(ref parameters.First, ref First(inputs), ref First(targets), ref First(gradient), rows);
        cost /= T.CreateTruncating(rows);
        if (rows > 1)
        {
            VectorMath.Scale(gradient, T.One / T.CreateTruncating(rows));
        }

        if (l2 != T.Zero)
        {
            // ∂/∂W += λ·W for every layer's weights; biases are not penalized.
            ReadOnlySpan<int> sizes = TKernels.LayerSizes;
            int start = 0;
            for (int l = 0; l + 1 < sizes.Length; l++)
            {
                int weights = sizes[l] * sizes[l + 1];
                VectorMath.AddScaled(gradient.Slice(start, weights), parameters.Span.Slice(start, weights), l2);
                start += weights + (TKernels.HasBias ? sizes[l + 1] : 0);
            }
        }

        return cost + L2Penalty(parameters, l2);
    }

    /// <summary>One optimizer step on ∂J/∂θ of <see cref="Objective"/> over the batch; returns J before the step.</summary>
    /// <exception cref="ArgumentException">The batch is empty, or the spans are not matching whole rows.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T TrainBatch(
        AlignedArray<T> parameters, AlignedArray<T> gradients, GradientOptimizer<T> optimizer, T l2, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets)
    {
        T cost = ObjectiveGradient(parameters, l2, inputs, targets, gradients.Span);
        optimizer.Step(parameters.Span, gradients.Span);
        return cost;
    }

    /// <summary>One optimizer step on one sample (<see cref="TrainBatch"/> of one row); returns J before the step.</summary>
    /// <exception cref="ArgumentException">A span's length is not the input or output size.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T TrainStep(
        AlignedArray<T> parameters, AlignedArray<T> gradients, GradientOptimizer<T> optimizer, T l2, ReadOnlySpan<T> input, ReadOnlySpan<T> target)
    {
        SpanChecks.ThrowIfLengthIsNot(input, TKernels.InputSize, nameof(input));
        SpanChecks.ThrowIfLengthIsNot(target, TKernels.OutputSize, nameof(target));
        return TrainBatch(parameters, gradients, optimizer, l2, input, target);
    }

    /// <summary>(λ/2)·Σ W² over every layer's weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T L2Penalty(AlignedArray<T> parameters, T l2)
    {
        if (l2 == T.Zero)
        {
            return T.Zero;
        }

        ReadOnlySpan<int> sizes = TKernels.LayerSizes;
        T sum = T.Zero;
        int start = 0;
        for (int l = 0; l + 1 < sizes.Length; l++)
        {
            int weights = sizes[l] * sizes[l + 1];
            sum += VectorMath.SumOfSquares<T>(parameters.Span.Slice(start, weights));
            start += weights + (TKernels.HasBias ? sizes[l + 1] : 0);
        }

        return T.CreateTruncating(0.5) * l2 * sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T SumOfCosts(ref T p, ref T x, ref T y, int rows)
    {
        T cost = T.Zero;
        for (int r = 0; r < rows; r++)
        {
            cost += TKernels.Cost(ref p, ref Row(ref x, r, TKernels.InputSize), ref Row(ref y, r, TKernels.OutputSize));
        }

        return cost;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T SumOfGradients(ref T p, ref T x, ref T y, ref T g, int rows)
    {
        T cost = T.Zero;
        for (int r = 0; r < rows; r++)
        {
            cost += TKernels.AccumulateGradients(
                ref p, ref Row(ref x, r, TKernels.InputSize), ref Row(ref y, r, TKernels.OutputSize), ref g);
        }

        return cost;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T First(ReadOnlySpan<T> span) => ref MemoryMarshal.GetReference(span);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T First(Span<T> span) => ref MemoryMarshal.GetReference(span);

    /// <summary>The first element of row <paramref name="row"/> of a row-major matrix with rows of <paramref name="length"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Row(ref T first, int row, int length) => ref Unsafe.Add(ref first, (nint)row * length);
}
