using System;
using System.Numerics;

namespace NetGen.Optimization;

/// <summary>
/// Evaluates a sequence network's <see cref="ISequenceNetwork{T}.Objective(ReadOnlySpan{T}, ReadOnlySpan{T})"/> over one sequence at a point given in
/// double: writes the point into the parameters (rounded to <typeparamref name="T"/>), runs
/// <see cref="ISequenceNetwork{T}.ObjectiveGradient(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T})"/> and widens the gradient to double.
/// </summary>
internal readonly ref struct SequenceObjective<T> : IObjectiveEvaluator
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ISequenceNetwork<T> _network;
    private readonly ReadOnlySpan<T> _inputs;
    private readonly ReadOnlySpan<T> _targets;
    private readonly Span<T> _gradient;

    public SequenceObjective(ISequenceNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient)
    {
        _network = network;
        _inputs = inputs;
        _targets = targets;
        _gradient = gradient;
    }

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        WriteParameters(_network, x);
        T cost = _network.ObjectiveGradient(_inputs, _targets, _gradient);
        return NetworkObjective<T>.Widen(cost, _gradient, gradient);
    }

    /// <summary>Sets the network's parameters to <paramref name="x"/>, rounded to <typeparamref name="T"/>.</summary>
    public static void WriteParameters(ISequenceNetwork<T> network, ReadOnlySpan<double> x) => NetworkObjective<T>.Narrow(x, network.Parameters);
}
