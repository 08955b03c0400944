using System;
using NetGen.Formats;

namespace NetGen.Nam;

/// <summary>
/// Any supported NAM WaveNet, one sample at a time: the weights in the file's order, re-laid for the loops below, and
/// a state per stream that holds each layer's past inputs in a ring. Per sample t, with c the model input:
/// <code>
/// for each layer array a:   h = R·u (u = c, or array a−1's residual h);  S = y[a−1] (0 for a = 0)
///     for each layer:       z = b + Σ_k W_k·h[t − d·(K−1−k)] + M·c[t]
///                           v = f(z)   (gated: f(z[..C]) ⊙ σ(z[C..]))
///                           S = S + v;  h = h + U·v + e
///     y[a] = b_head + Σ_k H_k·S[t − (K_head−1−k)]
/// output = head_scale · y[last]
/// </code>
/// </summary>
internal sealed class WaveNetEngine : NamEngine
{
    private readonly ArrayPlan[] _arrays;
    private readonly float _headScale;

    public WaveNetEngine(NamModelDescription model)
        : base(model)
    {
        float[] w = model.Weights;
        int at = 0;
        _arrays = new ArrayPlan[model.LayerArrays.Length];
        for (int a = 0; a < _arrays.Length; a++)
        {
            _arrays[a] = new ArrayPlan(model.LayerArrays[a], w, ref at);
        }

        _headScale = w[at++];
        if (at != w.Length)
        {
            throw new InvalidOperationException($"The WaveNet read {at} of {w.Length} weights.");
        }

        int widest = 1;
        foreach (ArrayPlan array in _arrays)
        {
            widest = Math.Max(widest, Math.Max(array.Rows, array.HeadSize));
        }

        ScratchLength = widest;
    }

    /// <summary>The longest vector a sample needs beside the state.</summary>
    private int ScratchLength { get; }

    public override NamState CreateState() => new State(this);

    public override void Process(NamState state, ReadOnlySpan<float> input, Span<float> output)
    {
        var s = (State)state;
        for (int t = 0; t < input.Length; t++)
        {
            output[t] = Step(s, input[t], prewarm: false);
        }
    }

    /// <summary>The steady state of silence: every ring filled with the constant its layer sees after endless zeros.</summary>
    public override void Reset(NamState state)
    {
        var s = (State)state;
        foreach (float[] ring in s.Rings)
        {
            Array.Clear(ring);
        }

        Step(s, 0f, prewarm: true);
    }

    /// <summary>One sample; with <paramref name="prewarm"/>, each ring is first filled with the value pushed into it.</summary>
    private float Step(State s, float x, bool prewarm)
    {
        Span<float> h = s.H, next = s.Next, sum = s.Sum, z = s.Z;
        int ring = 0;
        int inputWidth = 1;
        h[0] = x;
        for (int a = 0; a < _arrays.Length; a++)
        {
            ArrayPlan array = _arrays[a];
            int c = array.Channels;

            // h = R·u
            for (int o = 0; o < c; o++)
            {
                float acc = 0f;
                ReadOnlySpan<float> row = array.Rechannel.AsSpan(o * inputWidth, inputWidth);
                for (int i = 0; i < inputWidth; i++)
                {
                    acc += row[i] * h[i];
                }

                next[o] = acc;
            }

            next[..c].CopyTo(h);
            if (a == 0)
            {
                sum[..c].Clear();
            }
            else
            {
                s.HeadOut.AsSpan(0, c).CopyTo(sum);
            }

            foreach (LayerPlan layer in array.Layers)
            {
                float[] history = s.Rings[ring];
                int position = s.Positions[ring];
                if (prewarm)
                {
                    for (int slot = 0; slot < layer.Span; slot++)
                    {
                        h[..c].CopyTo(history.AsSpan(slot * c, c));
                    }
                }

                h[..c].CopyTo(history.AsSpan(position * c, c));
                layer.Apply(history, position, x, h, z, next, sum);
                s.Positions[ring] = position + 1 == layer.Span ? 0 : position + 1;
                ring++;
            }

            // y[a] = b_head + Σ_k H_k·S[t − (K_head − 1 − k)]
            float[] heads = s.Rings[ring];
            int headAt = s.Positions[ring];
            if (prewarm)
            {
                for (int slot = 0; slot < array.HeadKernel; slot++)
                {
                    sum[..c].CopyTo(heads.AsSpan(slot * c, c));
                }
            }

            sum[..c].CopyTo(heads.AsSpan(headAt * c, c));
            array.Head(heads, headAt, s.HeadOut);
            s.Positions[ring] = headAt + 1 == array.HeadKernel ? 0 : headAt + 1;
            ring++;
            inputWidth = c;
        }

        return _headScale * s.HeadOut[0];
    }

    private sealed class State : NamState
    {
        public State(WaveNetEngine engine)
        {
            int rings = 0, widest = engine.ScratchLength;
            foreach (ArrayPlan array in engine._arrays)
            {
                rings += array.Layers.Length + 1;
                widest = Math.Max(widest, array.Channels);
            }

            Rings = new float[rings][];
            Positions = new int[rings];
            int r = 0;
            foreach (ArrayPlan array in engine._arrays)
            {
                foreach (LayerPlan layer in array.Layers)
                {
                    Rings[r++] = new float[layer.Span * array.Channels];
                }

                Rings[r++] = new float[array.HeadKernel * array.Channels];
            }

            H = new float[widest];
            Next = new float[widest];
            Sum = new float[widest];
            Z = new float[2 * widest];
            HeadOut = new float[widest];
            engine.Reset(this);
        }

        /// <summary>Per layer (then per head) its past inputs, a ring of Span × channels.</summary>
        public float[][] Rings { get; }

        /// <summary>Where each ring writes next.</summary>
        public int[] Positions { get; }

        public float[] H { get; }

        public float[] Next { get; }

        public float[] Sum { get; }

        public float[] Z { get; }

        public float[] HeadOut { get; }
    }

    /// <summary>One layer array's weights, re-laid per output row.</summary>
    private sealed class ArrayPlan
    {
        private readonly float[] _head;        // [K_head][headSize][c]
        private readonly float[] _headBias;

        public ArrayPlan(NamLayerArray array, float[] w, ref int at)
        {
            Channels = array.Channels;
            Rows = array.Gated ? 2 * array.Channels : array.Channels;
            HeadSize = array.HeadSize;
            HeadKernel = array.HeadKernel;
            Rechannel = Take(w, ref at, array.InputSize * Channels);   // [out][in]
            Layers = new LayerPlan[array.Kernels.Length];
            for (int l = 0; l < Layers.Length; l++)
            {
                Layers[l] = new LayerPlan(array, l, w, ref at);
            }

            _head = TapMajor(Take(w, ref at, HeadSize * Channels * HeadKernel), HeadSize, Channels, HeadKernel);
            _headBias = array.HeadBias ? Take(w, ref at, HeadSize) : new float[HeadSize];
        }

        public int Channels { get; }

        public int Rows { get; }

        public int HeadSize { get; }

        public int HeadKernel { get; }

        public float[] Rechannel { get; }

        public LayerPlan[] Layers { get; }

        public void Head(float[] ring, int position, Span<float> y)
        {
            int c = Channels;
            for (int o = 0; o < HeadSize; o++)
            {
                y[o] = _headBias[o];
            }

            for (int k = 0; k < HeadKernel; k++)
            {
                // Tap k reads S[t − (K − 1 − k)]: the ring slot that many places behind the one just written.
                int slot = position - (HeadKernel - 1 - k);
                slot += slot < 0 ? HeadKernel : 0;
                ReadOnlySpan<float> s = ring.AsSpan(slot * c, c);
                for (int o = 0; o < HeadSize; o++)
                {
                    y[o] += Dot(_head.AsSpan(((k * HeadSize) + o) * c, c), s);
                }
            }
        }
    }

    /// <summary>One dilated layer: convolution W (tap-major), bias, input mixin, activation, 1×1 back to channels.</summary>
    private sealed class LayerPlan
    {
        private readonly int _channels;
        private readonly int _rows;
        private readonly int _kernel;
        private readonly int _dilation;
        private readonly bool _gated;
        private readonly NamActivation _activation;
        private readonly float[] _conv;       // [K][rows][c]
        private readonly float[] _bias;       // [rows]
        private readonly float[] _mixin;      // [rows] (condition size 1)
        private readonly float[] _oneByOne;   // [c][c]
        private readonly float[] _oneBias;    // [c]

        public LayerPlan(NamLayerArray array, int l, float[] w, ref int at)
        {
            _channels = array.Channels;
            _gated = array.Gated;
            _rows = _gated ? 2 * _channels : _channels;
            _kernel = array.Kernels[l];
            _dilation = array.Dilations[l];
            _activation = array.Activations[l];
            _conv = TapMajor(Take(w, ref at, _rows * _channels * _kernel), _rows, _channels, _kernel);
            _bias = Take(w, ref at, _rows);
            _mixin = Take(w, ref at, _rows);
            _oneByOne = Take(w, ref at, _channels * _channels);
            _oneBias = Take(w, ref at, _channels);
            Span = ((_kernel - 1) * _dilation) + 1;
        }

        /// <summary>How many past inputs the layer keeps: (K − 1)·d + 1.</summary>
        public int Span { get; }

        /// <summary>z, v = f(z), S += v, h += U·v + e, with h[t] already written at <paramref name="position"/>.</summary>
        public void Apply(float[] ring, int position, float x, Span<float> h, Span<float> z, Span<float> v, Span<float> sum)
        {
            int c = _channels;
            for (int o = 0; o < _rows; o++)
            {
                z[o] = _bias[o] + (_mixin[o] * x);
            }

            for (int k = 0; k < _kernel; k++)
            {
                int slot = position - ((_kernel - 1 - k) * _dilation);
                slot += slot < 0 ? Span : 0;
                ReadOnlySpan<float> past = ring.AsSpan(slot * c, c);
                for (int o = 0; o < _rows; o++)
                {
                    z[o] += Dot(_conv.AsSpan(((k * _rows) + o) * c, c), past);
                }
            }

            for (int o = 0; o < c; o++)
            {
                float value = Activate(z[o]);
                v[o] = _gated ? value * Sigmoid(z[o + c]) : value;
                sum[o] += v[o];
            }

            for (int o = 0; o < c; o++)
            {
                h[o] += _oneBias[o] + Dot(_oneByOne.AsSpan(o * c, c), v[..c]);
            }
        }

        private float Activate(float value) => _activation.Kind switch
        {
            NamActivationKind.Tanh => MathF.Tanh(value),
            NamActivationKind.ReLU => value > 0f ? value : 0f,
            NamActivationKind.LeakyReLU => value > 0f ? value : _activation.Slope * value,
            _ => _activation.Apply(value),
        };
    }
}
