using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetGen.CompilerServices;

namespace NetGen.Training;

/// <summary>
/// Momentum: v ← μ·v + g, then θ ← θ − η·v (classical) or θ ← θ − η·(g + μ·v) (Nesterov, the look-ahead form).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class MomentumOptimizer<T> : GradientOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AlignedArray<T> _velocity;
    private T _momentum = T.CreateTruncating(0.9);

    /// <summary>Creates a momentum optimizer with η = 0.01 and μ = 0.9.</summary>
    public MomentumOptimizer(int parameterCount, bool nesterov)
        : base(parameterCount, T.CreateTruncating(0.01))
    {
        _velocity = new AlignedArray<T>(parameterCount);
        Nesterov = nesterov;
    }

    /// <summary>μ, in [0, 1). Default 0.9.</summary>
    public T Momentum
    {
        get => _momentum;
        set => _momentum = Decay(value, nameof(Momentum));
    }

    /// <summary>Whether the update uses Nesterov's look-ahead form.</summary>
    public bool Nesterov { get; set; }

    /// <summary>Whether velocities smaller than the smallest normal value become exactly 0. Default true.</summary>
    public bool FlushDenormals { get; set; } = true;

    /// <summary>The velocity v, one per parameter.</summary>
    public ReadOnlySpan<T> Velocity => _velocity.Span;

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _velocity.Span.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private protected override void Update(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        ref T p = ref MemoryMarshal.GetReference(parameters);
        ref T g = ref MemoryMarshal.GetReference(gradients);
        ref T v = ref _velocity.First;
        T mu = _momentum, step = -LearningRate, threshold = Threshold(FlushDenormals);
        var muV = Vector128.Create(mu);
        var stepV = Vector128.Create(step);
        var thresholdV = Vector128.Create(threshold);
        nuint n = (nuint)parameters.Length, i = 0;
        for (; i + (nuint)Vector128<T>.Count <= n; i += (nuint)Vector128<T>.Count)
        {
            var gi = Vector128.LoadUnsafe(ref g, i);
            var vi = Flush(muV * Vector128.LoadUnsafe(ref v, i) + gi, thresholdV);
            Vector128.StoreUnsafe(vi, ref v, i);

            // Classical momentum moves along v; Nesterov looks ahead along g + μ·v.
            var direction = Nesterov ? muV * vi + gi : vi;
            Vector128.StoreUnsafe(direction * stepV + Vector128.LoadUnsafe(ref p, i), ref p, i);
        }

        for (; i < n; i++)
        {
            T gi = Unsafe.Add(ref g, i);
            ref T vi = ref Unsafe.Add(ref v, i);
            vi = Flush(mu * vi + gi, threshold);
            T direction = Nesterov ? mu * vi + gi : vi;
            ref T pi = ref Unsafe.Add(ref p, i);
            pi = direction * step + pi;
        }

    }
}
