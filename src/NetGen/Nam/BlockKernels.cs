using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Nam;

/// <summary>
/// The matrix products of block processing, over time-major blocks (row t = one sample's channels): out[t] += a[t]·B,
/// with B stored [in][out] and its rows padded to whole vectors, one broadcast and one vector multiply-add per input
/// channel and output vector.
/// </summary>
internal static class BlockKernels
{
    public static int Lanes => Vector<float>.Count;

    /// <summary>n rounded up to whole vectors.</summary>
    public static int Padded(int n) => (n + Lanes - 1) / Lanes * Lanes;

    /// <summary>
    /// out[t][..width] += Σ_i a[t·aStride + i]·b[i·width ..], for t below <paramref name="rows"/>; <paramref name="width"/>
    /// is a whole number of vectors, and so is <paramref name="outStride"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(
        ReadOnlySpan<float> a, int aStride, int inputs, ReadOnlySpan<float> b, int width, Span<float> output, int outStride, int rows)
    {
        ReadOnlySpan<Vector<float>> bv = MemoryMarshal.Cast<float, Vector<float>>(b);
        int vectors = width / Lanes;
        switch (vectors)
        {
            case 1:
                for (int t = 0; t < rows; t++)
                {
                    ReadOnlySpan<float> at = a.Slice(t * aStride, inputs);
                    ref Vector<float> o = ref Unsafe.As<float, Vector<float>>(ref output[t * outStride]);
                    Vector<float> acc0 = o;
                    for (int i = 0; i < at.Length; i++)
                    {
                        acc0 = Vector.FusedMultiplyAdd(new Vector<float>(at[i]), bv[i], acc0);
                    }

                    o = acc0;
                }

                break;
            case 2:
                for (int t = 0; t < rows; t++)
                {
                    ReadOnlySpan<float> at = a.Slice(t * aStride, inputs);
                    ref Vector<float> o = ref Unsafe.As<float, Vector<float>>(ref output[t * outStride]);
                    Vector<float> acc0 = o, acc1 = Unsafe.Add(ref o, 1);
                    for (int i = 0; i < at.Length; i++)
                    {
                        var x = new Vector<float>(at[i]);
                        acc0 = Vector.FusedMultiplyAdd(x, bv[2 * i], acc0);
                        acc1 = Vector.FusedMultiplyAdd(x, bv[(2 * i) + 1], acc1);
                    }

                    o = acc0;
                    Unsafe.Add(ref o, 1) = acc1;
                }

                break;
            case 4:
                for (int t = 0; t < rows; t++)
                {
                    ReadOnlySpan<float> at = a.Slice(t * aStride, inputs);
                    ref Vector<float> o = ref Unsafe.As<float, Vector<float>>(ref output[t * outStride]);
                    Vector<float> acc0 = o, acc1 = Unsafe.Add(ref o, 1), acc2 = Unsafe.Add(ref o, 2), acc3 = Unsafe.Add(ref o, 3);
                    for (int i = 0; i < at.Length; i++)
                    {
                        var x = new Vector<float>(at[i]);
                        int j = 4 * i;
                        acc0 = Vector.FusedMultiplyAdd(x, bv[j], acc0);
                        acc1 = Vector.FusedMultiplyAdd(x, bv[j + 1], acc1);
                        acc2 = Vector.FusedMultiplyAdd(x, bv[j + 2], acc2);
                        acc3 = Vector.FusedMultiplyAdd(x, bv[j + 3], acc3);
                    }

                    o = acc0;
                    Unsafe.Add(ref o, 1) = acc1;
                    Unsafe.Add(ref o, 2) = acc2;
                    Unsafe.Add(ref o, 3) = acc3;
                }

                break;
            default:
                for (int t = 0; t < rows; t++)
                {
                    ReadOnlySpan<float> at = a.Slice(t * aStride, inputs);
                    Span<Vector<float>> o = MemoryMarshal.Cast<float, Vector<float>>(output.Slice(t * outStride, width));
                    for (int i = 0; i < at.Length; i++)
                    {
                        var x = new Vector<float>(at[i]);
                        ReadOnlySpan<Vector<float>> row = bv.Slice(i * vectors, vectors);
                        for (int j = 0; j < vectors; j++)
                        {
                            o[j] = Vector.FusedMultiplyAdd(x, row[j], o[j]);
                        }
                    }
                }

                break;
        }
    }

    /// <summary>
    /// out[..width] = bias + Σ_i a[i]·b[i·width ..], four output vectors at a time kept in registers across the inputs;
    /// <paramref name="width"/> is a whole number of vectors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyVector(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, int width, Span<float> output)
    {
        ReadOnlySpan<Vector<float>> bv = MemoryMarshal.Cast<float, Vector<float>>(b);
        ReadOnlySpan<Vector<float>> biases = MemoryMarshal.Cast<float, Vector<float>>(bias);
        Span<Vector<float>> o = MemoryMarshal.Cast<float, Vector<float>>(output[..width]);
        int vectors = width / Lanes, v = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // 32 vector registers: eight accumulators per pass halve the passes over the inputs.
            for (; v + 8 <= vectors; v += 8)
            {
                Vector<float> acc0 = biases[v], acc1 = biases[v + 1], acc2 = biases[v + 2], acc3 = biases[v + 3];
                Vector<float> acc4 = biases[v + 4], acc5 = biases[v + 5], acc6 = biases[v + 6], acc7 = biases[v + 7];
                for (int i = 0; i < a.Length; i++)
                {
                    var x = new Vector<float>(a[i]);
                    int j = (i * vectors) + v;
                    acc0 = Vector.FusedMultiplyAdd(x, bv[j], acc0);
                    acc1 = Vector.FusedMultiplyAdd(x, bv[j + 1], acc1);
                    acc2 = Vector.FusedMultiplyAdd(x, bv[j + 2], acc2);
                    acc3 = Vector.FusedMultiplyAdd(x, bv[j + 3], acc3);
                    acc4 = Vector.FusedMultiplyAdd(x, bv[j + 4], acc4);
                    acc5 = Vector.FusedMultiplyAdd(x, bv[j + 5], acc5);
                    acc6 = Vector.FusedMultiplyAdd(x, bv[j + 6], acc6);
                    acc7 = Vector.FusedMultiplyAdd(x, bv[j + 7], acc7);
                }

                o[v] = acc0;
                o[v + 1] = acc1;
                o[v + 2] = acc2;
                o[v + 3] = acc3;
                o[v + 4] = acc4;
                o[v + 5] = acc5;
                o[v + 6] = acc6;
                o[v + 7] = acc7;
            }
        }

        for (; v + 4 <= vectors; v += 4)
        {
            Vector<float> acc0 = biases[v], acc1 = biases[v + 1], acc2 = biases[v + 2], acc3 = biases[v + 3];
            for (int i = 0; i < a.Length; i++)
            {
                var x = new Vector<float>(a[i]);
                int j = (i * vectors) + v;
                acc0 = Vector.FusedMultiplyAdd(x, bv[j], acc0);
                acc1 = Vector.FusedMultiplyAdd(x, bv[j + 1], acc1);
                acc2 = Vector.FusedMultiplyAdd(x, bv[j + 2], acc2);
                acc3 = Vector.FusedMultiplyAdd(x, bv[j + 3], acc3);
            }

            o[v] = acc0;
            o[v + 1] = acc1;
            o[v + 2] = acc2;
            o[v + 3] = acc3;
        }

        for (; v < vectors; v++)
        {
            Vector<float> acc = biases[v];
            for (int i = 0; i < a.Length; i++)
            {
                acc = Vector.FusedMultiplyAdd(new Vector<float>(a[i]), bv[(i * vectors) + v], acc);
            }

            o[v] = acc;
        }
    }

    /// <summary>
    /// Re-lays a file's W[out][in] (or, with <paramref name="kernel"/> &gt; 1, W[out][in][k]) as per tap [in][out],
    /// each row padded with zeros to <see cref="Padded"/>(out): the B of <see cref="MultiplyAdd"/>, taps one after another.
    /// </summary>
    public static float[] Transposed(ReadOnlySpan<float> w, int outputs, int inputs, int kernel)
    {
        int width = Padded(outputs);
        var laid = new float[kernel * inputs * width];
        for (int o = 0; o < outputs; o++)
        {
            for (int i = 0; i < inputs; i++)
            {
                for (int k = 0; k < kernel; k++)
                {
                    laid[(((k * inputs) + i) * width) + o] = w[(((o * inputs) + i) * kernel) + k];
                }
            }
        }

        return laid;
    }
}
