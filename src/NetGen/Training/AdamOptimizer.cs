using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetGen.CompilerServices;

namespace NetGen.Training;

/// <summary>
/// Adam: t ← t + 1; m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²;
/// θ ← θ − η·(m̂ / (√v̂ + ε) + λ·θ) with m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t) and λ the decoupled weight
/// decay of AdamW (0 for plain Adam), applied to every parameter.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class AdamOptimizer<T> : GradientOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AlignedArray<T> _m;
    private readonly AlignedArray<T> _v;
    private T _beta1 = T.CreateTruncating(0.9);
    private T _beta2 = T.CreateTruncating(0.999);
    private T _epsilon = T.CreateTruncating(1e-8);
    private T _weightDecay;

    // β1^t and β2^t for the bias corrections, carried from step to step in double (two multiplies instead of two
    // calls to Pow per step); _powersStep is the t they belong to, −1 after β1 or β2 changes.
    private double _beta1Power = 1, _beta2Power = 1;
    private long _powersStep;

    /// <summary>Creates Adam (η = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8) with the given decoupled weight decay.</summary>
    public AdamOptimizer(int parameterCount, double weightDecay = 0)
        : base(parameterCount, T.CreateTruncating(0.001))
    {
        _m = new AlignedArray<T>(parameterCount);
        _v = new AlignedArray<T>(parameterCount);
        WeightDecay = T.CreateTruncating(weightDecay);
    }

    /// <summary>β1, the decay of the first moment, in [0, 1). Default 0.9.</summary>
    public T Beta1
    {
        get => _beta1;
        set
        {
            _beta1 = Decay(value, nameof(Beta1));
            _powersStep = -1;
        }
    }

    /// <summary>β2, the decay of the second moment, in [0, 1). Default 0.999.</summary>
    public T Beta2
    {
        get => _beta2;
        set
        {
            _beta2 = Decay(value, nameof(Beta2));
            _powersStep = -1;
        }
    }

    /// <summary>ε, added to √v̂; finite and greater than zero. Default 1e-8.</summary>
    public T Epsilon
    {
        get => _epsilon;
        set => _epsilon = Positive(value, nameof(Epsilon));
    }

    /// <summary>λ, the decoupled weight decay (AdamW); finite and ≥ 0. Default 0 for Adam, 0.01 for AdamW.</summary>
    public T WeightDecay
    {
        get => _weightDecay;
        set => _weightDecay = NonNegative(value, nameof(WeightDecay));
    }

    /// <summary>Whether moments smaller than the smallest normal value become exactly 0. Default true.</summary>
    /// <remarks>
    /// The moments of parameters whose gradient stays 0 (dead units) decay geometrically into subnormal numbers,
    /// which many CPUs process many times more slowly; flushing keeps every step at full speed.
    /// </remarks>
    public bool FlushDenormals { get; set; } = true;

    /// <summary>The first moment m, one per parameter.</summary>
    public ReadOnlySpan<T> FirstMoment => _m.Span;

    /// <summary>The second moment v, one per parameter.</summary>
    public ReadOnlySpan<T> SecondMoment => _v.Span;

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _m.Span.Clear();
        _v.Span.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private protected override void Update(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        T b1 = _beta1, b2 = _beta2, c1 = T.One - b1, c2 = T.One - b2;
        AdvancePowers();

        // θ ← θ·(1 − ηλ) − (η / (1 − β1^t))·m / (√v / √(1 − β2^t) + ε)
        T rate = LearningRate / (T.One - T.CreateTruncating(_beta1Power));
        T rootCorrection = T.One / T.Sqrt(T.One - T.CreateTruncating(_beta2Power));
        T keep = T.One - LearningRate * _weightDecay, epsilon = _epsilon, threshold = Threshold(FlushDenormals);

        ref T p = ref MemoryMarshal.GetReference(parameters);
        ref T g = ref MemoryMarshal.GetReference(gradients);
        ref T m = ref _m.First;
        ref T v = ref _v.First;
        nuint n = (nuint)parameters.Length, i = 0;

        // The widest vectors the hardware runs natively (the division and square root dominate), then 128-bit
        // vectors and scalars for the rest. Every path rounds alike: the same operations, none fused.
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<T> b1V = Vector512.Create(b1), b2V = Vector512.Create(b2), c1V = Vector512.Create(c1), c2V = Vector512.Create(c2);
            Vector512<T> rateV = Vector512.Create(rate), rootV = Vector512.Create(rootCorrection), keepV = Vector512.Create(keep);
            Vector512<T> epsilonV = Vector512.Create(epsilon), thresholdV = Vector512.Create(threshold);
            for (; i + (nuint)Vector512<T>.Count <= n; i += (nuint)Vector512<T>.Count)
            {
                var gi = Vector512.LoadUnsafe(ref g, i);
                var mi = Flush(b1V * Vector512.LoadUnsafe(ref m, i) + c1V * gi, thresholdV);
                var vi = Flush(b2V * Vector512.LoadUnsafe(ref v, i) + c2V * gi * gi, thresholdV);
                Vector512.StoreUnsafe(mi, ref m, i);
                Vector512.StoreUnsafe(vi, ref v, i);
                var update = rateV * mi / (Vector512.Sqrt(vi) * rootV + epsilonV);
                Vector512.StoreUnsafe(Vector512.LoadUnsafe(ref p, i) * keepV - update, ref p, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<T> b1V = Vector256.Create(b1), b2V = Vector256.Create(b2), c1V = Vector256.Create(c1), c2V = Vector256.Create(c2);
            Vector256<T> rateV = Vector256.Create(rate), rootV = Vector256.Create(rootCorrection), keepV = Vector256.Create(keep);
            Vector256<T> epsilonV = Vector256.Create(epsilon), thresholdV = Vector256.Create(threshold);
            for (; i + (nuint)Vector256<T>.Count <= n; i += (nuint)Vector256<T>.Count)
            {
                var gi = Vector256.LoadUnsafe(ref g, i);
                var mi = Flush(b1V * Vector256.LoadUnsafe(ref m, i) + c1V * gi, thresholdV);
                var vi = Flush(b2V * Vector256.LoadUnsafe(ref v, i) + c2V * gi * gi, thresholdV);
                Vector256.StoreUnsafe(mi, ref m, i);
                Vector256.StoreUnsafe(vi, ref v, i);
                var update = rateV * mi / (Vector256.Sqrt(vi) * rootV + epsilonV);
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref p, i) * keepV - update, ref p, i);
            }
        }

        {
            Vector128<T> b1V = Vector128.Create(b1), b2V = Vector128.Create(b2), c1V = Vector128.Create(c1), c2V = Vector128.Create(c2);
            Vector128<T> rateV = Vector128.Create(rate), rootV = Vector128.Create(rootCorrection), keepV = Vector128.Create(keep);
            Vector128<T> epsilonV = Vector128.Create(epsilon), thresholdV = Vector128.Create(threshold);
            for (; i + (nuint)Vector128<T>.Count <= n; i += (nuint)Vector128<T>.Count)
            {
                var gi = Vector128.LoadUnsafe(ref g, i);
                var mi = Flush(b1V * Vector128.LoadUnsafe(ref m, i) + c1V * gi, thresholdV);
                var vi = Flush(b2V * Vector128.LoadUnsafe(ref v, i) + c2V * gi * gi, thresholdV);
                Vector128.StoreUnsafe(mi, ref m, i);
                Vector128.StoreUnsafe(vi, ref v, i);
                var update = rateV * mi / (Vector128.Sqrt(vi) * rootV + epsilonV);
                Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref p, i) * keepV - update, ref p, i);
            }
        }

        for (; i < n; i++)
        {
            T gi = Unsafe.Add(ref g, i);
            ref T mi = ref Unsafe.Add(ref m, i);
            ref T vi = ref Unsafe.Add(ref v, i);
            mi = Flush(b1 * mi + c1 * gi, threshold);
            vi = Flush(b2 * vi + c2 * gi * gi, threshold);
            ref T pi = ref Unsafe.Add(ref p, i);
            pi = pi * keep - rate * mi / (T.Sqrt(vi) * rootCorrection + epsilon);
        }
    }

    /// <summary>Sets β1^t and β2^t for t = StepCount: one multiply each after the previous step, else computed afresh.</summary>
    private void AdvancePowers()
    {
        if (_powersStep != StepCount - 1)
        {
            _beta1Power = Math.Pow(double.CreateTruncating(_beta1), StepCount - 1);
            _beta2Power = Math.Pow(double.CreateTruncating(_beta2), StepCount - 1);
        }

        _beta1Power *= double.CreateTruncating(_beta1);
        _beta2Power *= double.CreateTruncating(_beta2);
        _powersStep = StepCount;
    }
}
