using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Benchmarks.Plain;

namespace NetGen.Benchmarks.Streaming;

/// <summary>
/// One streaming model of <c>--stream</c>: its key and label, its parameters (from a fixed seed), and the two timed
/// loops over a pool of input samples: a single-sample Step per call, and Process on 256-frame blocks. Each loop is
/// written against the concrete generated class, as an application would call it.
/// </summary>
internal sealed class StreamModel
{
    public const int PoolSize = 4096;
    public const int BlockSize = 256;

    private StreamModel(string key, string label, float[] parameters, Func<float[], float[], (PlainTimer.Batch Step, PlainTimer.Batch Block)> loops, Func<float[], float[], float[]> first64)
    {
        Key = key;
        Label = label;
        Parameters = parameters;
        Loops = loops;
        First64 = first64;
    }

    public string Key { get; }

    public string Label { get; }

    public float[] Parameters { get; }

    /// <summary>Builds the two loops over the given parameters and input pool.</summary>
    public Func<float[], float[], (PlainTimer.Batch Step, PlainTimer.Batch Block)> Loops { get; }

    /// <summary>The outputs of the first 64 frames from zero state, to check the C++ reference against.</summary>
    public Func<float[], float[], float[]> First64 { get; }

    public static IReadOnlyList<StreamModel> All { get; } =
    [
        Create<StreamLstm16>("lstm16", "LSTM 1-16, Dense 1"),
        Create<StreamLstm40>("lstm40", "LSTM 1-40, Dense 1"),
        Create<StreamGru16>("gru16", "GRU 1-16, Dense 1"),
        Create<StreamTcn>("tcn", "Conv1D ×4 (d 1-8), Dense 1"),
    ];

    /// <summary>Input samples uniform in [−1, 1), from a fixed seed.</summary>
    public static float[] Pool()
    {
        var random = new Random(12_345);
        return Enumerable.Range(0, PoolSize).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
    }

    private static StreamModel Create<TNet>(string key, string label)
        where TNet : ISequenceNetwork<float>, new()
    {
        var seeded = new TNet();
        seeded.InitializeParameters(seed: 7);
        return new StreamModel(key, label, seeded.Parameters.ToArray(), LoopsOf<TNet>, FirstOutputsOf<TNet>);
    }

    private static float[] FirstOutputsOf<TNet>(float[] parameters, float[] pool)
        where TNet : ISequenceNetwork<float>, new()
    {
        var net = new TNet();
        parameters.CopyTo(net.Parameters);
        var y = new float[64];
        net.Process(pool.AsSpan(0, 64), y);
        return y;
    }

    private static (PlainTimer.Batch, PlainTimer.Batch) LoopsOf<TNet>(float[] parameters, float[] pool)
        where TNet : ISequenceNetwork<float>, new()
    {
        return typeof(TNet) == typeof(StreamLstm16) ? Typed(new StreamLstm16(), parameters, pool)
            : typeof(TNet) == typeof(StreamLstm40) ? Typed(new StreamLstm40(), parameters, pool)
            : typeof(TNet) == typeof(StreamGru16) ? Typed(new StreamGru16(), parameters, pool)
            : Typed(new StreamTcn(), parameters, pool);
    }

    // One method per class, so that each loop calls the generated members directly (no interface dispatch).
    private static (PlainTimer.Batch, PlainTimer.Batch) Typed(StreamLstm16 net, float[] parameters, float[] pool)
    {
        parameters.CopyTo(net.Parameters);
        var y = new float[BlockSize];
        SequenceState<float> state = net.CreateState();
        return (
            (first, count) =>
            {
                float s = 0;
                for (long i = first; i < first + count; i++)
                {
                    net.Step(pool.AsSpan((int)(i & (PoolSize - 1)), 1), y.AsSpan(0, 1));
                    s += y[0];
                }

                return s;
            },
            (first, count) =>
            {
                float s = 0;
                for (long b = first; b < first + count; b++)
                {
                    net.Process(state, pool.AsSpan((int)((b * BlockSize) & (PoolSize - 1)), BlockSize), y);
                    s += y[BlockSize - 1];
                }

                return s / BlockSize;
            });
    }

    private static (PlainTimer.Batch, PlainTimer.Batch) Typed(StreamLstm40 net, float[] parameters, float[] pool)
    {
        parameters.CopyTo(net.Parameters);
        var y = new float[BlockSize];
        SequenceState<float> state = net.CreateState();
        return (
            (first, count) =>
            {
                float s = 0;
                for (long i = first; i < first + count; i++)
                {
                    net.Step(pool.AsSpan((int)(i & (PoolSize - 1)), 1), y.AsSpan(0, 1));
                    s += y[0];
                }

                return s;
            },
            (first, count) =>
            {
                float s = 0;
                for (long b = first; b < first + count; b++)
                {
                    net.Process(state, pool.AsSpan((int)((b * BlockSize) & (PoolSize - 1)), BlockSize), y);
                    s += y[BlockSize - 1];
                }

                return s / BlockSize;
            });
    }

    private static (PlainTimer.Batch, PlainTimer.Batch) Typed(StreamGru16 net, float[] parameters, float[] pool)
    {
        parameters.CopyTo(net.Parameters);
        var y = new float[BlockSize];
        SequenceState<float> state = net.CreateState();
        return (
            (first, count) =>
            {
                float s = 0;
                for (long i = first; i < first + count; i++)
                {
                    net.Step(pool.AsSpan((int)(i & (PoolSize - 1)), 1), y.AsSpan(0, 1));
                    s += y[0];
                }

                return s;
            },
            (first, count) =>
            {
                float s = 0;
                for (long b = first; b < first + count; b++)
                {
                    net.Process(state, pool.AsSpan((int)((b * BlockSize) & (PoolSize - 1)), BlockSize), y);
                    s += y[BlockSize - 1];
                }

                return s / BlockSize;
            });
    }

    private static (PlainTimer.Batch, PlainTimer.Batch) Typed(StreamTcn net, float[] parameters, float[] pool)
    {
        parameters.CopyTo(net.Parameters);
        var y = new float[BlockSize];
        SequenceState<float> state = net.CreateState();
        return (
            (first, count) =>
            {
                float s = 0;
                for (long i = first; i < first + count; i++)
                {
                    net.Step(pool.AsSpan((int)(i & (PoolSize - 1)), 1), y.AsSpan(0, 1));
                    s += y[0];
                }

                return s;
            },
            (first, count) =>
            {
                float s = 0;
                for (long b = first; b < first + count; b++)
                {
                    net.Process(state, pool.AsSpan((int)((b * BlockSize) & (PoolSize - 1)), BlockSize), y);
                    s += y[BlockSize - 1];
                }

                return s / BlockSize;
            });
    }
}
