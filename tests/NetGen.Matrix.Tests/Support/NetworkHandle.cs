using System;
using System.Collections.Generic;
using System.Numerics;
using NetGen.Matrix.Tests.InMemory;
using NetGen.Matrix.Tests.Networks;
using NetGen.Matrix.Tests.Reference;

namespace NetGen.Matrix.Tests.Support;

/// <summary>
/// A compiled matrix network used through <see cref="ITrainableNetwork{T}"/>, seen in double: values go in rounded to the
/// element type, and come out widened exactly. The computation itself happens in the element type.
/// </summary>
internal abstract class NetworkHandle
{
    protected NetworkHandle(MatrixSpec spec) => Spec = spec;

    public MatrixSpec Spec { get; }

    public abstract int ParameterCount { get; }

    public static NetworkHandle Create(MatrixSpec spec)
    {
        object instance = MatrixAssembly.CreateInstance(spec);
        return spec.IsDouble
            ? new NetworkHandle<double>(spec, (ITrainableNetwork<double>)instance)
            : new NetworkHandle<float>(spec, (ITrainableNetwork<float>)instance);
    }

    /// <summary>The nearest value of the element type, as a double.</summary>
    public double Round(double value) => Spec.IsDouble ? value : (float)value;

    public double[] Round(IReadOnlyList<double> values)
    {
        var rounded = new double[values.Count];
        for (int i = 0; i < rounded.Length; i++)
        {
            rounded[i] = Round(values[i]);
        }

        return rounded;
    }

    public abstract double[] GetParameters();

    /// <summary>Stores the values rounded to the element type.</summary>
    public abstract void SetParameters(IReadOnlyList<double> values);

    public abstract double[] Forward(double[] input);

    public abstract double Cost(double[] input, double[] target);

    /// <summary>AccumulateGradients of every sample into one zeroed buffer (in the element type); returns Σ J.</summary>
    public abstract double AccumulateGradients(IReadOnlyList<Sample> samples, out double[] gradient);

    public abstract double SgdStep(double[] input, double[] target, double learningRate);
}

/// <inheritdoc cref="NetworkHandle"/>
internal sealed class NetworkHandle<T> : NetworkHandle
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public NetworkHandle(MatrixSpec spec, ITrainableNetwork<T> network)
        : base(spec) => Network = network;

    public ITrainableNetwork<T> Network { get; }

    public override int ParameterCount => Network.ParameterCount;

    public override double[] GetParameters() => Widen(Network.Parameters);

    public override void SetParameters(IReadOnlyList<double> values)
    {
        Span<T> parameters = Network.Parameters;
        if (values.Count != parameters.Length)
        {
            throw new ArgumentException($"Expected {parameters.Length} parameters, got {values.Count}.", nameof(values));
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = T.CreateChecked(values[i]);
        }
    }

    public override double[] Forward(double[] input)
    {
        var output = new T[Network.OutputSize];
        Network.Forward(Narrow(input), output);
        return Widen(output);
    }

    public override double Cost(double[] input, double[] target) =>
        double.CreateChecked(Network.Cost(Narrow(input), Narrow(target)));

    public override double AccumulateGradients(IReadOnlyList<Sample> samples, out double[] gradient)
    {
        var buffer = new T[Network.ParameterCount];
        double total = 0;
        foreach (Sample sample in samples)
        {
            total += double.CreateChecked(Network.AccumulateGradients(Narrow(sample.Input), Narrow(sample.Target), buffer));
        }

        gradient = Widen(buffer);
        return total;
    }

    public override double SgdStep(double[] input, double[] target, double learningRate) =>
        double.CreateChecked(Network.SgdStep(Narrow(input), Narrow(target), T.CreateChecked(learningRate)));

    private static T[] Narrow(double[] values)
    {
        var narrowed = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            narrowed[i] = T.CreateChecked(values[i]);
        }

        return narrowed;
    }

    private static double[] Widen(ReadOnlySpan<T> values)
    {
        var widened = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            widened[i] = double.CreateChecked(values[i]);
        }

        return widened;
    }
}
