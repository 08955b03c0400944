using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Formats;

namespace NetGen.Nam;

/// <summary>
/// NAM's rational approximation of tanh over whole vectors (<see cref="NamActivation.FastTanh"/> is the same formula
/// for one value), and the sigmoid built on it.
/// </summary>
internal static class FastTanh
{
    /// <summary>x ← fasttanh(x), a vector at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(Span<float> values)
    {
        Span<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        for (int v = 0; v < vectors.Length; v++)
        {
            vectors[v] = Of(vectors[v]);
        }

        for (int i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            values[i] = NamActivation.FastTanh(values[i]);
        }
    }

    /// <summary>x ← ½·(fasttanh(x/2) + 1), NAM core's fast sigmoid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sigmoid(Span<float> values)
    {
        var half = new Vector<float>(0.5f);
        Span<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        for (int v = 0; v < vectors.Length; v++)
        {
            vectors[v] = half * (Of(vectors[v] * half) + Vector<float>.One);
        }

        for (int i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            values[i] = 0.5f * (NamActivation.FastTanh(values[i] * 0.5f) + 1f);
        }
    }

    /// <summary>x·(c0 + c0·a + (c1 + c2·a)·x²) / (c3 + (c3 + x²)·|x + c4·x·a|), a = |x|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Of(Vector<float> x)
    {
        Vector<float> a = Vector.Abs(x), x2 = x * x;
        var c0 = new Vector<float>(2.45550750702956f);
        var c3 = new Vector<float>(2.44506634652299f);
        Vector<float> numerator = x * (c0 + (c0 * a) + ((new Vector<float>(0.893229853513558f) + (new Vector<float>(0.821226666969744f) * a)) * x2));
        Vector<float> denominator = c3 + ((c3 + x2) * Vector.Abs(x + (new Vector<float>(0.814642734961073f) * x * a)));
        return numerator / denominator;
    }
}
