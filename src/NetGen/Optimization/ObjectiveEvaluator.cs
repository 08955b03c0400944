using System;
using System.Numerics;

namespace NetGen.Optimization;

/// <summary>
/// What the minimizer evaluates: f and ∇f at a point. Implemented by small structs (ref structs when they hold
/// spans) so that the generic minimizer is specialized for each and calls them without a delegate or boxing.
/// </summary>
internal interface IObjectiveEvaluator
{
    /// <summary>Writes ∇f(x) into <paramref name="gradient"/> and returns f(x).</summary>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}

/// <summary>Evaluates a user's <see cref="ObjectiveFunction"/>.</summary>
internal readonly struct DelegateObjective : IObjectiveEvaluator
{
    private readonly ObjectiveFunction _function;

    public DelegateObjective(ObjectiveFunction function) => _function = function;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient) => _function(x, gradient);
}

/// <summary>
/// Evaluates a network's full-batch <see cref="ITrainableNetwork{T}.Objective"/> at a point given in double: writes the point
/// into the network's parameters (rounded to <typeparamref name="T"/>), calls
/// <see cref="ITrainableNetwork{T}.ObjectiveGradient"/>, and widens the gradient back to double.
/// </summary>
internal readonly ref struct NetworkObjective<T> : IObjectiveEvaluator
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ITrainableNetwork<T> _network;
    private readonly ReadOnlySpan<T> _inputs;
    private readonly ReadOnlySpan<T> _targets;
    private readonly Span<T> _gradient;

    public NetworkObjective(ITrainableNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient)
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
        return Widen(cost, _gradient, gradient);
    }

    /// <summary>Sets the network's parameters to <paramref name="x"/>, rounded to <typeparamref name="T"/>.</summary>
    public static void WriteParameters(ITrainableNetwork<T> network, ReadOnlySpan<double> x) => Narrow(x, network.Parameters);

    /// <summary>Rounds <paramref name="x"/> to <typeparamref name="T"/> into <paramref name="parameters"/>.</summary>
    internal static void Narrow(ReadOnlySpan<double> x, Span<T> parameters)
    {
        for (int i = 0; i < x.Length; i++)
        {
            parameters[i] = T.CreateTruncating(x[i]);
        }
    }

    /// <summary>Widens a gradient of <typeparamref name="T"/> into <paramref name="gradient"/>; returns the cost in double.</summary>
    internal static double Widen(T cost, ReadOnlySpan<T> source, Span<double> gradient)
    {
        for (int i = 0; i < source.Length; i++)
        {
            gradient[i] = double.CreateTruncating(source[i]);
        }

        return double.CreateTruncating(cost);
    }
}
