using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>Whole-span arithmetic used by generated networks for batch averages and L2 regularization.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VectorMath
{
    /// <summary>Σ x².</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T SumOfSquares<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T r = ref MemoryMarshal.GetReference(x);
        nuint n = (nuint)x.Length, i = 0;
        var sum = Vector128<T>.Zero;
        for (; i + (nuint)Vector128<T>.Count <= n; i += (nuint)Vector128<T>.Count)
        {
            var v = Vector128.LoadUnsafe(ref r, i);
            sum += v * v;
        }

        T total = Vector128.Sum(sum);
        for (; i < n; i++)
        {
            T v = Unsafe.Add(ref r, i);
            total += v * v;
        }

        return total;
    }

    /// <summary>y ← y + a·x.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled<T>(Span<T> y, ReadOnlySpan<T> x, T a)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        SpanChecks.ThrowIfLengthIsNot(x, y.Length, nameof(x));
        ref T ry = ref MemoryMarshal.GetReference(y);
        ref T rx = ref MemoryMarshal.GetReference(x);
        var av = Vector128.Create(a);
        nuint n = (nuint)y.Length, i = 0;
        for (; i + (nuint)Vector128<T>.Count <= n; i += (nuint)Vector128<T>.Count)
        {
            Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref ry, i) + av * Vector128.LoadUnsafe(ref rx, i), ref ry, i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref ry, i) += a * Unsafe.Add(ref rx, i);
        }
    }

    /// <summary>y ← a·y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale<T>(Span<T> y, T a)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T ry = ref MemoryMarshal.GetReference(y);
        var av = Vector128.Create(a);
        nuint n = (nuint)y.Length, i = 0;
        for (; i + (nuint)Vector128<T>.Count <= n; i += (nuint)Vector128<T>.Count)
        {
            Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref ry, i) * av, ref ry, i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref ry, i) *= a;
        }
    }
}
