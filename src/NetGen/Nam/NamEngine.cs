using System;
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
}
