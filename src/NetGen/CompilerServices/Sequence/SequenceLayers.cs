using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.CompilerServices;

/// <summary>
/// One step of each sequence layer, called by generated networks with their sizes as constants (the calls are
/// inlined, so the JIT specializes every loop for them). Each takes references to the layer's first parameter and to
/// rows whose lengths the generated code fixes; the parameter layout is <see cref="SequenceLayer"/>'s.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SequenceLayers<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>a = f(x·W + b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dense(ref T p, int inputs, int outputs, bool bias, Activation f, T slope, ref T x, ref T a)
    {
        RowMath.Product(ref a, ref Unsafe.Add(ref p, inputs * outputs), bias, ref x, inputs, ref p, ref x, 0, ref p, outputs);
        SequenceActivations.Apply(f, ref a, outputs, slope);
    }

    /// <summary>
    /// One streamed step of a causal dilated convolution: stores x in the ring at <paramref name="frame"/>, then
    /// a = f(b + Σⱼ ring[frame − (k − 1 − j)·d]·W[j]).
    /// </summary>
    /// <param name="p">The layer's first parameter.</param>
    /// <param name="inputs">Input channels.</param>
    /// <param name="outputs">Output channels.</param>
    /// <param name="kernelSize">k.</param>
    /// <param name="dilation">d.</param>
    /// <param name="bias">Whether b follows W.</param>
    /// <param name="f">The activation.</param>
    /// <param name="slope">α of LeakyReLU.</param>
    /// <param name="ring">The layer's ring of <paramref name="ringFrames"/> past input frames (a power of two).</param>
    /// <param name="ringFrames">Frames in the ring.</param>
    /// <param name="frame">Frames consumed before this one.</param>
    /// <param name="x">This frame's input.</param>
    /// <param name="taps">Scratch for the k input frames the taps read (k·n).</param>
    /// <param name="a">This frame's output.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Conv1DStep(
        ref T p, int inputs, int outputs, int kernelSize, int dilation, bool bias, Activation f, T slope,
        ref T ring, int ringFrames, uint frame, ref T x, ref T taps, ref T a)
    {
        uint mask = (uint)ringFrames - 1;
        RowMath.CopyOrClear(ref Unsafe.Add(ref ring, (int)(frame & mask) * inputs), ref x, inputs, copy: true);

        // The k taps' input frames side by side, so that W [k][n][m] is one [k·n][m] matrix and one product.
        for (int j = 0; j < kernelSize; j++)
        {
            int past = (int)((frame - (uint)((kernelSize - 1 - j) * dilation)) & mask);
            RowMath.CopyOrClear(ref Unsafe.Add(ref taps, j * inputs), ref Unsafe.Add(ref ring, past * inputs), inputs, copy: true);
        }

        RowMath.Product(
            ref a, ref Unsafe.Add(ref p, kernelSize * inputs * outputs), bias, ref taps, kernelSize * inputs, ref p, ref taps, 0, ref p, outputs);
        SequenceActivations.Apply(f, ref a, outputs, slope);
    }

    /// <summary>
    /// One LSTM step: z = x·Wx + h₋·Wh + b; i, f, o = σ(zᵢ, z_f, zₒ), g = tanh(z_g); c = f ⊙ c₋ + i ⊙ g; h = o ⊙ tanh c.
    /// <paramref name="gates"/> (5H) receives i, f, g, o and tanh c. c and h may be c₋ and h₋ themselves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lstm(
        ref T p, int inputs, int units, bool bias, ref T x, ref T hPrevious, ref T cPrevious, ref T gates, ref T c, ref T h)
    {
        int width = 4 * units;
        ref T wh = ref Unsafe.Add(ref p, inputs * width);
        RowMath.Product(ref gates, ref Unsafe.Add(ref wh, units * width), bias, ref x, inputs, ref p, ref hPrevious, units, ref wh, width);
        RecurrentGates.Lstm(ref gates, units, ref cPrevious, ref c, ref h);
    }

    /// <summary>
    /// One GRU step: a = x·Wx + bx, u = h₋·Wh + bh; r = σ(a_r + u_r), z = σ(a_z + u_z), n = tanh(a_n + r ⊙ u_n);
    /// h = (1 − z) ⊙ n + z ⊙ h₋. <paramref name="scratch"/> (6H) ends as r, z, n, u_r, u_z, u_n. h may be h₋ itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Gru(ref T p, int inputs, int units, bool bias, ref T x, ref T hPrevious, ref T scratch, ref T h)
    {
        int width = 3 * units;
        ref T wh = ref Unsafe.Add(ref p, inputs * width);
        ref T biases = ref Unsafe.Add(ref wh, units * width);
        ref T u = ref Unsafe.Add(ref scratch, width);
        RowMath.Product(ref scratch, ref biases, bias, ref x, inputs, ref p, ref x, 0, ref p, width);
        RowMath.Product(ref u, ref Unsafe.Add(ref biases, width), bias, ref hPrevious, units, ref wh, ref hPrevious, 0, ref wh, width);
        RecurrentGates.Gru(ref scratch, units, ref hPrevious, ref h);
    }
}
