using System;
using NetGen.Formats;

namespace NetGen.Nam;

/// <summary>
/// A NAM LSTM: PyTorch cells stacked, the next layer's input the previous h, and a linear head on the last h:
/// <code>
/// [i f g o] = W·[x; h] + b      i, f, o = σ(·), g = tanh(·)
/// c = f ⊙ c + i ⊙ g             h = o ⊙ tanh(c)
/// y = w_head·h_last + b_head
/// </code>
/// A reset state is the file's h0 and c0 advanced by <see cref="PrewarmSamples"/> of silence, as NAM core prewarms;
/// it is computed once, when the engine is built, and copied on every reset.
/// </summary>
internal sealed class LstmEngine : NamEngine
{
    private readonly int _hidden;
    private readonly LayerPlan[] _layers;
    private readonly float[] _head;
    private readonly float _headBias;
    private readonly float[] _prewarmed;   // per layer h then c, after the prewarm

    public LstmEngine(NamModelDescription model)
        : base(model)
    {
        NamLstm lstm = model.Lstm!;
        _hidden = lstm.HiddenSize;
        float[] w = model.Weights;
        int at = 0;
        _layers = new LayerPlan[lstm.Layers];
        var initial = new float[2 * _hidden * lstm.Layers];
        for (int l = 0; l < _layers.Length; l++)
        {
            _layers[l] = new LayerPlan(l == 0 ? lstm.InputSize : _hidden, _hidden, w, ref at);
            Take(w, ref at, 2 * _hidden).CopyTo(initial, 2 * _hidden * l);   // h0, c0
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
        for (int done = 0; done < PrewarmSamples(model); done += silence.Length)
        {
            int count = Math.Min(silence.Length, PrewarmSamples(model) - done);
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

    public override void Process(NamState state, ReadOnlySpan<float> input, Span<float> output)
    {
        var s = (State)state;
        int h = _hidden;
        Span<float> x = stackalloc float[1];
        for (int t = 0; t < input.Length; t++)
        {
            x[0] = input[t];
            ReadOnlySpan<float> layerInput = x;
            for (int l = 0; l < _layers.Length; l++)
            {
                Span<float> hc = s.Values.AsSpan(2 * h * l, 2 * h);
                _layers[l].Step(layerInput, hc[..h], hc[h..], s.Gates);
                layerInput = hc[..h];
            }

            output[t] = _headBias + Dot(_head, layerInput);
        }
    }

    private sealed class State : NamState
    {
        public State(LstmEngine engine, float[] values)
        {
            Values = (float[])values.Clone();
            Gates = new float[4 * engine._hidden];
        }

        /// <summary>Per layer h then c.</summary>
        public float[] Values { get; }

        public float[] Gates { get; }
    }

    /// <summary>One cell: W [4H][I + H] row-major ([W_ih | W_hh] side by side, gates i, f, g, o), b [4H].</summary>
    private sealed class LayerPlan
    {
        private readonly int _inputs;
        private readonly int _hidden;
        private readonly float[] _w;
        private readonly float[] _b;

        public LayerPlan(int inputs, int hidden, float[] w, ref int at)
        {
            _inputs = inputs;
            _hidden = hidden;
            _w = Take(w, ref at, 4 * hidden * (inputs + hidden));
            _b = Take(w, ref at, 4 * hidden);
        }

        public void Step(ReadOnlySpan<float> x, Span<float> h, Span<float> c, Span<float> gates)
        {
            int n = _inputs + _hidden, hs = _hidden;
            for (int r = 0; r < 4 * hs; r++)
            {
                ReadOnlySpan<float> row = _w.AsSpan(r * n, n);
                gates[r] = _b[r] + Dot(row[.._inputs], x) + Dot(row[_inputs..], h);
            }

            for (int j = 0; j < hs; j++)
            {
                float i = Sigmoid(gates[j]), f = Sigmoid(gates[hs + j]), g = MathF.Tanh(gates[(2 * hs) + j]), o = Sigmoid(gates[(3 * hs) + j]);
                c[j] = (f * c[j]) + (i * g);
                h[j] = o * MathF.Tanh(c[j]);
            }
        }
    }
}
