using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Training;

/// <summary>Stochastic gradient descent: θ ← θ − η·g. Keeps no state.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class SgdOptimizer<T> : GradientOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates an SGD optimizer with η = 0.01.</summary>
    public SgdOptimizer(int parameterCount)
        : base(parameterCount, T.CreateTruncating(0.01))
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private protected override void Update(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        ref T p = ref MemoryMarshal.GetReference(parameters);
        ref T g = ref MemoryMarshal.GetReference(gradients);
        T step = -LearningRate;
        var stepV = Vector128.Create(step);
        nuint n = (nuint)parameters.Length, i = 0;
        for (; i + (nuint)Vector128<T>.Count <= n; i += (nuint)Vector128<T>.Count)
        {
            Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref g, i) * stepV + Vector128.LoadUnsafe(ref p, i), ref p, i);
        }

        for (; i < n; i++)
        {
            ref T pi = ref Unsafe.Add(ref p, i);
            pi = Unsafe.Add(ref g, i) * step + pi;
        }
    }
}
