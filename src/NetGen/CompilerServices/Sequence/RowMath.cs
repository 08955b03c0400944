using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.CompilerServices;

/// <summary>
/// Row-major matrix and vector arithmetic of the sequence layers, on references whose lengths the caller has
/// checked, in <see cref="Vector{T}"/> strips. Sizes are arguments; inlined into a generated kernel they are constants.
/// </summary>
internal static class RowMath
{
    /// <summary>y[0..cols) += Σᵢ x[i]·W[i, 0..cols) over i &lt; rows: a vector times a [rows][cols] matrix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddProduct<T>(ref T y, ref T x, int rows, ref T w, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int v = Vector<T>.Count, c = 0;

        // Four vectors of columns stay in registers while every row is added.
        for (; c + (4 * v) <= cols; c += 4 * v)
        {
            ref T yc = ref Unsafe.Add(ref y, c);
            var a0 = Vector.LoadUnsafe(ref yc);
            var a1 = Vector.LoadUnsafe(ref yc, (nuint)v);
            var a2 = Vector.LoadUnsafe(ref yc, (nuint)(2 * v));
            var a3 = Vector.LoadUnsafe(ref yc, (nuint)(3 * v));
            for (int i = 0; i < rows; i++)
            {
                var xi = new Vector<T>(Unsafe.Add(ref x, i));
                ref T row = ref Unsafe.Add(ref w, (i * cols) + c);
                a0 = MultiplyAdd(Vector.LoadUnsafe(ref row), xi, a0);
                a1 = MultiplyAdd(Vector.LoadUnsafe(ref row, (nuint)v), xi, a1);
                a2 = MultiplyAdd(Vector.LoadUnsafe(ref row, (nuint)(2 * v)), xi, a2);
                a3 = MultiplyAdd(Vector.LoadUnsafe(ref row, (nuint)(3 * v)), xi, a3);
            }

            a0.StoreUnsafe(ref yc);
            a1.StoreUnsafe(ref yc, (nuint)v);
            a2.StoreUnsafe(ref yc, (nuint)(2 * v));
            a3.StoreUnsafe(ref yc, (nuint)(3 * v));
        }

        for (; c + v <= cols; c += v)
        {
            ref T yc = ref Unsafe.Add(ref y, c);
            var a = Vector.LoadUnsafe(ref yc);
            for (int i = 0; i < rows; i++)
            {
                a = MultiplyAdd(
                    Vector.LoadUnsafe(ref Unsafe.Add(ref w, (i * cols) + c)), new Vector<T>(Unsafe.Add(ref x, i)), a);
            }

            a.StoreUnsafe(ref yc);
        }

        for (; c < cols; c++)
        {
            T a = Unsafe.Add(ref y, c);
            for (int i = 0; i < rows; i++)
            {
                a = T.MultiplyAddEstimate(Unsafe.Add(ref x, i), Unsafe.Add(ref w, (i * cols) + c), a);
            }

            Unsafe.Add(ref y, c) = a;
        }
    }

    /// <summary>r[i] += Σⱼ W[i, j]·d[j] over i &lt; rows: a [rows][cols] matrix times a column vector (δ·Wᵀ).</summary>
    public static void AddTransposedProduct<T>(ref T r, ref T w, int rows, int cols, ref T d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < rows; i++)
        {
            Unsafe.Add(ref r, i) += Dot(ref Unsafe.Add(ref w, i * cols), ref d, cols);
        }
    }

    /// <summary>G[i, 0..cols) += x[i]·d over i &lt; rows: the outer product xᵀ·d, added.</summary>
    public static void AddOuter<T>(ref T g, ref T x, int rows, ref T d, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < rows; i++)
        {
            AddScaled(ref Unsafe.Add(ref g, i * cols), Unsafe.Add(ref x, i), ref d, cols);
        }
    }

    /// <summary>y[0..n) += a·x[0..n).</summary>
    public static void AddScaled<T>(ref T y, T a, ref T x, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int v = Vector<T>.Count, j = 0;
        var av = new Vector<T>(a);
        for (; j + v <= n; j += v)
        {
            MultiplyAdd(Vector.LoadUnsafe(ref x, (nuint)j), av, Vector.LoadUnsafe(ref y, (nuint)j))
                .StoreUnsafe(ref y, (nuint)j);
        }

        for (; j < n; j++)
        {
            Unsafe.Add(ref y, j) = T.MultiplyAddEstimate(a, Unsafe.Add(ref x, j), Unsafe.Add(ref y, j));
        }
    }

    /// <summary>y[0..n) += x[0..n).</summary>
    public static void Add<T>(ref T y, ref T x, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < n; j++)
        {
            Unsafe.Add(ref y, j) += Unsafe.Add(ref x, j);
        }
    }

    /// <summary>Σⱼ a[j]·b[j] over j &lt; n.</summary>
    public static T Dot<T>(ref T a, ref T b, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int v = Vector<T>.Count, j = 0;
        var sum = Vector<T>.Zero;
        for (; j + v <= n; j += v)
        {
            sum = MultiplyAdd(Vector.LoadUnsafe(ref a, (nuint)j), Vector.LoadUnsafe(ref b, (nuint)j), sum);
        }

        T total = Vector.Sum(sum);
        for (; j < n; j++)
        {
            total = T.MultiplyAddEstimate(Unsafe.Add(ref a, j), Unsafe.Add(ref b, j), total);
        }

        return total;
    }

    /// <summary>a·b + c, fused where the element type allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> MultiplyAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            return Vector.MultiplyAddEstimate(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector.MultiplyAddEstimate(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        }

        return (a * b) + c;
    }

    /// <summary>Copies x[0..n) to y, or zeroes y when there is nothing to copy (a layer without biases).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyOrClear<T>(ref T y, ref T x, int n, bool copy)
        where T : unmanaged
    {
        if (copy)
        {
            Unsafe.CopyBlockUnaligned(
                ref Unsafe.As<T, byte>(ref y), ref Unsafe.As<T, byte>(ref x), (uint)(n * Unsafe.SizeOf<T>()));
        }
        else
        {
            Unsafe.InitBlockUnaligned(ref Unsafe.As<T, byte>(ref y), 0, (uint)(n * Unsafe.SizeOf<T>()));
        }
    }
}
