using System;

namespace NetGen.Tests;

/// <summary>
/// A hand-written double network for testing <see cref="GradientCheck"/>: ŷ = x·W + b (3 inputs, 2 outputs,
/// identity output, squared error, 8 parameters laid out like generated networks). Its gradient can be made
/// wrong on purpose, and its cost can be made to throw.
/// </summary>
internal sealed class LinearModel : INetwork<double>
{
    private const int In = 3, Out = 2;
    private static readonly int[] Sizes = [In, Out];
    private static readonly Activation[] LayerActivations = [Activation.Identity];
    private readonly double[] parameters = new double[(In * Out) + Out];

    /// <summary>When set, ∂J/∂θ of this parameter is reported doubled and with the wrong sign.</summary>
    public int? BrokenParameter { get; init; }

    /// <summary>When set, the n-th call of <see cref="Cost"/> (1-based) throws.</summary>
    public int? ThrowOnCostCall { get; init; }

    public int CostCalls { get; private set; }

    public int InputSize => In;

    public int OutputSize => Out;

    public int ParameterCount => parameters.Length;

    public ReadOnlySpan<int> LayerSizes => Sizes;

    public ReadOnlySpan<Activation> Activations => LayerActivations;

    public Loss Loss => Loss.SquaredError;

    public bool HasBias => true;

    public Span<double> Parameters => parameters;

    public void Forward(ReadOnlySpan<double> input, Span<double> output)
    {
        for (int j = 0; j < Out; j++)
        {
            double z = parameters[(In * Out) + j];
            for (int i = 0; i < In; i++)
            {
                z += input[i] * parameters[(i * Out) + j];
            }

            output[j] = z;
        }
    }

    public double Cost(ReadOnlySpan<double> input, ReadOnlySpan<double> target)
    {
        if (++CostCalls == ThrowOnCostCall)
        {
            throw new InvalidOperationException("Cost failed on purpose.");
        }

        Span<double> output = stackalloc double[Out];
        Forward(input, output);
        double cost = 0;
        for (int j = 0; j < Out; j++)
        {
            cost += 0.5 * (target[j] - output[j]) * (target[j] - output[j]);
        }

        return cost;
    }

    public double AccumulateGradients(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> gradients)
    {
        Span<double> output = stackalloc double[Out];
        Forward(input, output);
        double cost = 0;
        for (int j = 0; j < Out; j++)
        {
            double delta = output[j] - target[j]; // δ = ŷ − y (identity output)
            cost += 0.5 * delta * delta;
            for (int i = 0; i < In; i++)
            {
                gradients[(i * Out) + j] += Scale((i * Out) + j) * input[i] * delta; // ∂J/∂W = xᵀ·δ
            }

            gradients[(In * Out) + j] += Scale((In * Out) + j) * delta; // ∂J/∂b = δ
        }

        return cost;
    }

    public double TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double learningRate)
    {
        Span<double> gradients = stackalloc double[parameters.Length];
        gradients.Clear();
        double cost = AccumulateGradients(input, target, gradients);
        for (int k = 0; k < parameters.Length; k++)
        {
            parameters[k] -= learningRate * gradients[k];
        }

        return cost;
    }

    public void InitializeParameters(int seed) =>
        ParameterInitializer.Initialize<double>(parameters, Sizes, LayerActivations, hasBias: true, seed);

    private double Scale(int index) => index == BrokenParameter ? -2 : 1;
}
