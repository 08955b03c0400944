using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Training;

/// <summary>
/// Turns a gradient into a parameter update. One instance belongs to one network: its state (velocities, moments)
/// is sized to the network's parameters and allocated once, so a step allocates nothing.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public abstract class GradientOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The smallest positive normal value of T: state below it is flushed to zero.</summary>
    private protected static readonly T Tiny =
        T.CreateTruncating(typeof(T) == typeof(float) ? 1.17549435E-38 : 2.2250738585072014E-308);

    private T _learningRate;

    /// <summary>Creates an optimizer for <paramref name="parameterCount"/> parameters.</summary>
    private protected GradientOptimizer(int parameterCount, T learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameterCount);
        ParameterCount = parameterCount;
        LearningRate = learningRate;
    }

    /// <summary>Number of parameters the optimizer updates.</summary>
    public int ParameterCount { get; }

    /// <summary>η, the step size; finite and greater than zero.</summary>
    public T LearningRate
    {
        get => _learningRate;
        set => _learningRate = Positive(value, nameof(LearningRate));
    }

    /// <summary>Steps taken since construction or the last <see cref="Reset"/>.</summary>
    public long StepCount { get; private set; }

    /// <summary>Updates <paramref name="parameters"/> one step against <paramref name="gradients"/>.</summary>
    /// <exception cref="ArgumentException">A span's length is not <see cref="ParameterCount"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        SpanChecks.ThrowIfLengthIsNot(parameters, ParameterCount, nameof(parameters));
        SpanChecks.ThrowIfLengthIsNot(gradients, ParameterCount, nameof(gradients));
        StepCount++;
        Update(parameters, gradients);
    }

    /// <summary>Forgets all state (velocities, moments) and sets <see cref="StepCount"/> to 0.</summary>
    public virtual void Reset() => StepCount = 0;

    /// <summary>Applies one update; lengths are already checked and <see cref="StepCount"/> already counts it.</summary>
    private protected abstract void Update(Span<T> parameters, ReadOnlySpan<T> gradients);

    /// <summary>Zero where |x| is below <paramref name="threshold"/> (so subnormal state never arises), else x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static Vector128<T> Flush(Vector128<T> x, Vector128<T> threshold) =>
        Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(x), threshold), Vector128<T>.Zero, x);

    /// <summary>Zero where |x| is below <paramref name="threshold"/>, else x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static Vector256<T> Flush(Vector256<T> x, Vector256<T> threshold) =>
        Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(x), threshold), Vector256<T>.Zero, x);

    /// <summary>Zero where |x| is below <paramref name="threshold"/>, else x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static Vector512<T> Flush(Vector512<T> x, Vector512<T> threshold) =>
        Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(x), threshold), Vector512<T>.Zero, x);

    /// <summary>Zero where |x| is below <paramref name="threshold"/>, else x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static T Flush(T x, T threshold) => T.Abs(x) < threshold ? T.Zero : x;

    /// <summary>The flush threshold: the smallest normal value, or 0 (flush nothing) when flushing is off.</summary>
    private protected static T Threshold(bool flushDenormals) => flushDenormals ? Tiny : T.Zero;

    private protected static T Positive(T value, string name) =>
        T.IsFinite(value) && value > T.Zero
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be a finite number greater than zero.");

    private protected static T NonNegative(T value, string name) =>
        T.IsFinite(value) && value >= T.Zero
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be a finite number greater than or equal to zero.");

    private protected static T Decay(T value, string name) =>
        value >= T.Zero && value < T.One
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be at least 0 and less than 1.");
}
