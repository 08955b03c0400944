using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// e^x for float vectors, in float arithmetic (the runtime's vector Exp for float widens to double), for the sigmoid
/// and tanh kernels. e^x = 2^n·e^r with n = round(x/ln 2) and r = x − n·ln 2 in two steps (|r| ≤ ½ln 2), e^r by its
/// Taylor polynomial to r⁷ (truncation below 6e−9 relative) evaluated in few dependent steps, and 2^n applied as two
/// powers of two so that results down to the subnormals round once. Within 2 ulp over the whole float range
/// (overflow to +∞ above 88.73, 0 below −103.98, NaN stays NaN), checked against the double exponential in the tests.
/// <see cref="ExpMinusOne(Vector128{float})"/> gives e^x − 1 from the same steps, accurate near 0, for tanh.
/// The 128- and 256-bit forms read their constants from <see cref="Table"/> (see there); all widths compute the same.
/// </summary>
internal static class SingleExp
{
    private const float Log2E = 1.44269504f;

    // ln 2 = Ln2High + Ln2Low; Ln2High has 9 significant bits, so n·Ln2High is exact for |n| ≤ 2¹⁵.
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;

    // 1.5·2²³: adding it rounds to an integer, which is then the low bits of the sum.
    private const float RoundingShift = 12582912f;
    private const int RoundingShiftBits = 0x4B400000;

    // e^x rounds to 0 below Lowest and overflows above Highest.
    private const float Lowest = -104f;
    private const float Highest = 89f;

    // 1/k! for k = 2..7.
    private const float C2 = 1f / 2, C3 = 1f / 6, C4 = 1f / 24, C5 = 1f / 120, C6 = 1f / 720, C7 = 1f / 5040;

    // The constants, each 8 times (a Vector256), in this order: Vector128 and Vector256 forms load them from memory.
    // A vector constant written as VectorN.Create(c) becomes a value the JIT may keep in a register across a whole
    // kernel when the function is inlined more than once; with AVX2's 16 registers the temporaries of the matrix products
    // around it then spill to the stack. A load from this read-only table is folded into the instruction that uses it.
    private static ReadOnlySpan<float> Table =>
    [
        Log2E, Log2E, Log2E, Log2E, Log2E, Log2E, Log2E, Log2E,
        RoundingShift, RoundingShift, RoundingShift, RoundingShift, RoundingShift, RoundingShift, RoundingShift, RoundingShift,
        -Ln2High, -Ln2High, -Ln2High, -Ln2High, -Ln2High, -Ln2High, -Ln2High, -Ln2High,
        -Ln2Low, -Ln2Low, -Ln2Low, -Ln2Low, -Ln2Low, -Ln2Low, -Ln2Low, -Ln2Low,
        C2, C2, C2, C2, C2, C2, C2, C2,
        C3, C3, C3, C3, C3, C3, C3, C3,
        C4, C4, C4, C4, C4, C4, C4, C4,
        C5, C5, C5, C5, C5, C5, C5, C5,
        C6, C6, C6, C6, C6, C6, C6, C6,
        C7, C7, C7, C7, C7, C7, C7, C7,
        Lowest, Lowest, Lowest, Lowest, Lowest, Lowest, Lowest, Lowest,
        Highest, Highest, Highest, Highest, Highest, Highest, Highest, Highest,
    ];

    private const nuint Log2EAt = 0, RoundingShiftAt = 8, Ln2HighAt = 16, Ln2LowAt = 24, C2At = 32, C3At = 40, C4At = 48, C5At = 56;
    private const nuint C6At = 64, C7At = 72, LowestAt = 80, HighestAt = 88;

    /// <summary>e^x = 2^n·(1 + p), lane-wise: p = e^r − 1 and <paramref name="shifted"/> holding n in its low bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector128<float> Reduce(Vector128<float> x, out Vector128<float> shifted)
    {
        ref float t = ref MemoryMarshal.GetReference(Table);
        shifted = Vector128.MultiplyAddEstimate(x, Vector128.LoadUnsafe(ref t, Log2EAt), Vector128.LoadUnsafe(ref t, RoundingShiftAt));
        Vector128<float> n = shifted - Vector128.LoadUnsafe(ref t, RoundingShiftAt);
        Vector128<float> r = Vector128.MultiplyAddEstimate(n, Vector128.LoadUnsafe(ref t, Ln2HighAt), x);
        r = Vector128.MultiplyAddEstimate(n, Vector128.LoadUnsafe(ref t, Ln2LowAt), r);
        // e^r − 1 = r + r²(C2 + C3·r) + r⁴((C4 + C5·r) + r²(C6 + C7·r)): three multiply-adds deep (Estrin).
        Vector128<float> r2 = r * r;
        Vector128<float> c23 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref t, C3At), r, Vector128.LoadUnsafe(ref t, C2At));
        Vector128<float> c45 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref t, C5At), r, Vector128.LoadUnsafe(ref t, C4At));
        Vector128<float> c67 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref t, C7At), r, Vector128.LoadUnsafe(ref t, C6At));
        Vector128<float> low = Vector128.MultiplyAddEstimate(c23, r2, r);
        Vector128<float> high = Vector128.MultiplyAddEstimate(c67, r2, c45);
        return Vector128.MultiplyAddEstimate(high, r2 * r2, low);
    }

    /// <summary>e^x, lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector128<float> Exp(Vector128<float> x)
    {
        ref float t = ref MemoryMarshal.GetReference(Table);
        Vector128<float> expMinusOne = Reduce(x, out Vector128<float> shifted);
        Vector128<int> k = shifted.AsInt32() - Vector128.Create(RoundingShiftBits);
        Vector128<int> half = Vector128.ShiftRightArithmetic(k, 1);
        Vector128<float> scale1 = Vector128.ShiftLeft(half + Vector128.Create(127), 23).AsSingle();
        Vector128<float> scale2 = Vector128.ShiftLeft(k - half + Vector128.Create(127), 23).AsSingle();

        // e^x = ((e^r − 1)·2^half + 2^half)·2^(n − half): the 1 is added inside the multiply-add, so r keeps its low bits.
        Vector128<float> result = Vector128.MultiplyAddEstimate(expMinusOne, scale1, scale1) * scale2;

        // Outside [Lowest, Highest] the reduction is meaningless: e^x is 0 or +∞ there. A NaN compares false and stays NaN.
        result = Vector128.AndNot(result, Vector128.LessThan(x, Vector128.LoadUnsafe(ref t, LowestAt)));
        return Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.LoadUnsafe(ref t, HighestAt)), Vector128.Create(float.PositiveInfinity), result);
    }

    /// <summary>
    /// e^x − 1, lane-wise, within 2.5 ulp for 0 ≤ x ≤ 88 (NaN stays NaN): (e^r − 1)·2^n + (2^n − 1), one rounding in the
    /// multiply-add, so the result keeps its relative accuracy as x approaches 0 (n = 0 there). 2^n − 1 is exact up to
    /// n = 24 (x ≈ 16.6); beyond, its rounding is far below the result's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector128<float> ExpMinusOne(Vector128<float> x)
    {
        Vector128<float> expMinusOne = Reduce(x, out Vector128<float> shifted);
        Vector128<float> scale = Vector128.ShiftLeft(shifted.AsInt32() - Vector128.Create(RoundingShiftBits - 127), 23).AsSingle();
        return Vector128.MultiplyAddEstimate(expMinusOne, scale, scale - Vector128<float>.One);
    }

    /// <summary>e^x = 2^n·(1 + p), lane-wise: p = e^r − 1 and <paramref name="shifted"/> holding n in its low bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector256<float> Reduce(Vector256<float> x, out Vector256<float> shifted)
    {
        ref float t = ref MemoryMarshal.GetReference(Table);
        shifted = Vector256.MultiplyAddEstimate(x, Vector256.LoadUnsafe(ref t, Log2EAt), Vector256.LoadUnsafe(ref t, RoundingShiftAt));
        Vector256<float> n = shifted - Vector256.LoadUnsafe(ref t, RoundingShiftAt);
        Vector256<float> r = Vector256.MultiplyAddEstimate(n, Vector256.LoadUnsafe(ref t, Ln2HighAt), x);
        r = Vector256.MultiplyAddEstimate(n, Vector256.LoadUnsafe(ref t, Ln2LowAt), r);
        // e^r − 1 = r + r²(C2 + C3·r) + r⁴((C4 + C5·r) + r²(C6 + C7·r)): three multiply-adds deep (Estrin).
        Vector256<float> r2 = r * r;
        Vector256<float> c23 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref t, C3At), r, Vector256.LoadUnsafe(ref t, C2At));
        Vector256<float> c45 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref t, C5At), r, Vector256.LoadUnsafe(ref t, C4At));
        Vector256<float> c67 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref t, C7At), r, Vector256.LoadUnsafe(ref t, C6At));
        Vector256<float> low = Vector256.MultiplyAddEstimate(c23, r2, r);
        Vector256<float> high = Vector256.MultiplyAddEstimate(c67, r2, c45);
        return Vector256.MultiplyAddEstimate(high, r2 * r2, low);
    }

    /// <summary>e^x, lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        ref float t = ref MemoryMarshal.GetReference(Table);
        Vector256<float> expMinusOne = Reduce(x, out Vector256<float> shifted);
        Vector256<int> k = shifted.AsInt32() - Vector256.Create(RoundingShiftBits);
        Vector256<int> half = Vector256.ShiftRightArithmetic(k, 1);
        Vector256<float> scale1 = Vector256.ShiftLeft(half + Vector256.Create(127), 23).AsSingle();
        Vector256<float> scale2 = Vector256.ShiftLeft(k - half + Vector256.Create(127), 23).AsSingle();

        // e^x = ((e^r − 1)·2^half + 2^half)·2^(n − half): the 1 is added inside the multiply-add, so r keeps its low bits.
        Vector256<float> result = Vector256.MultiplyAddEstimate(expMinusOne, scale1, scale1) * scale2;

        // Outside [Lowest, Highest] the reduction is meaningless: e^x is 0 or +∞ there. A NaN compares false and stays NaN.
        result = Vector256.AndNot(result, Vector256.LessThan(x, Vector256.LoadUnsafe(ref t, LowestAt)));
        return Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.LoadUnsafe(ref t, HighestAt)), Vector256.Create(float.PositiveInfinity), result);
    }

    /// <summary>
    /// e^x − 1, lane-wise, within 2.5 ulp for 0 ≤ x ≤ 88 (NaN stays NaN): (e^r − 1)·2^n + (2^n − 1), one rounding in the
    /// multiply-add, so the result keeps its relative accuracy as x approaches 0 (n = 0 there). 2^n − 1 is exact up to
    /// n = 24 (x ≈ 16.6); beyond, its rounding is far below the result's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector256<float> ExpMinusOne(Vector256<float> x)
    {
        Vector256<float> expMinusOne = Reduce(x, out Vector256<float> shifted);
        Vector256<float> scale = Vector256.ShiftLeft(shifted.AsInt32() - Vector256.Create(RoundingShiftBits - 127), 23).AsSingle();
        return Vector256.MultiplyAddEstimate(expMinusOne, scale, scale - Vector256<float>.One);
    }

    /// <summary>e^x = 2^n·(1 + p), lane-wise: p = e^r − 1 and <paramref name="shifted"/> holding n in its low bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector512<float> Reduce(Vector512<float> x, out Vector512<float> shifted)
    {
        shifted = Vector512.MultiplyAddEstimate(x, Vector512.Create(Log2E), Vector512.Create(RoundingShift));
        Vector512<float> n = shifted - Vector512.Create(RoundingShift);
        Vector512<float> r = Vector512.MultiplyAddEstimate(n, Vector512.Create(-Ln2High), x);
        r = Vector512.MultiplyAddEstimate(n, Vector512.Create(-Ln2Low), r);
        // e^r − 1 = r + r²(C2 + C3·r) + r⁴((C4 + C5·r) + r²(C6 + C7·r)): three multiply-adds deep (Estrin).
        Vector512<float> r2 = r * r;
        Vector512<float> c23 = Vector512.MultiplyAddEstimate(Vector512.Create(C3), r, Vector512.Create(C2));
        Vector512<float> c45 = Vector512.MultiplyAddEstimate(Vector512.Create(C5), r, Vector512.Create(C4));
        Vector512<float> c67 = Vector512.MultiplyAddEstimate(Vector512.Create(C7), r, Vector512.Create(C6));
        Vector512<float> low = Vector512.MultiplyAddEstimate(c23, r2, r);
        Vector512<float> high = Vector512.MultiplyAddEstimate(c67, r2, c45);
        return Vector512.MultiplyAddEstimate(high, r2 * r2, low);
    }

    /// <summary>e^x, lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        Vector512<float> expMinusOne = Reduce(x, out Vector512<float> shifted);
        Vector512<int> k = shifted.AsInt32() - Vector512.Create(RoundingShiftBits);
        Vector512<int> half = Vector512.ShiftRightArithmetic(k, 1);
        Vector512<float> scale1 = Vector512.ShiftLeft(half + Vector512.Create(127), 23).AsSingle();
        Vector512<float> scale2 = Vector512.ShiftLeft(k - half + Vector512.Create(127), 23).AsSingle();

        // e^x = ((e^r − 1)·2^half + 2^half)·2^(n − half): the 1 is added inside the multiply-add, so r keeps its low bits.
        Vector512<float> result = Vector512.MultiplyAddEstimate(expMinusOne, scale1, scale1) * scale2;

        // Outside [Lowest, Highest] the reduction is meaningless: e^x is 0 or +∞ there. A NaN compares false and stays NaN.
        result = Vector512.AndNot(result, Vector512.LessThan(x, Vector512.Create(Lowest)));
        return Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(Highest)), Vector512.Create(float.PositiveInfinity), result);
    }

    /// <summary>
    /// e^x − 1, lane-wise, within 2.5 ulp for 0 ≤ x ≤ 88 (NaN stays NaN): (e^r − 1)·2^n + (2^n − 1), one rounding in the
    /// multiply-add, so the result keeps its relative accuracy as x approaches 0 (n = 0 there). 2^n − 1 is exact up to
    /// n = 24 (x ≈ 16.6); beyond, its rounding is far below the result's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector512<float> ExpMinusOne(Vector512<float> x)
    {
        Vector512<float> expMinusOne = Reduce(x, out Vector512<float> shifted);
        Vector512<float> scale = Vector512.ShiftLeft(shifted.AsInt32() - Vector512.Create(RoundingShiftBits - 127), 23).AsSingle();
        return Vector512.MultiplyAddEstimate(expMinusOne, scale, scale - Vector512<float>.One);
    }
}
