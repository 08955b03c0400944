using System;
using System.Collections.Generic;
using NetGen.CompilerServices;
using NetGen.Matrix.Tests.Networks;

namespace NetGen.Matrix.Tests.Reference;

/// <summary>
/// A plain scalar evaluation of a network in double: z_{l+1} = a_l·W_l + b_l, a_{l+1} = f(z_{l+1}), then J.
/// Reads parameters in the generated layout (per layer W as [in][out] row-major, then b) and nothing else.
/// </summary>
internal sealed class ReferenceNetwork
{
    private readonly MatrixSpec spec;

    public ReferenceNetwork(MatrixSpec spec, double logFloor)
    {
        this.spec = spec;
        LogFloor = logFloor;
    }

    /// <summary>The smallest positive normal value of the network's element type, the floor of ln's argument.</summary>
    public double LogFloor { get; }

    public static ReferenceNetwork For(MatrixSpec spec) =>
        new(spec, spec.IsDouble ? 2.2250738585072014E-308 : 1.1754943508222875E-38);

    /// <summary>Pre-activations z and activations a of every weight layer, and the output.</summary>
    public Trace Forward(IReadOnlyList<double> parameters, double[] input)
    {
        int[] sizes = spec.Sizes;
        if (parameters.Count != NetworkLayout.ParameterCount(sizes, spec.Bias) || input.Length != sizes[0])
        {
            throw new ArgumentException("Parameters or input do not fit the network.");
        }

        var z = new double[sizes.Length - 1][];
        var a = new double[sizes.Length - 1][];
        double[] previous = input;
        int offset = 0;
        for (int l = 0; l + 1 < sizes.Length; l++)
        {
            int fanIn = sizes[l], fanOut = sizes[l + 1];
            var zl = new double[fanOut];
            for (int j = 0; j < fanOut; j++)
            {
                double sum = 0;
                for (int i = 0; i < fanIn; i++)
                {
                    sum += previous[i] * parameters[offset + (i * fanOut) + j];
                }

                zl[j] = sum;
            }

            offset += fanIn * fanOut;
            if (spec.Bias)
            {
                for (int j = 0; j < fanOut; j++)
                {
                    zl[j] += parameters[offset + j];
                }

                offset += fanOut;
            }

            Activation activation = spec.Activations[l];
            double[] al;
            if (activation == Activation.Softmax)
            {
                al = ScalarActivation.Softmax(zl);
            }
            else if (activation == Activation.LogSoftmax)
            {
                al = ScalarActivation.LogSoftmax(zl);
            }
            else
            {
                al = new double[fanOut];
                for (int j = 0; j < fanOut; j++)
                {
                    al[j] = ScalarActivation.Apply(activation, zl[j], spec.LeakySlope);
                }
            }

            z[l] = zl;
            a[l] = al;
            previous = al;
        }

        return new Trace(z, a);
    }

    public double Cost(IReadOnlyList<double> parameters, double[] input, double[] target) =>
        Cost(Forward(parameters, input).Output, target);

    /// <summary>J of an output ŷ (computed by anyone) against y.</summary>
    public double Cost(double[] output, double[] target) =>
        ScalarCost.Evaluate(spec.Loss, spec.Output, output, target, spec.Tau, LogFloor);

    /// <summary>Σ over samples of J.</summary>
    public double TotalCost(IReadOnlyList<double> parameters, IReadOnlyList<Sample> samples)
    {
        double total = 0;
        foreach (Sample sample in samples)
        {
            total += Cost(parameters, sample.Input, sample.Target);
        }

        return total;
    }

    /// <summary>What a forward pass computed: per weight layer l (0-based), Z[l] and A[l] = f(Z[l]).</summary>
    public sealed record Trace(double[][] Z, double[][] A)
    {
        public double[] Output => A[^1];
    }
}
