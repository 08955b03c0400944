using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.CompilerServices;

/// <summary>
/// The per-sample costs J(ŷ, y) and what backpropagation starts from, called by generated networks:
/// either the gradient dJ/dŷ (which the network then multiplies by f′ of its output layer) or, where the
/// output activation cancels a division, the fused output delta δ = dJ/dz directly.
/// Logarithms and the Hellinger division take their argument no smaller than the smallest positive normal
/// value of <typeparamref name="T"/>, so saturated outputs give large but finite costs and gradients.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LossFunctions<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateTruncating(0.5);
    private static readonly T Two = T.CreateTruncating(2);
    private static readonly T InverseSqrtTwo = T.CreateTruncating(0.70710678118654752440);

    /// <summary>The smallest positive normal value of T, the floor of every logarithm's argument.</summary>
    public static readonly T Tiny = T.CreateTruncating(typeof(T) == typeof(float) ? 1.17549435E-38 : 2.2250738585072014E-308);

    /// <summary>J = Σ ½(ŷ − y)².</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T SquaredError(ReadOnlySpan<T> output, ReadOnlySpan<T> target)
    {
        T sum = T.Zero;
        for (int j = 0; j < output.Length; j++)
        {
            T e = output[j] - target[j];
            sum += e * e;
        }

        return Half * sum;
    }

    /// <summary>Writes dJ/dŷ = ŷ − y of squared error into <paramref name="gradient"/>; returns J.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T SquaredErrorGradient(ReadOnlySpan<T> output, ReadOnlySpan<T> target, Span<T> gradient)
    {
        T sum = T.Zero;
        for (int j = 0; j < output.Length; j++)
        {
            T e = output[j] - target[j];
            sum += e * e;
            gradient[j] = e;
        }

        return Half * sum;
    }

    /// <summary>Binary cross entropy, J = −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)], for sigmoid outputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T BinaryCrossEntropy(ReadOnlySpan<T> output, ReadOnlySpan<T> target)
    {
        T sum = T.Zero;
        for (int j = 0; j < output.Length; j++)
        {
            sum += target[j] * Log(output[j]) + (T.One - target[j]) * Log(T.One - output[j]);
        }

        return -sum;
    }

    /// <summary>Writes the fused output delta of binary cross entropy through a sigmoid, δ = ŷ − y; returns J.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T BinaryCrossEntropyDelta(ReadOnlySpan<T> output, ReadOnlySpan<T> target, Span<T> delta)
    {
        for (int j = 0; j < output.Length; j++)
        {
            delta[j] = output[j] - target[j];
        }

        return BinaryCrossEntropy(output, target);
    }

    /// <summary>Categorical cross entropy, J = −Σ y ln ŷ, for softmax outputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T CategoricalCrossEntropy(ReadOnlySpan<T> output, ReadOnlySpan<T> target)
    {
        T sum = T.Zero;
        for (int j = 0; j < output.Length; j++)
        {
            sum += target[j] * Log(output[j]);
        }

        return -sum;
    }

    /// <summary>
    /// Writes the fused output delta of categorical cross entropy through a softmax, δ = ŷ·Σy − y (ŷ − y when the
    /// target sums to 1); returns J.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T CategoricalCrossEntropyDelta(ReadOnlySpan<T> output, ReadOnlySpan<T> target, Span<T> delta)
    {
        T targetSum = T.Zero;
        foreach (T y in target)
        {
            targetSum += y;
        }

        for (int j = 0; j < output.Length; j++)
        {
            delta[j] = output[j] * targetSum - target[j];
        }

        return CategoricalCrossEntropy(output, target);
    }

    /// <summary>
    /// Negative log-likelihood, J = −Σ y·ŷ, for log-softmax outputs ŷ = ln p (PyTorch's <c>NLLLoss</c> of one sample;
    /// the categorical cross entropy of p).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T NegativeLogLikelihood(ReadOnlySpan<T> output, ReadOnlySpan<T> target)
    {
        T sum = T.Zero;
        for (int j = 0; j < output.Length; j++)
        {
            sum += target[j] * output[j];
        }

        return -sum;
    }

    /// <summary>
    /// Writes the fused output delta of the negative log-likelihood through a log-softmax, δ = e^ŷ·Σy − y (p − y when
    /// the target sums to 1); returns J.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T NegativeLogLikelihoodDelta(ReadOnlySpan<T> output, ReadOnlySpan<T> target, Span<T> delta)
    {
        T targetSum = T.Zero;
        foreach (T y in target)
        {
            targetSum += y;
        }

        for (int j = 0; j < output.Length; j++)
        {
            delta[j] = T.Exp(output[j]) * targetSum - target[j];
        }

        return NegativeLogLikelihood(output, target);
    }

    /// <summary>Exponential cost, J = τ·exp((1/τ) Σ (ŷ − y)²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T Exponential(ReadOnlySpan<T> output, ReadOnlySpan<T> target, T tau)
    {
        T sum = T.Zero;
        for (int j = 0; j < output.Length; j++)
        {
            T e = output[j] - target[j];
            sum += e * e;
        }

        return tau * T.Exp(sum / tau);
    }

    /// <summary>Writes dJ/dŷ = (2/τ)(ŷ − y)·J of the exponential cost into <paramref name="gradient"/>; returns J.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T ExponentialGradient(ReadOnlySpan<T> output, ReadOnlySpan<T> target, T tau, Span<T> gradient)
    {
        T cost = Exponential(output, target, tau);
        T scale = Two / tau * cost;
        for (int j = 0; j < output.Length; j++)
        {
            gradient[j] = scale * (output[j] - target[j]);
        }

        return cost;
    }

    /// <summary>Hellinger distance, J = (1/√2) Σ (√ŷ − √y)².</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T Hellinger(ReadOnlySpan<T> output, ReadOnlySpan<T> target)
    {
        T sum = T.Zero;
        for (int j = 0; j < output.Length; j++)
        {
            T e = T.Sqrt(output[j]) - T.Sqrt(target[j]);
            sum += e * e;
        }

        return InverseSqrtTwo * sum;
    }

    /// <summary>
    /// Writes dJ/dŷ = (√ŷ − √y) / (√2·√ŷ) of the Hellinger distance into <paramref name="gradient"/>, with √ŷ in
    /// the division no smaller than √<see cref="Tiny"/>; returns J.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T HellingerGradient(ReadOnlySpan<T> output, ReadOnlySpan<T> target, Span<T> gradient)
    {
        for (int j = 0; j < output.Length; j++)
        {
            T root = T.Sqrt(output[j]);
            gradient[j] = InverseSqrtTwo * (root - T.Sqrt(target[j])) / T.Sqrt(T.Max(output[j], Tiny));
        }

        return Hellinger(output, target);
    }

    /// <summary>
    /// Writes the fused output delta of the Hellinger distance through a sigmoid,
    /// δ = (√ŷ − √y)·√ŷ·(1 − ŷ)/√2 (dJ/dŷ·σ′ with the √ŷ cancelled); returns J.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T HellingerSigmoidDelta(ReadOnlySpan<T> output, ReadOnlySpan<T> target, Span<T> delta)
    {
        for (int j = 0; j < output.Length; j++)
        {
            T root = T.Sqrt(output[j]);
            delta[j] = InverseSqrtTwo * (root - T.Sqrt(target[j])) * root * (T.One - output[j]);
        }

        return Hellinger(output, target);
    }

    /// <summary>
    /// Writes the fused output delta of the Hellinger distance through a softmax: with
    /// h_j = (ŷ_j − √(y_j·ŷ_j))/√2 = ŷ_j·dJ/dŷ_j, δ_j = h_j − ŷ_j·Σ_k h_k; returns J.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T HellingerSoftmaxDelta(ReadOnlySpan<T> output, ReadOnlySpan<T> target, Span<T> delta)
    {
        T sum = T.Zero;
        for (int j = 0; j < output.Length; j++)
        {
            T h = InverseSqrtTwo * (output[j] - T.Sqrt(target[j] * output[j]));
            delta[j] = h;
            sum += h;
        }

        for (int j = 0; j < output.Length; j++)
        {
            delta[j] -= output[j] * sum;
        }

        return Hellinger(output, target);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T Log(T x) => T.Log(T.Max(x, Tiny));
}
