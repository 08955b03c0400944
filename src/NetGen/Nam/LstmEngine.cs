using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using NetGen.CompilerServices;
using NetGen.Formats;

namespace NetGen.Nam;

/// <summary>
/// A NAM LSTM: PyTorch cells stacked, the next layer's input the previous h, and a linear head on the last h:
/// <code>
/// [i f g o] = W·[x; h] + b      i, f, o = σ(·), g = tanh(·)
/// c = f ⊙ c + i ⊙ g             h = o ⊙ tanh(c)
/// y = w_head·h_last + b_head
/// </code>
/// W is kept transposed ([x; h] row by row, the 4H gates padded to whole vectors), so a step is one broadcast and a
/// few vector multiply-adds per input, then the gate functions over whole vectors. A reset state is the file's h0 and
/// c0 advanced by <see cref="PrewarmSamples"/> of silence, as NAM core prewarms; it is computed once, when the engine
/// is built, and copied on every reset.
/// </summary>
internal sealed class LstmEngine : NamEngine
{
    private readonly int _hidden;
    private readonly LayerPlan[] _layers;
    private readonly float[] _head;
    private readonly float _headBias;
    private readonly float[] _prewarmed;   // per layer [input; h] then c

    /// <param name="model">The LSTM.</param>
    /// <param name="fastTanh">Whether the gates and the cell use NAM's fast tanh and the sigmoid built on it.</param>
    public LstmEngine(NamModelDescription model, bool fastTanh)
        : base(model)
    {
        NamLstm lstm = model.Lstm!;
        _hidden = lstm.HiddenSize;
        float[] w = model.Weights;
        int at = 0;
        _layers = new LayerPlan[lstm.Layers];
        int offset = 0;
        var initial = new float[StateLength(lstm)];
        for (int l = 0; l < _layers.Length; l++)
        {
            int inputs = l == 0 ? lstm.InputSize : _hidden;
            _layers[l] = new LayerPlan(inputs, _hidden, offset, fastTanh, w, ref at);
            Take(w, ref at, _hidden).CopyTo(initial, offset + inputs);                 // h0 after the input
            Take(w, ref at, _hidden).CopyTo(initial, offset + inputs + _hidden);       // c0 after h
            offset += inputs + (2 * _hidden);
        }

        _head = Take(w, ref at, _hidden);
        _headBias = w[at++];
        if (at != w.Length)
        {
            throw new InvalidOperationException($"The LSTM read {at} of {w.Length} weights.");
        }

        var state = new State(this, initial);
        Span<float> silence = stackalloc float[256];
        Span<float> ignored = stackalloc float[256];
        silence.Clear();
        int prewarm = PrewarmSamples(model);
        for (int done = 0; done < prewarm; done += silence.Length)
        {
            int count = Math.Min(silence.Length, prewarm - done);
            Process(state, silence[..count], ignored[..count]);
        }

        _prewarmed = state.Values;
    }

    /// <summary>
    /// NAM core's count: half a second at the file's sample rate, or one sample when the file does not say. (NAM core
    /// runs whole blocks of its buffer size, so it rounds this up to a multiple of that size; the difference fades
    /// once the state has settled, as the trainer's h0 and c0 have.)
    /// </summary>
    public static int PrewarmSamples(NamModelDescription model) =>
        double.IsNaN(model.SampleRate) ? 1 : Math.Max(1, (int)(0.5 * model.SampleRate));

    public override NamState CreateState() => new State(this, _prewarmed);

    public override void Reset(NamState state) => _prewarmed.CopyTo(((State)state).Values, 0);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Process(NamState state, ReadOnlySpan<float> input, Span<float> output)
    {
        var s = (State)state;
        Span<float> values = s.Values;
        int h = _hidden;
        for (int t = 0; t < input.Length; t++)
        {
            values[0] = input[t];
            for (int l = 0; l < _layers.Length; l++)
            {
                LayerPlan layer = _layers[l];
                layer.Step(values, s.Gates);
                if (l + 1 < _layers.Length)
                {
                    // The next layer's input is this layer's h.
                    values.Slice(layer.Offset + layer.Inputs, h).CopyTo(values.Slice(_layers[l + 1].Offset, h));
                }
            }

            LayerPlan last = _layers[^1];
            output[t] = _headBias + RowMath.Dot(ref _head[0], ref values[last.Offset + last.Inputs], h);
        }
    }

    private static int StateLength(NamLstm lstm) => lstm.InputSize + (2 * lstm.HiddenSize) + ((lstm.Layers - 1) * 3 * lstm.HiddenSize);

    private sealed class State : NamState
    {
        public State(LstmEngine engine, float[] values)
        {
            Values = (float[])values.Clone();
            Gates = new float[BlockKernels.Padded(4 * engine._hidden)];
        }

        /// <summary>Per layer its input, h, then c, so that [input; h] is one contiguous vector.</summary>
        public float[] Values { get; }

        public float[] Gates { get; }
    }

    /// <summary>One cell: W transposed ([input + H][4H padded]), b padded; its state at <see cref="Offset"/>.</summary>
    private sealed class LayerPlan
    {
        private readonly int _hidden;
        private readonly int _width;
        private readonly float[] _w;
        private readonly float[] _b;
        private readonly bool _fast;

        public LayerPlan(int inputs, int hidden, int offset, bool fastTanh, float[] w, ref int at)
        {
            _fast = fastTanh;
            Inputs = inputs;
            Offset = offset;
            _hidden = hidden;
            _width = BlockKernels.Padded(4 * hidden);
            // The file's W is [4H][I + H] row-major: the layout of a 1×1 convolution's W[out][in].
            _w = BlockKernels.Transposed(Take(w, ref at, 4 * hidden * (inputs + hidden)), 4 * hidden, inputs + hidden, 1);
            _b = new float[_width];
            Take(w, ref at, 4 * hidden).CopyTo(_b, 0);
        }

        public int Inputs { get; }

        /// <summary>Where the layer's [input; h; c] starts in the state.</summary>
        public int Offset { get; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Step(Span<float> values, Span<float> gates)
        {
            int hs = _hidden;
            Span<float> z = values.Slice(Offset, Inputs + hs);
            Span<float> h = z[Inputs..], c = values.Slice(Offset + Inputs + hs, hs);
            BlockKernels.MultiplyVector(z, _w, _b, _width, gates);
            Sigmoid(gates[..(2 * hs)]);             // i, f
            Tanh(gates.Slice(2 * hs, hs));           // g
            Sigmoid(gates.Slice(3 * hs, hs));        // o
            // c = f ⊙ c + i ⊙ g, a vector at a time.
            Span<float> i = gates[..hs], f = gates.Slice(hs, hs), g = gates.Slice(2 * hs, hs), o = gates.Slice(3 * hs, hs);
            int j = 0;
            for (; j + Vector<float>.Count <= hs; j += Vector<float>.Count)
            {
                var cj = new Vector<float>(c[j..]);
                ((new Vector<float>(f[j..]) * cj) + (new Vector<float>(i[j..]) * new Vector<float>(g[j..]))).CopyTo(c[j..]);
            }

            for (; j < hs; j++)
            {
                c[j] = (f[j] * c[j]) + (i[j] * g[j]);
            }

            // h = o ⊙ tanh(c), with tanh(c) computed in h's place.
            c.CopyTo(h);
            Tanh(h);
            j = 0;
            for (; j + Vector<float>.Count <= hs; j += Vector<float>.Count)
            {
                (new Vector<float>(h[j..]) * new Vector<float>(o[j..])).CopyTo(h[j..]);
            }

            for (; j < hs; j++)
            {
                h[j] *= o[j];
            }
        }

        private void Sigmoid(Span<float> values)
        {
            if (_fast)
            {
                FastTanh.Sigmoid(values);
            }
            else
            {
                ActivationFunctions.Sigmoid(values);
            }
        }

        private void Tanh(Span<float> values)
        {
            if (_fast)
            {
                FastTanh.Apply(values);
            }
            else
            {
                ActivationFunctions.Tanh(values);
            }
        }
    }
}
