using System;
using NetGen.CompilerServices;

namespace NetGen.Tests;

/// <summary>
/// A hand-written double network for testing <see cref="GradientCheck"/>: ŷ = x·W + b (3 inputs, 2 outputs,
/// identity output, squared error, 8 parameters laid out like generated networks). Its gradient can be made
/// wrong on purpose, and its cost can be made to throw.
/// </summary>
internal sealed class LinearModel : ITrainableNetwork<double>
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

    public double Tau => 1;

    public double LeakySlope => 0.01;

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

    public double SgdStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double learningRate)
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

    // The training members, plainly: objective = mean cost (no L2 support needed by the gradient-check tests).
    public NetGen.Training.GradientOptimizer<double> Optimizer { get; } = new NetGen.Training.SgdOptimizer<double>((In * Out) + Out);

    public double L2Regularization { get; set; }

    public double Objective(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets)
    {
        int rows = inputs.Length / In;
        double cost = 0;
        for (int r = 0; r < rows; r++)
        {
            cost += Cost(inputs.Slice(r * In, In), targets.Slice(r * Out, Out));
        }

        return cost / rows;
    }

    public double ObjectiveGradient(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, Span<double> gradient)
    {
        int rows = inputs.Length / In;
        gradient.Clear();
        double cost = 0;
        for (int r = 0; r < rows; r++)
        {
            cost += AccumulateGradients(inputs.Slice(r * In, In), targets.Slice(r * Out, Out), gradient);
        }

        for (int k = 0; k < gradient.Length; k++)
        {
            gradient[k] /= rows;
        }

        return cost / rows;
    }

    public double TrainBatch(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets)
    {
        var gradient = new double[ParameterCount];
        double cost = ObjectiveGradient(inputs, targets, gradient);
        Optimizer.Step(parameters, gradient);
        return cost;
    }

    public double TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target) => TrainBatch(input, target);

    public void ForwardBatch(ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        for (int r = 0; r < inputs.Length / In; r++)
        {
            Forward(inputs.Slice(r * In, In), outputs.Slice(r * Out, Out));
        }
    }

    private double Scale(int index) => index == BrokenParameter ? -2 : 1;
}
