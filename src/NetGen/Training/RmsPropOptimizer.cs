using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetGen.CompilerServices;

namespace NetGen.Training;

/// <summary>RMSProp: s ← ρ·s + (1 − ρ)·g²; θ ← θ − η·g / (√s + ε).</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class RmsPropOptimizer<T> : GradientOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AlignedArray<T> _s;
    private T _rho = T.CreateTruncating(0.9);
    private T _epsilon = T.CreateTruncating(1e-8);

    /// <summary>Creates RMSProp with η = 0.001, ρ = 0.9, ε = 1e-8.</summary>
    public RmsPropOptimizer(int parameterCount)
        : base(parameterCount, T.CreateTruncating(0.001))
    {
        _s = new AlignedArray<T>(parameterCount);
    }

    /// <summary>ρ, the decay of the mean square, in [0, 1). Default 0.9.</summary>
    public T Rho
    {
        get => _rho;
        set => _rho = Decay(value, nameof(Rho));
    }

    /// <summary>ε, added to √s; finite and greater than zero. Default 1e-8.</summary>
    public T Epsilon
    {
        get => _epsilon;
        set => _epsilon = Positive(value, nameof(Epsilon));
    }

    /// <summary>Whether mean squares smaller than the smallest normal value become exactly 0. Default true.</summary>
    public bool FlushDenormals { get; set; } = true;

    /// <summary>The running mean square s, one per parameter.</summary>
    public ReadOnlySpan<T> MeanSquare => _s.Span;

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _s.Span.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private protected override void Update(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        T rho = _rho, keep = T.One - rho, rate = LearningRate, epsilon = _epsilon, threshold = Threshold(FlushDenormals);
        ref T p = ref MemoryMarshal.GetReference(parameters);
        ref T g = ref MemoryMarshal.GetReference(gradients);
        ref T s = ref _s.First;
        nuint n = (nuint)parameters.Length, i = 0;

        // The widest vectors the hardware runs natively (the division and square root dominate), then 128-bit
        // vectors and scalars for the rest. Every path rounds alike: the same operations, none fused.
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<T> rhoV = Vector512.Create(rho), keepV = Vector512.Create(keep), rateV = Vector512.Create(rate);
            Vector512<T> epsilonV = Vector512.Create(epsilon), thresholdV = Vector512.Create(threshold);
            for (; i + (nuint)Vector512<T>.Count <= n; i += (nuint)Vector512<T>.Count)
            {
                var gi = Vector512.LoadUnsafe(ref g, i);
                var si = Flush(rhoV * Vector512.LoadUnsafe(ref s, i) + keepV * gi * gi, thresholdV);
                Vector512.StoreUnsafe(si, ref s, i);
                Vector512.StoreUnsafe(Vector512.LoadUnsafe(ref p, i) - rateV * gi / (Vector512.Sqrt(si) + epsilonV), ref p, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<T> rhoV = Vector256.Create(rho), keepV = Vector256.Create(keep), rateV = Vector256.Create(rate);
            Vector256<T> epsilonV = Vector256.Create(epsilon), thresholdV = Vector256.Create(threshold);
            for (; i + (nuint)Vector256<T>.Count <= n; i += (nuint)Vector256<T>.Count)
            {
                var gi = Vector256.LoadUnsafe(ref g, i);
                var si = Flush(rhoV * Vector256.LoadUnsafe(ref s, i) + keepV * gi * gi, thresholdV);
                Vector256.StoreUnsafe(si, ref s, i);
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref p, i) - rateV * gi / (Vector256.Sqrt(si) + epsilonV), ref p, i);
            }
        }

        {
            Vector128<T> rhoV = Vector128.Create(rho), keepV = Vector128.Create(keep), rateV = Vector128.Create(rate);
            Vector128<T> epsilonV = Vector128.Create(epsilon), thresholdV = Vector128.Create(threshold);
            for (; i + (nuint)Vector128<T>.Count <= n; i += (nuint)Vector128<T>.Count)
            {
                var gi = Vector128.LoadUnsafe(ref g, i);
                var si = Flush(rhoV * Vector128.LoadUnsafe(ref s, i) + keepV * gi * gi, thresholdV);
                Vector128.StoreUnsafe(si, ref s, i);
                Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref p, i) - rateV * gi / (Vector128.Sqrt(si) + epsilonV), ref p, i);
            }
        }

        for (; i < n; i++)
        {
            T gi = Unsafe.Add(ref g, i);
            ref T si = ref Unsafe.Add(ref s, i);
            si = Flush(rho * si + keep * gi * gi, threshold);
            ref T pi = ref Unsafe.Add(ref p, i);
            pi -= rate * gi / (T.Sqrt(si) + epsilon);
        }
    }
}
