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
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(ref y, ref y, start: true, ref x, rows, ref w, ref x, 0, ref w, cols);

    /// <summary>
    /// y[0..cols) = s + x1·W1 + x2·W2, where s is <paramref name="b"/> when <paramref name="start"/> (else 0) and
    /// W1, W2 are [rows1][cols] and [rows2][cols] row-major (rows2 may be 0): a layer's biases and one or two matrix
    /// products in one pass, each column's sum kept in a register from its start to its store.
    /// </summary>
    /// <remarks>
    /// Latency, not arithmetic, bounds these small products: each accumulator is a chain of FMAs, one per row. So
    /// eight column vectors advance together while there are that many; narrower blocks split the rows between
    /// independent partial sums (two for six or four vectors, four for one), and a single column is a dot product.
    /// Six or seven vectors left (a GRU's 3·16 float gates) take a six-vector pass rather than a four-vector pass and
    /// two or three one-vector passes over the same rows.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Product<T>(
        ref T y, ref T b, bool start, ref T x1, int rows1, ref T w1, ref T x2, int rows2, ref T w2, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (cols == 1)
        {
            y = (start ? b : T.Zero) + Dot(ref x1, ref w1, rows1) + Dot(ref x2, ref w2, rows2);
            return;
        }

        int v = Vector<T>.Count, c = 0;
        for (; c + (8 * v) <= cols; c += 8 * v)
        {
            Product8(ref Unsafe.Add(ref y, c), ref Unsafe.Add(ref b, c), start, ref x1, rows1, ref Unsafe.Add(ref w1, c), ref x2, rows2, ref Unsafe.Add(ref w2, c), cols);
        }

        if (c + (6 * v) <= cols)
        {
            Product6(ref Unsafe.Add(ref y, c), ref Unsafe.Add(ref b, c), start, ref x1, rows1, ref Unsafe.Add(ref w1, c), ref x2, rows2, ref Unsafe.Add(ref w2, c), cols);
            c += 6 * v;
        }

        for (; c + (4 * v) <= cols; c += 4 * v)
        {
            Product4(ref Unsafe.Add(ref y, c), ref Unsafe.Add(ref b, c), start, ref x1, rows1, ref Unsafe.Add(ref w1, c), ref x2, rows2, ref Unsafe.Add(ref w2, c), cols);
        }

        for (; c + v <= cols; c += v)
        {
            Product1(ref Unsafe.Add(ref y, c), ref Unsafe.Add(ref b, c), start, ref x1, rows1, ref Unsafe.Add(ref w1, c), ref x2, rows2, ref Unsafe.Add(ref w2, c), cols);
        }

        for (; c < cols; c++)
        {
            T a = start ? Unsafe.Add(ref b, c) : T.Zero;
            for (int i = 0; i < rows1; i++)
            {
                a = T.MultiplyAddEstimate(Unsafe.Add(ref x1, i), Unsafe.Add(ref w1, (i * cols) + c), a);
            }

            for (int i = 0; i < rows2; i++)
            {
                a = T.MultiplyAddEstimate(Unsafe.Add(ref x2, i), Unsafe.Add(ref w2, (i * cols) + c), a);
            }

            Unsafe.Add(ref y, c) = a;
        }
    }

    /// <summary>Eight column vectors, every row into the same eight accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Product8<T>(
        ref T y, ref T b, bool start, ref T x1, int rows1, ref T w1, ref T x2, int rows2, ref T w2, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nuint v = (nuint)Vector<T>.Count;
        Vector<T> a0 = Vector<T>.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        if (start)
        {
            a0 = Vector.LoadUnsafe(ref b);
            a1 = Vector.LoadUnsafe(ref b, v);
            a2 = Vector.LoadUnsafe(ref b, 2 * v);
            a3 = Vector.LoadUnsafe(ref b, 3 * v);
            a4 = Vector.LoadUnsafe(ref b, 4 * v);
            a5 = Vector.LoadUnsafe(ref b, 5 * v);
            a6 = Vector.LoadUnsafe(ref b, 6 * v);
            a7 = Vector.LoadUnsafe(ref b, 7 * v);
        }

        for (int part = 0; part < 2; part++)
        {
            ref T x = ref part == 0 ? ref x1 : ref x2;
            ref T w = ref part == 0 ? ref w1 : ref w2;
            int rows = part == 0 ? rows1 : rows2;
            for (int i = 0; i < rows; i++)
            {
                var xi = new Vector<T>(Unsafe.Add(ref x, i));
                ref T row = ref Unsafe.Add(ref w, i * stride);
                a0 = MultiplyAdd(Vector.LoadUnsafe(ref row), xi, a0);
                a1 = MultiplyAdd(Vector.LoadUnsafe(ref row, v), xi, a1);
                a2 = MultiplyAdd(Vector.LoadUnsafe(ref row, 2 * v), xi, a2);
                a3 = MultiplyAdd(Vector.LoadUnsafe(ref row, 3 * v), xi, a3);
                a4 = MultiplyAdd(Vector.LoadUnsafe(ref row, 4 * v), xi, a4);
                a5 = MultiplyAdd(Vector.LoadUnsafe(ref row, 5 * v), xi, a5);
                a6 = MultiplyAdd(Vector.LoadUnsafe(ref row, 6 * v), xi, a6);
                a7 = MultiplyAdd(Vector.LoadUnsafe(ref row, 7 * v), xi, a7);
            }
        }

        a0.StoreUnsafe(ref y);
        a1.StoreUnsafe(ref y, v);
        a2.StoreUnsafe(ref y, 2 * v);
        a3.StoreUnsafe(ref y, 3 * v);
        a4.StoreUnsafe(ref y, 4 * v);
        a5.StoreUnsafe(ref y, 5 * v);
        a6.StoreUnsafe(ref y, 6 * v);
        a7.StoreUnsafe(ref y, 7 * v);
    }

    /// <summary>Six column vectors (a GRU's three gates of 16 floats), even and odd rows into separate accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Product6<T>(
        ref T y, ref T b, bool start, ref T x1, int rows1, ref T w1, ref T x2, int rows2, ref T w2, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nuint v = (nuint)Vector<T>.Count;
        Vector<T> a0 = Vector<T>.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        Vector<T> b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0;
        if (start)
        {
            a0 = Vector.LoadUnsafe(ref b);
            a1 = Vector.LoadUnsafe(ref b, v);
            a2 = Vector.LoadUnsafe(ref b, 2 * v);
            a3 = Vector.LoadUnsafe(ref b, 3 * v);
            a4 = Vector.LoadUnsafe(ref b, 4 * v);
            a5 = Vector.LoadUnsafe(ref b, 5 * v);
        }

        for (int part = 0; part < 2; part++)
        {
            ref T x = ref part == 0 ? ref x1 : ref x2;
            ref T w = ref part == 0 ? ref w1 : ref w2;
            int rows = part == 0 ? rows1 : rows2;
            int i = 0;
            for (; i + 2 <= rows; i += 2)
            {
                var xi = new Vector<T>(Unsafe.Add(ref x, i));
                var xj = new Vector<T>(Unsafe.Add(ref x, i + 1));
                ref T row = ref Unsafe.Add(ref w, i * stride);
                ref T next = ref Unsafe.Add(ref row, stride);
                a0 = MultiplyAdd(Vector.LoadUnsafe(ref row), xi, a0);
                a1 = MultiplyAdd(Vector.LoadUnsafe(ref row, v), xi, a1);
                a2 = MultiplyAdd(Vector.LoadUnsafe(ref row, 2 * v), xi, a2);
                a3 = MultiplyAdd(Vector.LoadUnsafe(ref row, 3 * v), xi, a3);
                a4 = MultiplyAdd(Vector.LoadUnsafe(ref row, 4 * v), xi, a4);
                a5 = MultiplyAdd(Vector.LoadUnsafe(ref row, 5 * v), xi, a5);
                b0 = MultiplyAdd(Vector.LoadUnsafe(ref next), xj, b0);
                b1 = MultiplyAdd(Vector.LoadUnsafe(ref next, v), xj, b1);
                b2 = MultiplyAdd(Vector.LoadUnsafe(ref next, 2 * v), xj, b2);
                b3 = MultiplyAdd(Vector.LoadUnsafe(ref next, 3 * v), xj, b3);
                b4 = MultiplyAdd(Vector.LoadUnsafe(ref next, 4 * v), xj, b4);
                b5 = MultiplyAdd(Vector.LoadUnsafe(ref next, 5 * v), xj, b5);
            }

            if (i < rows)
            {
                var xi = new Vector<T>(Unsafe.Add(ref x, i));
                ref T row = ref Unsafe.Add(ref w, i * stride);
                a0 = MultiplyAdd(Vector.LoadUnsafe(ref row), xi, a0);
                a1 = MultiplyAdd(Vector.LoadUnsafe(ref row, v), xi, a1);
                a2 = MultiplyAdd(Vector.LoadUnsafe(ref row, 2 * v), xi, a2);
                a3 = MultiplyAdd(Vector.LoadUnsafe(ref row, 3 * v), xi, a3);
                a4 = MultiplyAdd(Vector.LoadUnsafe(ref row, 4 * v), xi, a4);
                a5 = MultiplyAdd(Vector.LoadUnsafe(ref row, 5 * v), xi, a5);
            }
        }

        (a0 + b0).StoreUnsafe(ref y);
        (a1 + b1).StoreUnsafe(ref y, v);
        (a2 + b2).StoreUnsafe(ref y, 2 * v);
        (a3 + b3).StoreUnsafe(ref y, 3 * v);
        (a4 + b4).StoreUnsafe(ref y, 4 * v);
        (a5 + b5).StoreUnsafe(ref y, 5 * v);
    }

    /// <summary>Four column vectors, even and odd rows into separate accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Product4<T>(
        ref T y, ref T b, bool start, ref T x1, int rows1, ref T w1, ref T x2, int rows2, ref T w2, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nuint v = (nuint)Vector<T>.Count;
        Vector<T> a0 = Vector<T>.Zero, a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        if (start)
        {
            a0 = Vector.LoadUnsafe(ref b);
            a1 = Vector.LoadUnsafe(ref b, v);
            a2 = Vector.LoadUnsafe(ref b, 2 * v);
            a3 = Vector.LoadUnsafe(ref b, 3 * v);
        }

        for (int part = 0; part < 2; part++)
        {
            ref T x = ref part == 0 ? ref x1 : ref x2;
            ref T w = ref part == 0 ? ref w1 : ref w2;
            int rows = part == 0 ? rows1 : rows2;
            int i = 0;
            for (; i + 2 <= rows; i += 2)
            {
                var xi = new Vector<T>(Unsafe.Add(ref x, i));
                var xj = new Vector<T>(Unsafe.Add(ref x, i + 1));
                ref T row = ref Unsafe.Add(ref w, i * stride);
                ref T next = ref Unsafe.Add(ref row, stride);
                a0 = MultiplyAdd(Vector.LoadUnsafe(ref row), xi, a0);
                a1 = MultiplyAdd(Vector.LoadUnsafe(ref row, v), xi, a1);
                a2 = MultiplyAdd(Vector.LoadUnsafe(ref row, 2 * v), xi, a2);
                a3 = MultiplyAdd(Vector.LoadUnsafe(ref row, 3 * v), xi, a3);
                b0 = MultiplyAdd(Vector.LoadUnsafe(ref next), xj, b0);
                b1 = MultiplyAdd(Vector.LoadUnsafe(ref next, v), xj, b1);
                b2 = MultiplyAdd(Vector.LoadUnsafe(ref next, 2 * v), xj, b2);
                b3 = MultiplyAdd(Vector.LoadUnsafe(ref next, 3 * v), xj, b3);
            }

            if (i < rows)
            {
                var xi = new Vector<T>(Unsafe.Add(ref x, i));
                ref T row = ref Unsafe.Add(ref w, i * stride);
                a0 = MultiplyAdd(Vector.LoadUnsafe(ref row), xi, a0);
                a1 = MultiplyAdd(Vector.LoadUnsafe(ref row, v), xi, a1);
                a2 = MultiplyAdd(Vector.LoadUnsafe(ref row, 2 * v), xi, a2);
                a3 = MultiplyAdd(Vector.LoadUnsafe(ref row, 3 * v), xi, a3);
            }
        }

        (a0 + b0).StoreUnsafe(ref y);
        (a1 + b1).StoreUnsafe(ref y, v);
        (a2 + b2).StoreUnsafe(ref y, 2 * v);
        (a3 + b3).StoreUnsafe(ref y, 3 * v);
    }

    /// <summary>One column vector, rows dealt round four accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Product1<T>(
        ref T y, ref T b, bool start, ref T x1, int rows1, ref T w1, ref T x2, int rows2, ref T w2, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector<T> a0 = start ? Vector.LoadUnsafe(ref b) : Vector<T>.Zero, a1 = Vector<T>.Zero, a2 = a1, a3 = a1;
        for (int part = 0; part < 2; part++)
        {
            ref T x = ref part == 0 ? ref x1 : ref x2;
            ref T w = ref part == 0 ? ref w1 : ref w2;
            int rows = part == 0 ? rows1 : rows2;
            int i = 0;
            for (; i + 4 <= rows; i += 4)
            {
                ref T row = ref Unsafe.Add(ref w, i * stride);
                a0 = MultiplyAdd(Vector.LoadUnsafe(ref row), new Vector<T>(Unsafe.Add(ref x, i)), a0);
                a1 = MultiplyAdd(Vector.LoadUnsafe(ref Unsafe.Add(ref row, stride)), new Vector<T>(Unsafe.Add(ref x, i + 1)), a1);
                a2 = MultiplyAdd(Vector.LoadUnsafe(ref Unsafe.Add(ref row, 2 * stride)), new Vector<T>(Unsafe.Add(ref x, i + 2)), a2);
                a3 = MultiplyAdd(Vector.LoadUnsafe(ref Unsafe.Add(ref row, 3 * stride)), new Vector<T>(Unsafe.Add(ref x, i + 3)), a3);
            }

            for (; i < rows; i++)
            {
                a0 = MultiplyAdd(Vector.LoadUnsafe(ref Unsafe.Add(ref w, i * stride)), new Vector<T>(Unsafe.Add(ref x, i)), a0);
            }
        }

        ((a0 + a1) + (a2 + a3)).StoreUnsafe(ref y);
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

    /// <summary>Σⱼ a[j]·b[j] over j &lt; n, in two vector accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Dot<T>(ref T a, ref T b, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int v = Vector<T>.Count, j = 0;
        Vector<T> sum = Vector<T>.Zero, other = sum;
        for (; j + (2 * v) <= n; j += 2 * v)
        {
            sum = MultiplyAdd(Vector.LoadUnsafe(ref a, (nuint)j), Vector.LoadUnsafe(ref b, (nuint)j), sum);
            other = MultiplyAdd(Vector.LoadUnsafe(ref a, (nuint)(j + v)), Vector.LoadUnsafe(ref b, (nuint)(j + v)), other);
        }

        if (j + v <= n)
        {
            sum = MultiplyAdd(Vector.LoadUnsafe(ref a, (nuint)j), Vector.LoadUnsafe(ref b, (nuint)j), sum);
            j += v;
        }

        T total = Vector.Sum(sum + other);
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
