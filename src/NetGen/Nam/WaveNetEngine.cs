using System;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using NetGen.CompilerServices;
using NetGen.Formats;

namespace NetGen.Nam;

/// <summary>
/// Any supported NAM WaveNet, in chunks of up to <see cref="Chunk"/> samples: each layer runs over the whole chunk
/// before the next (a WaveNet has no recurrence), as matrix products over time-major blocks. Per sample t, with c the
/// model input:
/// <code>
/// for each layer array a:   h = R·u (u = c, or array a−1's residual h);  S = y[a−1] (0 for a = 0)
///     for each layer:       z = b + Σ_k W_k·h[t − d·(K−1−k)] + M·c[t]
///                           v = f(z)   (gated: f(z[..C]) ⊙ σ(z[C..]))
///                           S = S + v;  h = h + U·v + e
///     y[a] = b_head + Σ_k H_k·S[t − (K_head−1−k)]
/// output = head_scale · y[last]
/// </code>
/// A stream keeps each layer's past inputs (and each head's past S) in a buffer of whole rows, time-major, rewound
/// to its start when full, so that every tap of a chunk reads one contiguous block.
/// </summary>
internal sealed class WaveNetEngine : NamEngine
{
    /// <summary>The most samples processed as one block.</summary>
    public const int Chunk = 64;

    private readonly ArrayPlan[] _arrays;
    private readonly float _headScale;
    private readonly int _widest;

    /// <param name="model">The WaveNet.</param>
    /// <param name="fastTanh">Whether Tanh layers compute NAM's rational approximation instead.</param>
    public WaveNetEngine(NamModelDescription model, bool fastTanh)
        : base(model)
    {
        float[] w = model.Weights;
        int at = 0;
        _arrays = new ArrayPlan[model.LayerArrays.Length];
        int input = 1;
        for (int a = 0; a < _arrays.Length; a++)
        {
            _arrays[a] = new ArrayPlan(model.LayerArrays[a], input, fastTanh, w, ref at);
            input = model.LayerArrays[a].Channels;
        }

        _headScale = w[at++];
        if (at != w.Length)
        {
            throw new InvalidOperationException($"The WaveNet read {at} of {w.Length} weights.");
        }

        foreach (ArrayPlan array in _arrays)
        {
            _widest = Math.Max(_widest, Math.Max(array.RowsPadded, Math.Max(array.Width, array.HeadWidth)));
        }
    }

    public override NamState CreateState() => new State(this);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Process(NamState state, ReadOnlySpan<float> input, Span<float> output)
    {
        var s = (State)state;
        for (int at = 0; at < input.Length; at += Chunk)
        {
            int count = Math.Min(Chunk, input.Length - at);
            Run(s, input.Slice(at, count), output.Slice(at, count), prewarm: false);
        }
    }

    /// <summary>The steady state of silence: every history holds the constant its layer sees after endless zeros.</summary>
    public override void Reset(NamState state)
    {
        Span<float> silence = stackalloc float[1];
        silence.Clear();
        Run((State)state, silence, stackalloc float[1], prewarm: true);
    }

    /// <summary>
    /// One chunk. With <paramref name="prewarm"/> (one sample of silence), each history is first filled with the row
    /// written into it, so every tap reads it: the state that endless silence leaves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run(State s, ReadOnlySpan<float> x, Span<float> output, bool prewarm)
    {
        int n = x.Length, history = 0;
        Span<float> h = s.H, residual = s.Residual, z = s.Z, sum = s.Sum, heads = s.HeadOut;
        for (int a = 0; a < _arrays.Length; a++)
        {
            ArrayPlan array = _arrays[a];
            int c = array.Channels, width = array.Width;

            // h = R·u (the model input, or the previous array's residual h); S = the previous array's head output.
            h[..(n * width)].Clear();
            if (a == 0)
            {
                for (int t = 0; t < n; t++)
                {
                    for (int o = 0; o < c; o++)
                    {
                        h[(t * width) + o] = array.Rechannel[o] * x[t];
                    }
                }

                sum[..(n * width)].Clear();
            }
            else
            {
                ArrayPlan previous = _arrays[a - 1];
                BlockKernels.MultiplyAdd(residual, previous.Width, previous.Channels, array.Rechannel, width, h, width, n);
                CopyRows(heads, previous.HeadWidth, sum, width, n, c);
            }

            foreach (LayerPlan layer in array.Layers)
            {
                History past = s.Histories[history++];
                past.Write(h, n, width, prewarm);
                layer.Apply(past, x, n, z, h, sum);
                past.Advance(n);
            }

            History headPast = s.Histories[history++];
            headPast.Write(sum, n, width, prewarm);
            array.Head(headPast, n, heads);
            headPast.Advance(n);
            h[..(n * width)].CopyTo(residual);
        }

        int last = _arrays[^1].HeadWidth;
        for (int t = 0; t < n; t++)
        {
            output[t] = _headScale * heads[t * last];
        }
    }

    /// <summary>to[t][..count] = from[t][..count] for every row, between two strides.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CopyRows(ReadOnlySpan<float> from, int fromStride, Span<float> to, int toStride, int rows, int count)
    {
        for (int t = 0; t < rows; t++)
        {
            from.Slice(t * fromStride, count).CopyTo(to.Slice(t * toStride, count));
        }
    }

    private sealed class State : NamState
    {
        public State(WaveNetEngine engine)
        {
            int count = 0;
            foreach (ArrayPlan array in engine._arrays)
            {
                count += array.Layers.Length + 1;
            }

            Histories = new History[count];
            int h = 0;
            foreach (ArrayPlan array in engine._arrays)
            {
                foreach (LayerPlan layer in array.Layers)
                {
                    Histories[h++] = new History(layer.Span, array.Width);
                }

                Histories[h++] = new History(array.HeadKernel, array.Width);
            }

            int block = Chunk * engine._widest;
            H = new float[block];
            Residual = new float[block];
            Z = new float[block];
            Sum = new float[block];
            HeadOut = new float[block];
            engine.Reset(this);
        }

        public History[] Histories { get; }

        public float[] H { get; }

        public float[] Residual { get; }

        public float[] Z { get; }

        public float[] Sum { get; }

        public float[] HeadOut { get; }
    }

    /// <summary>
    /// A layer's (or head's) past inputs: rows of <c>width</c> values, time-major, the newest chunk at
    /// [<see cref="Next"/>, Next + n). Rows before Next hold at least Span − 1 past samples.
    /// </summary>
    private sealed class History
    {
        private readonly int _span;
        private readonly int _width;
        private readonly float[] _rows;

        public History(int span, int width)
        {
            _span = span;
            _width = width;
            int capacity = Math.Max(Chunk, span);   // a rewind copies span − 1 rows at most once per capacity rows
            _rows = new float[(span - 1 + capacity) * width];
            Next = span - 1;
        }

        /// <summary>The row the next sample goes to.</summary>
        public int Next { get; private set; }

        public ReadOnlySpan<float> Rows => _rows;

        /// <summary>Writes n rows at <see cref="Next"/>, rewinding first when they would not fit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Write(ReadOnlySpan<float> block, int n, int stride, bool prewarm)
        {
            int rowCount = _rows.Length / _width;
            if (Next + n > rowCount)
            {
                // Keep the last Span − 1 rows, at the start.
                _rows.AsSpan((Next - (_span - 1)) * _width, (_span - 1) * _width).CopyTo(_rows);
                Next = _span - 1;
            }

            if (prewarm)
            {
                for (int row = Next - (_span - 1); row < Next; row++)
                {
                    block[.._width].CopyTo(_rows.AsSpan(row * _width, _width));
                }
            }

            block[..(n * stride)].CopyTo(_rows.AsSpan(Next * _width, n * stride));
        }

        public void Advance(int n) => Next += n;
    }

    /// <summary>One layer array's weights, laid out for <see cref="BlockKernels.MultiplyAdd"/>.</summary>
    private sealed class ArrayPlan
    {
        private readonly float[] _head;        // per tap [c][headWidth]
        private readonly float[] _headBias;    // [headWidth]

        public ArrayPlan(NamLayerArray array, int inputs, bool fastTanh, float[] w, ref int at)
        {
            Channels = array.Channels;
            Width = BlockKernels.Padded(Channels);
            RowsPadded = BlockKernels.Padded(array.Gated ? 2 * Channels : Channels);
            HeadSize = array.HeadSize;
            HeadWidth = BlockKernels.Padded(HeadSize);
            HeadKernel = array.HeadKernel;
            Rechannel = BlockKernels.Transposed(Take(w, ref at, array.InputSize * Channels), Channels, inputs, 1);
            Layers = new LayerPlan[array.Kernels.Length];
            for (int l = 0; l < Layers.Length; l++)
            {
                Layers[l] = new LayerPlan(array, l, Width, fastTanh, w, ref at);
            }

            _head = BlockKernels.Transposed(Take(w, ref at, HeadSize * Channels * HeadKernel), HeadSize, Channels, HeadKernel);
            _headBias = new float[HeadWidth];
            if (array.HeadBias)
            {
                Take(w, ref at, HeadSize).CopyTo(_headBias, 0);
            }
        }

        public int Channels { get; }

        /// <summary>Channels rounded up to whole vectors: the stride of h, S and the histories.</summary>
        public int Width { get; }

        public int RowsPadded { get; }

        public int HeadSize { get; }

        public int HeadWidth { get; }

        public int HeadKernel { get; }

        /// <summary>[input][Width]: for the first array, one row (the model input).</summary>
        public float[] Rechannel { get; }

        public LayerPlan[] Layers { get; }

        /// <summary>y = b_head + Σ_k H_k·S[t − (K − 1 − k)] for the chunk just written.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Head(History past, int n, Span<float> y)
        {
            for (int t = 0; t < n; t++)
            {
                _headBias.CopyTo(y.Slice(t * HeadWidth, HeadWidth));
            }

            int tap = HeadWidth * Channels;
            for (int k = 0; k < HeadKernel; k++)
            {
                int first = past.Next - (HeadKernel - 1 - k);
                BlockKernels.MultiplyAdd(
                    past.Rows[(first * Width)..], Width, Channels, _head.AsSpan(k * tap, tap), HeadWidth, y, HeadWidth, n);
            }
        }
    }

    /// <summary>One dilated layer: convolution (per tap [c][rows]), bias, input mixin, activation, 1×1 back to channels.</summary>
    private sealed class LayerPlan
    {
        private readonly int _channels;
        private readonly int _width;
        private readonly int _rows;
        private readonly int _kernel;
        private readonly int _dilation;
        private readonly bool _gated;
        private readonly NamActivation _activation;
        private readonly float[] _conv;       // per tap [c][rows]
        private readonly float[] _bias;       // [rows]
        private readonly float[] _mixin;      // [rows]
        private readonly float[] _oneByOne;   // [c][width]
        private readonly float[] _oneBias;    // [width]

        public LayerPlan(NamLayerArray array, int l, int width, bool fastTanh, float[] w, ref int at)
        {
            _channels = array.Channels;
            _width = width;
            _gated = array.Gated;
            int rows = _gated ? 2 * _channels : _channels;
            _rows = BlockKernels.Padded(rows);
            _kernel = array.Kernels[l];
            _dilation = array.Dilations[l];
            _activation = fastTanh && array.Activations[l].Kind == NamActivationKind.Tanh
                ? new NamActivation(NamActivationKind.Fasttanh)
                : array.Activations[l];
            _conv = BlockKernels.Transposed(Take(w, ref at, rows * _channels * _kernel), rows, _channels, _kernel);
            _bias = new float[_rows];
            Take(w, ref at, rows).CopyTo(_bias, 0);
            _mixin = new float[_rows];
            Take(w, ref at, rows).CopyTo(_mixin, 0);
            _oneByOne = BlockKernels.Transposed(Take(w, ref at, _channels * _channels), _channels, _channels, 1);
            _oneBias = new float[width];
            Take(w, ref at, _channels).CopyTo(_oneBias, 0);
            Span = ((_kernel - 1) * _dilation) + 1;
        }

        /// <summary>How many past inputs the layer reads: (K − 1)·d + 1.</summary>
        public int Span { get; }

        /// <summary>z, v = f(z), S += v, h += U·v + e for the chunk just written to <paramref name="past"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Apply(History past, ReadOnlySpan<float> x, int n, Span<float> z, Span<float> h, Span<float> sum)
        {
            int c = _channels;
            ReadOnlySpan<Vector<float>> bias = MemoryMarshal.Cast<float, Vector<float>>(_bias);
            ReadOnlySpan<Vector<float>> mixin = MemoryMarshal.Cast<float, Vector<float>>(_mixin);
            for (int t = 0; t < n; t++)
            {
                Span<Vector<float>> row = MemoryMarshal.Cast<float, Vector<float>>(z.Slice(t * _rows, _rows));
                var xt = new Vector<float>(x[t]);
                for (int j = 0; j < row.Length; j++)
                {
                    row[j] = Vector.FusedMultiplyAdd(xt, mixin[j], bias[j]);
                }
            }

            int tap = c * _rows;
            for (int k = 0; k < _kernel; k++)
            {
                int first = past.Next - ((_kernel - 1 - k) * _dilation);
                BlockKernels.MultiplyAdd(past.Rows[(first * _width)..], _width, c, _conv.AsSpan(k * tap, tap), _rows, z, _rows, n);
            }

            if (!_gated && _rows == _width)
            {
                // v = f(z) and S += v over the whole block at once: z's rows are h's rows, padding included (zero
                // weights keep padded columns at f(0), which no product reads).
                Span<float> v = z[..(n * _rows)];
                Activate(v);
                Span<Vector<float>> sums = MemoryMarshal.Cast<float, Vector<float>>(sum[..(n * _width)]);
                ReadOnlySpan<Vector<float>> vs = MemoryMarshal.Cast<float, Vector<float>>(v);
                for (int j = 0; j < sums.Length; j++)
                {
                    sums[j] += vs[j];
                }
            }
            else
            {
                ActivateRows(z, n, sum);
            }

            // h += U·v + e
            ReadOnlySpan<Vector<float>> e = MemoryMarshal.Cast<float, Vector<float>>(_oneBias);
            for (int t = 0; t < n; t++)
            {
                Span<Vector<float>> ht = MemoryMarshal.Cast<float, Vector<float>>(h.Slice(t * _width, _width));
                for (int j = 0; j < ht.Length; j++)
                {
                    ht[j] += e[j];
                }
            }

            BlockKernels.MultiplyAdd(z, _rows, c, _oneByOne, _width, h, _width, n);
        }

        /// <summary>v = f(z) (gated: f(z[..C]) ⊙ σ(z[C..])) row by row, and S += v.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ActivateRows(Span<float> z, int n, Span<float> sum)
        {
            int c = _channels;
            for (int t = 0; t < n; t++)
            {
                Span<float> zt = z.Slice(t * _rows, _rows);
                Activate(zt[..c]);
                if (_gated)
                {
                    Span<float> gate = zt.Slice(c, c);
                    ActivationFunctions.Sigmoid(gate);
                    for (int o = 0; o < c; o++)
                    {
                        zt[o] *= gate[o];
                    }
                }

                Span<float> st = sum.Slice(t * _width, c);
                for (int o = 0; o < c; o++)
                {
                    st[o] += zt[o];
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Activate(Span<float> values)
        {
            switch (_activation.Kind)
            {
                case NamActivationKind.Tanh:
                    ActivationFunctions.Tanh(values);
                    break;
                case NamActivationKind.Fasttanh:
                    FastTanh.Apply(values);
                    break;
                case NamActivationKind.Sigmoid:
                    ActivationFunctions.Sigmoid(values);
                    break;
                case NamActivationKind.ReLU or NamActivationKind.LeakyReLU:
                    // x > 0 ? x : α·x (α = 0 for ReLU), a vector at a time.
                    float slope = _activation.Kind == NamActivationKind.ReLU ? 0f : _activation.Slope;
                    Span<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
                    var alpha = new Vector<float>(slope);
                    for (int j = 0; j < vectors.Length; j++)
                    {
                        Vector<float> x = vectors[j];
                        Vector<float> negative = slope == 0f ? Vector<float>.Zero : x * alpha;   // ReLU gives +0, as NAM core
                        vectors[j] = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), x, negative);
                    }

                    for (int i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
                    {
                        values[i] = values[i] > 0f ? values[i] : slope * values[i];
                    }

                    break;
                default:
                    foreach (ref float v in values)
                    {
                        v = _activation.Apply(v);
                    }

                    break;
            }
        }
    }
}
