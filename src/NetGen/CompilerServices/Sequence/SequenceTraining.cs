using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.CompilerServices;

/// <summary>
/// Backpropagation through time over one sequence from zero state, layer by layer: a forward pass that keeps every
/// layer's outputs and gate values for all N frames, then, from the last layer down, each layer's parameter gradients
/// and the gradient of its input sequence. The workspace holds all of it (see <see cref="WorkspaceSize"/>).
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
internal static class SequenceTraining<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Gate values kept per frame: LSTM i, f, g, o, tanh c and c (6H); GRU r, z, n, u_r, u_z, u_n (6H).</summary>
    private static int CacheWidth(SequenceLayer layer) =>
        layer.Kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru ? 6 * layer.Outputs : 0;

    /// <summary>Elements of workspace <see cref="Forward"/> and <see cref="Backward"/> need for <paramref name="frames"/> frames.</summary>
    public static long WorkspaceSize(ReadOnlySpan<SequenceLayer> layers, int frames)
    {
        long perFrame = 0;
        int widest = 0;
        foreach (SequenceLayer layer in layers)
        {
            perFrame += layer.Outputs + CacheWidth(layer);
            widest = Math.Max(widest, Math.Max(layer.Inputs, layer.Outputs));
        }

        // Outputs and caches, two gradient sequences, then a row of zeros and up to 8 rows of carries and gate gradients.
        return (perFrame * frames) + (2L * frames * widest) + (9L * widest);
    }

    /// <summary>Runs the sequence from zero state, keeping what <see cref="Backward"/> needs; returns the last layer's outputs.</summary>
    public static Span<T> Forward(ReadOnlySpan<SequenceLayer> layers, ref T p, ReadOnlySpan<T> inputs, int frames, T slope, Span<T> work)
    {
        var layout = new Layout(layers, frames, work.Length);
        ref T x = ref Unsafe.AsRef(in inputs[0]);
        work.Slice(layout.Zeros, layout.Widest).Clear();
        int offset = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            SequenceLayer layer = layers[l];
            ref T pl = ref Unsafe.Add(ref p, offset);
            ref T a = ref work[layout.Outputs(l)];
            ref T cache = ref work[layout.Cache(l)];
            ref T zeros = ref work[layout.Zeros];
            int n = layer.Inputs, m = layer.Outputs;
            for (int t = 0; t < frames; t++)
            {
                ref T xt = ref Unsafe.Add(ref x, t * n);
                ref T at = ref Unsafe.Add(ref a, t * m);
                switch (layer.Kind)
                {
                    case SequenceLayerKind.Dense:
                        SequenceLayers<T>.Dense(ref pl, n, m, layer.HasBias, layer.Activation, slope, ref xt, ref at);
                        break;
                    case SequenceLayerKind.Conv1D:
                        RowMath.CopyOrClear(ref at, ref Unsafe.Add(ref pl, layer.KernelSize * n * m), m, layer.HasBias);
                        for (int j = 0; j < layer.KernelSize; j++)
                        {
                            int s = t - ((layer.KernelSize - 1 - j) * layer.Dilation);
                            if (s >= 0)
                            {
                                RowMath.AddProduct(ref at, ref Unsafe.Add(ref x, s * n), n, ref Unsafe.Add(ref pl, j * n * m), m);
                            }
                        }

                        SequenceActivations.Apply(layer.Activation, ref at, m, slope);
                        break;
                    case SequenceLayerKind.Lstm:
                        ref T gates = ref Unsafe.Add(ref cache, t * 6 * m);
                        SequenceLayers<T>.Lstm(
                            ref pl, n, m, layer.HasBias, ref xt,
                            ref t > 0 ? ref Unsafe.Add(ref at, -m) : ref zeros,
                            ref t > 0 ? ref Unsafe.Add(ref gates, -m) : ref zeros,
                            ref gates, ref Unsafe.Add(ref gates, 5 * m), ref at);
                        break;
                    default:
                        SequenceLayers<T>.Gru(
                            ref pl, n, m, layer.HasBias, ref xt, ref t > 0 ? ref Unsafe.Add(ref at, -m) : ref zeros,
                            ref Unsafe.Add(ref cache, t * 6 * m), ref at);
                        break;
                }
            }

            x = ref a;
            offset += layer.ParameterCount;
        }

        return work.Slice(layout.Outputs(layers.Length - 1), frames * layers[^1].Outputs);
    }

    /// <summary>
    /// Given ∂J/∂ŷ of every frame in <see cref="OutputGradient"/>, adds ∂J/∂θ into <paramref name="g"/>, after
    /// <see cref="Forward"/> ran on the same workspace.
    /// </summary>
    public static void Backward(ReadOnlySpan<SequenceLayer> layers, ref T p, ref T g, ReadOnlySpan<T> inputs, int frames, T slope, Span<T> work)
    {
        var layout = new Layout(layers, frames, work.Length);
        int offset = 0;
        foreach (SequenceLayer layer in layers)
        {
            offset += layer.ParameterCount;
        }

        for (int l = layers.Length - 1; l >= 0; l--)
        {
            SequenceLayer layer = layers[l];
            offset -= layer.ParameterCount;
            ref T pl = ref Unsafe.Add(ref p, offset);
            ref T gl = ref Unsafe.Add(ref g, offset);
            ref T x = ref l == 0 ? ref Unsafe.AsRef(in inputs[0]) : ref work[layout.Outputs(l - 1)];
            ref T a = ref work[layout.Outputs(l)];
            ref T dA = ref work[layout.Gradient(l)];
            ref T dX = ref work[layout.Gradient(l - 1)];
            bool inputGradient = l > 0;
            if (inputGradient)
            {
                work.Slice(layout.Gradient(l - 1), frames * layer.Inputs).Clear();
            }

            switch (layer.Kind)
            {
                case SequenceLayerKind.Dense:
                case SequenceLayerKind.Conv1D:
                    BackwardConvolution(layer, ref pl, ref gl, ref x, ref a, ref dA, ref dX, frames, slope, inputGradient);
                    break;
                case SequenceLayerKind.Lstm:
                    BackwardLstm(layer, ref pl, ref gl, ref x, ref a, ref work[layout.Cache(l)], ref dA, ref dX, frames, ref work[layout.Zeros], ref work[layout.Scratch], inputGradient);
                    break;
                default:
                    BackwardGru(layer, ref pl, ref gl, ref x, ref a, ref work[layout.Cache(l)], ref dA, ref dX, frames, ref work[layout.Zeros], ref work[layout.Scratch], inputGradient);
                    break;
            }
        }
    }

    /// <summary>Where ∂J/∂ŷ of every frame goes before <see cref="Backward"/>.</summary>
    public static Span<T> OutputGradient(ReadOnlySpan<SequenceLayer> layers, int frames, Span<T> work) =>
        work.Slice(new Layout(layers, frames, work.Length).Gradient(layers.Length - 1), frames * layers[^1].Outputs);

    /// <summary>
    /// Dense (k = 1) and convolution layers: δₜ = ∂J/∂aₜ ⊙ f′; ∂J/∂W[j] += x_sᵀ·δₜ and ∂J/∂x_s += δₜ·W[j]ᵀ for
    /// s = t − (k − 1 − j)·d ≥ 0; ∂J/∂b += δₜ.
    /// </summary>
    private static void BackwardConvolution(
        SequenceLayer layer, ref T p, ref T g, ref T x, ref T a, ref T dA, ref T dX, int frames, T slope, bool inputGradient)
    {
        int n = layer.Inputs, m = layer.Outputs, k = layer.KernelSize;
        ref T gb = ref Unsafe.Add(ref g, k * n * m);
        for (int t = 0; t < frames; t++)
        {
            ref T delta = ref Unsafe.Add(ref dA, t * m);
            SequenceActivations.MultiplyByDerivative(layer.Activation, ref Unsafe.Add(ref a, t * m), ref delta, m, slope);
            for (int j = 0; j < k; j++)
            {
                int s = t - ((k - 1 - j) * layer.Dilation);
                if (s < 0)
                {
                    continue;
                }

                RowMath.AddOuter(ref Unsafe.Add(ref g, j * n * m), ref Unsafe.Add(ref x, s * n), n, ref delta, m);
                if (inputGradient)
                {
                    RowMath.AddTransposedProduct(ref Unsafe.Add(ref dX, s * n), ref Unsafe.Add(ref p, j * n * m), n, m, ref delta);
                }
            }

            if (layer.HasBias)
            {
                RowMath.Add(ref gb, ref delta, m);
            }
        }
    }

    /// <summary>
    /// LSTM, frames last to first: dh = ∂J/∂hₜ + dh₊; dc = dc₊ + dh ⊙ o ⊙ (1 − tanh² c); then
    /// dz = (dc ⊙ g ⊙ i(1 − i), dc ⊙ c₋ ⊙ f(1 − f), dc ⊙ i ⊙ (1 − g²), dh ⊙ tanh c ⊙ o(1 − o));
    /// ∂J/∂Wx += xᵀ·dz, ∂J/∂Wh += h₋ᵀ·dz, ∂J/∂b += dz; ∂J/∂x = dz·Wxᵀ; dh₊ = dz·Whᵀ, dc₊ = dc ⊙ f.
    /// </summary>
    private static void BackwardLstm(
        SequenceLayer layer, ref T p, ref T g, ref T x, ref T a, ref T cache, ref T dA, ref T dX, int frames, ref T zeros, ref T scratch,
        bool inputGradient)
    {
        int n = layer.Inputs, h = layer.Outputs, width = 4 * h;
        ref T wh = ref Unsafe.Add(ref p, n * width);
        ref T gwh = ref Unsafe.Add(ref g, n * width);
        ref T gb = ref Unsafe.Add(ref gwh, h * width);
        ref T dhNext = ref scratch;
        ref T dcNext = ref Unsafe.Add(ref dhNext, h);
        ref T dz = ref Unsafe.Add(ref dcNext, h);
        RowMath.CopyOrClear(ref dhNext, ref zeros, 2 * h, copy: false);
        for (int t = frames - 1; t >= 0; t--)
        {
            ref T gates = ref Unsafe.Add(ref cache, t * 6 * h);
            ref T cPrevious = ref t > 0 ? ref Unsafe.Add(ref gates, -h) : ref zeros;
            ref T hPrevious = ref t > 0 ? ref Unsafe.Add(ref a, (t - 1) * h) : ref zeros;
            for (int j = 0; j < h; j++)
            {
                T i = Unsafe.Add(ref gates, j), f = Unsafe.Add(ref gates, h + j), gg = Unsafe.Add(ref gates, (2 * h) + j);
                T o = Unsafe.Add(ref gates, (3 * h) + j), tanhC = Unsafe.Add(ref gates, (4 * h) + j);
                T dh = Unsafe.Add(ref dA, (t * h) + j) + Unsafe.Add(ref dhNext, j);
                T dc = Unsafe.Add(ref dcNext, j) + (dh * o * (T.One - (tanhC * tanhC)));
                Unsafe.Add(ref dz, j) = dc * gg * i * (T.One - i);
                Unsafe.Add(ref dz, h + j) = dc * Unsafe.Add(ref cPrevious, j) * f * (T.One - f);
                Unsafe.Add(ref dz, (2 * h) + j) = dc * i * (T.One - (gg * gg));
                Unsafe.Add(ref dz, (3 * h) + j) = dh * tanhC * o * (T.One - o);
                Unsafe.Add(ref dcNext, j) = dc * f;
            }

            RowMath.AddOuter(ref g, ref Unsafe.Add(ref x, t * n), n, ref dz, width);
            RowMath.AddOuter(ref gwh, ref hPrevious, h, ref dz, width);
            if (layer.HasBias)
            {
                RowMath.Add(ref gb, ref dz, width);
            }

            if (inputGradient)
            {
                RowMath.AddTransposedProduct(ref Unsafe.Add(ref dX, t * n), ref p, n, width, ref dz);
            }

            RowMath.CopyOrClear(ref dhNext, ref zeros, h, copy: false);
            RowMath.AddTransposedProduct(ref dhNext, ref wh, h, width, ref dz);
        }
    }

    /// <summary>
    /// GRU, frames last to first: dh = ∂J/∂hₜ + dh₊; dn = dh ⊙ (1 − z) ⊙ (1 − n²); dz = dh ⊙ (h₋ − n) ⊙ z(1 − z);
    /// dr = dn ⊙ u_n ⊙ r(1 − r); da = (dr, dz, dn), du = (dr, dz, dn ⊙ r); ∂J/∂Wx += xᵀ·da, ∂J/∂bx += da,
    /// ∂J/∂Wh += h₋ᵀ·du, ∂J/∂bh += du; ∂J/∂x = da·Wxᵀ; dh₊ = dh ⊙ z + du·Whᵀ.
    /// </summary>
    private static void BackwardGru(
        SequenceLayer layer, ref T p, ref T g, ref T x, ref T a, ref T cache, ref T dA, ref T dX, int frames, ref T zeros, ref T scratch,
        bool inputGradient)
    {
        int n = layer.Inputs, h = layer.Outputs, width = 3 * h;
        ref T wh = ref Unsafe.Add(ref p, n * width);
        ref T gwh = ref Unsafe.Add(ref g, n * width);
        ref T gbx = ref Unsafe.Add(ref gwh, h * width);
        ref T gbh = ref Unsafe.Add(ref gbx, width);
        ref T dhNext = ref scratch;
        ref T da = ref Unsafe.Add(ref dhNext, h);
        ref T du = ref Unsafe.Add(ref da, width);
        RowMath.CopyOrClear(ref dhNext, ref zeros, h, copy: false);
        for (int t = frames - 1; t >= 0; t--)
        {
            ref T gates = ref Unsafe.Add(ref cache, t * 6 * h);
            ref T hPrevious = ref t > 0 ? ref Unsafe.Add(ref a, (t - 1) * h) : ref zeros;
            for (int j = 0; j < h; j++)
            {
                T r = Unsafe.Add(ref gates, j), z = Unsafe.Add(ref gates, h + j), nj = Unsafe.Add(ref gates, (2 * h) + j);
                T un = Unsafe.Add(ref gates, (5 * h) + j);
                T dh = Unsafe.Add(ref dA, (t * h) + j) + Unsafe.Add(ref dhNext, j);
                T dn = dh * (T.One - z) * (T.One - (nj * nj));
                T dzj = dh * (Unsafe.Add(ref hPrevious, j) - nj) * z * (T.One - z);
                T dr = dn * un * r * (T.One - r);
                Unsafe.Add(ref da, j) = dr;
                Unsafe.Add(ref da, h + j) = dzj;
                Unsafe.Add(ref da, (2 * h) + j) = dn;
                Unsafe.Add(ref du, j) = dr;
                Unsafe.Add(ref du, h + j) = dzj;
                Unsafe.Add(ref du, (2 * h) + j) = dn * r;
                Unsafe.Add(ref dhNext, j) = dh * z;
            }

            RowMath.AddOuter(ref g, ref Unsafe.Add(ref x, t * n), n, ref da, width);
            RowMath.AddOuter(ref gwh, ref hPrevious, h, ref du, width);
            if (layer.HasBias)
            {
                RowMath.Add(ref gbx, ref da, width);
                RowMath.Add(ref gbh, ref du, width);
            }

            if (inputGradient)
            {
                RowMath.AddTransposedProduct(ref Unsafe.Add(ref dX, t * n), ref p, n, width, ref da);
            }

            RowMath.AddTransposedProduct(ref dhNext, ref wh, h, width, ref du);
        }
    }

    /// <summary>Offsets into the workspace: per layer its outputs and caches, two alternating gradient sequences, then scratch.</summary>
    private readonly ref struct Layout
    {
        private readonly ReadOnlySpan<SequenceLayer> _layers;
        private readonly int _frames;
        private readonly int _gradients;
        private readonly int _widest;

        public Layout(ReadOnlySpan<SequenceLayer> layers, int frames, int length)
        {
            if (WorkspaceSize(layers, frames) > length)
            {
                throw new ArgumentException("The workspace is smaller than WorkspaceSize.", nameof(length));
            }

            _layers = layers;
            _frames = frames;
            int total = 0, widest = 0;
            foreach (SequenceLayer layer in layers)
            {
                total += (layer.Outputs + CacheWidth(layer)) * frames;
                widest = Math.Max(widest, Math.Max(layer.Inputs, layer.Outputs));
            }

            _gradients = total;
            _widest = widest;
        }

        public int Zeros => _gradients + (2 * _frames * _widest);

        public int Widest => _widest;

        /// <summary>After the zeros: the carries and gate gradients of one recurrent layer (at most 7H or 8H).</summary>
        public int Scratch => Zeros + _widest;

        public int Outputs(int layer)
        {
            int offset = 0;
            for (int l = 0; l < layer; l++)
            {
                offset += (_layers[l].Outputs + CacheWidth(_layers[l])) * _frames;
            }

            return offset;
        }

        public int Cache(int layer) => Outputs(layer) + (_layers[layer].Outputs * _frames);

        /// <summary>∂J/∂ of layer <paramref name="layer"/>'s output sequence (−1: the network's input, never needed).</summary>
        public int Gradient(int layer) => _gradients + (((layer + 2) & 1) * _frames * _widest);
    }
}
