using System;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using NetGen.Formats;

namespace NetGen.Nam;

/// <summary>A stream's state of one engine: whatever it keeps between samples.</summary>
internal abstract class NamState
{
}

/// <summary>
/// Runs one NAM architecture: immutable weights shared by every stream, and per-stream states it creates. Processing
/// allocates nothing. Its hot methods compile optimized at their first call (AggressiveOptimization): on a thread
/// pinned to one core, as audio threads often are, tiered compilation would run them unoptimized for seconds.
/// </summary>
internal abstract class NamEngine
{
    protected NamEngine(NamModelDescription model) => Model = model;

    public NamModelDescription Model { get; }

    /// <summary>A new state, already reset.</summary>
    public abstract NamState CreateState();

    /// <summary>Processes a block, carrying <paramref name="state"/> across calls.</summary>
    public abstract void Process(NamState state, ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Puts <paramref name="state"/> where NAM core's reset leaves a model.</summary>
    public abstract void Reset(NamState state);

    /// <summary>The engine for a WaveNet or an LSTM.</summary>
    public static NamEngine For(NamModelDescription model, NamOptions options) => model.Architecture switch
    {
        NamArchitecture.WaveNet => new WaveNetEngine(model, options.FastTanh),
        NamArchitecture.Lstm => new LstmEngine(model, options.FastTanh),
        _ => throw new ArgumentException($"No single engine runs a {model.Architecture}.", nameof(model)),
    };

    /// <summary>The next <paramref name="count"/> weights.</summary>
    protected static float[] Take(float[] weights, ref int at, int count)
    {
        float[] taken = weights.AsSpan(at, count).ToArray();
        at += count;
        return taken;
    }

    /// <summary>A convolution's W[out][in][k], as the file stores it, re-laid as [k][out][in].</summary>
    protected static float[] TapMajor(float[] w, int outputs, int inputs, int kernel)
    {
        var laid = new float[w.Length];
        for (int o = 0; o < outputs; o++)
        {
            for (int i = 0; i < inputs; i++)
            {
                for (int k = 0; k < kernel; k++)
                {
                    laid[(((k * outputs) + o) * inputs) + i] = w[(((o * inputs) + i) * kernel) + k];
                }
            }
        }

        return laid;
    }

    /// <summary>Σ a_i·b_i over equal lengths, a vector at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        float sum = 0f;
        if (a.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            ReadOnlySpan<Vector<float>> va = MemoryMarshal.Cast<float, Vector<float>>(a), vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (int v = 0; v < va.Length; v++)
            {
                acc = Vector.FusedMultiplyAdd(va[v], vb[v], acc);
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    protected static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
