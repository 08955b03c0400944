using System;
using System.Collections.Generic;

namespace NetGen.Tests;

/// <summary>
/// An independent, deliberately plain implementation of the documented network in double precision:
/// z_{l+1} = a_l·W_l + b_l, a_{l+1} = f(z_{l+1}), J = Σ_j ½(y_j − ŷ_j)², with W_l stored [in][out] row-major
/// and followed by b_l. It calls neither generated code nor NetGen.Kernels, and has no backward pass of its
/// own: gradients come from central finite differences of <see cref="Cost"/>.
/// </summary>
internal sealed class ScalarReference
{
    private readonly NetworkSpec spec;

    /// <summary>Copies <paramref name="parameters"/> (every float is exactly representable as a double).</summary>
    public ScalarReference(NetworkSpec spec, ReadOnlySpan<float> parameters)
    {
        if (parameters.Length != spec.ParameterCount)
        {
            throw new ArgumentException(
                $"{spec.Name} has {spec.ParameterCount} parameters, got {parameters.Length}.", nameof(parameters));
        }

        this.spec = spec;
        Parameters = new double[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            Parameters[i] = parameters[i];
        }
    }

    /// <summary>The parameters, in the generated layout; finite differences perturb them in place.</summary>
    public double[] Parameters { get; }

    /// <summary>ŷ for one sample.</summary>
    public double[] Forward(ReadOnlySpan<float> input) => Run(input).Activations[^1];

    /// <summary>J = Σ_j ½(y_j − ŷ_j)² for one sample.</summary>
    public double Cost(ReadOnlySpan<float> input, ReadOnlySpan<float> target)
    {
        double[] output = Forward(input);
        double cost = 0;
        for (int j = 0; j < output.Length; j++)
        {
            double error = target[j] - output[j];
            cost += 0.5 * error * error;
        }

        return cost;
    }

    /// <summary>
    /// The smallest |z| over every ReLU layer's pre-activations (+∞ when there is no ReLU layer). Gradient
    /// tests keep it well away from 0, where ReLU has its kink and finite differences are meaningless.
    /// </summary>
    public double MinAbsReLUPreActivation(ReadOnlySpan<float> input)
    {
        double[][] z = Run(input).PreActivations;
        double min = double.PositiveInfinity;
        for (int l = 0; l < spec.WeightLayers; l++)
        {
            if (spec.ActivationOf(l) == Activation.ReLU)
            {
                foreach (double value in z[l + 1])
                {
                    min = Math.Min(min, Math.Abs(value));
                }
            }
        }

        return min;
    }

    /// <summary>Central differences (J(θ + εeᵢ) − J(θ − εeᵢ)) / 2ε for each index in <paramref name="indices"/>.</summary>
    public double[] NumericGradient(ReadOnlySpan<float> input, ReadOnlySpan<float> target, IReadOnlyList<int> indices, double epsilon)
    {
        var gradient = new double[indices.Count];
        for (int k = 0; k < indices.Count; k++)
        {
            int i = indices[k];
            double original = Parameters[i];
            Parameters[i] = original + epsilon;
            double plus = Cost(input, target);
            Parameters[i] = original - epsilon;
            double minus = Cost(input, target);
            Parameters[i] = original;
            gradient[k] = (plus - minus) / (2 * epsilon);
        }

        return gradient;
    }

    /// <summary>The forward pass, keeping z and a of every layer (index 0 of the activations is the input).</summary>
    private (double[][] PreActivations, double[][] Activations) Run(ReadOnlySpan<float> input)
    {
        int[] sizes = spec.LayerSizes;
        if (input.Length != sizes[0])
        {
            throw new ArgumentException($"Expected {sizes[0]} inputs, got {input.Length}.", nameof(input));
        }

        var z = new double[sizes.Length][];
        var a = new double[sizes.Length][];
        a[0] = new double[sizes[0]];
        for (int i = 0; i < sizes[0]; i++)
        {
            a[0][i] = input[i];
        }

        for (int l = 0; l < spec.WeightLayers; l++)
        {
            int fanIn = sizes[l], fanOut = sizes[l + 1];
            int w = spec.WeightOffset(l), b = spec.BiasOffset(l);
            z[l + 1] = new double[fanOut];
            a[l + 1] = new double[fanOut];
            for (int j = 0; j < fanOut; j++)
            {
                double sum = spec.Bias ? Parameters[b + j] : 0;
                for (int i = 0; i < fanIn; i++)
                {
                    sum += a[l][i] * Parameters[w + i * fanOut + j];
                }

                z[l + 1][j] = sum;
                a[l + 1][j] = Activate(spec.ActivationOf(l), sum);
            }
        }

        return (z, a);
    }

    private static double Activate(Activation activation, double z) => activation switch
    {
        Activation.Identity => z,
        Activation.Sigmoid => 1 / (1 + Math.Exp(-z)),
        Activation.Tanh => Math.Tanh(z),
        Activation.ReLU => z > 0 ? z : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };
}
