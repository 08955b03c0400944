using System;
using System.Linq;
using NetGen.CompilerServices;
using NetGen.Matrix.Tests.Networks;
using NetGen.Matrix.Tests.Reference;

namespace NetGen.Matrix.Tests.Support;

/// <summary>
/// A compiled network with deterministic random parameters and samples, chosen so that the finite-difference
/// reference is trustworthy: no ReLU/LeakyReLU/ELU pre-activation within <see cref="KinkMargin"/> of 0, outputs
/// away from saturation, every ReLU layer passing some signal, exponential costs of moderate size.
/// </summary>
internal sealed class MatrixCase
{
    /// <summary>The smallest |z| allowed at a kink (ReLU, LeakyReLU) or at ELU's jump in f″.</summary>
    public const double KinkMargin = 1e-3;

    public const int SampleCount = 2;

    private const int MaxAttempts = 200;

    private MatrixCase(MatrixSpec spec, NetworkHandle network, ReferenceNetwork reference, double[] parameters, Sample[] samples)
    {
        Spec = spec;
        Network = network;
        Reference = reference;
        Parameters = parameters;
        Samples = samples;
    }

    public MatrixSpec Spec { get; }

    public NetworkHandle Network { get; }

    public ReferenceNetwork Reference { get; }

    /// <summary>The network's parameters, exactly (they are representable in its element type).</summary>
    public double[] Parameters { get; }

    public Sample[] Samples { get; }

    public static MatrixCase Prepare(MatrixSpec spec)
    {
        NetworkHandle network = NetworkHandle.Create(spec);
        ReferenceNetwork reference = ReferenceNetwork.For(spec);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var random = SplitMix.For(spec.Name, attempt);
            double[] parameters = network.Round(RandomParameters(spec, random));
            Sample[] samples = Enumerable.Range(0, SampleCount)
                .Select(_ => new Sample(network.Round(RandomInput(spec, random)), network.Round(RandomTarget(spec, random))))
                .ToArray();
            if (IsSuitable(spec, reference, parameters, samples))
            {
                network.SetParameters(parameters);
                return new MatrixCase(spec, network, reference, parameters, samples);
            }
        }

        throw new InvalidOperationException($"{spec.Name}: no suitable parameters and samples in {MaxAttempts} attempts.");
    }

    /// <summary>The smallest |z| over every layer whose activation has a kink (or ELU's f″ jump); ∞ if none.</summary>
    public static double KinkDistance(MatrixSpec spec, ReferenceNetwork reference, double[] parameters, Sample[] samples)
    {
        double distance = double.PositiveInfinity;
        foreach (Sample sample in samples)
        {
            ReferenceNetwork.Trace trace = reference.Forward(parameters, sample.Input);
            for (int l = 0; l < trace.Z.Length; l++)
            {
                if (spec.Activations[l] is Activation.ReLU or Activation.LeakyReLU or Activation.ELU)
                {
                    distance = Math.Min(distance, trace.Z[l].Min(Math.Abs));
                }
            }
        }

        return distance;
    }

    private static bool IsSuitable(MatrixSpec spec, ReferenceNetwork reference, double[] parameters, Sample[] samples)
    {
        if (!(KinkDistance(spec, reference, parameters, samples) > KinkMargin))
        {
            return false;
        }

        foreach (Sample sample in samples)
        {
            ReferenceNetwork.Trace trace = reference.Forward(parameters, sample.Input);
            for (int l = 0; l < trace.Z.Length; l++)
            {
                if (spec.Activations[l] == Activation.ReLU && trace.Z[l].All(z => z <= 0))
                {
                    return false;
                }
            }

            double[] y = trace.Output;
            bool saturated = spec.Output switch
            {
                Activation.Sigmoid => y.Any(v => v < 0.02 || v > 0.98),
                Activation.Softmax => y.Any(v => v < 1e-3),
                Activation.LogSoftmax => y.Any(v => v < Math.Log(1e-3)),
                _ => false,
            };
            if (saturated || (spec.Loss == Loss.Hellinger && y.Any(v => v < 1e-3)))
            {
                return false;
            }

            if (spec.Loss == Loss.Exponential
                && y.Select((v, j) => (v - sample.Target[j]) * (v - sample.Target[j])).Sum() / spec.Tau > 8)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Weights uniform in ±√(6/(in + out)) (Glorot), biases uniform in ±0.2.</summary>
    private static double[] RandomParameters(MatrixSpec spec, SplitMix random)
    {
        var parameters = new double[NetworkLayout.ParameterCount(spec.Sizes, spec.Bias)];
        int offset = 0;
        for (int l = 0; l + 1 < spec.Sizes.Length; l++)
        {
            int fanIn = spec.Sizes[l], fanOut = spec.Sizes[l + 1];
            double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
            for (int k = 0; k < fanIn * fanOut; k++)
            {
                parameters[offset++] = random.Next(-limit, limit);
            }

            for (int k = 0; spec.Bias && k < fanOut; k++)
            {
                parameters[offset++] = random.Next(-0.2, 0.2);
            }
        }

        return parameters;
    }

    private static double[] RandomInput(MatrixSpec spec, SplitMix random) =>
        Enumerable.Range(0, spec.InputSize).Select(_ => random.Next(-1, 1)).ToArray();

    /// <summary>
    /// A target the cost is defined for: a probability vector for Softmax with cross entropy or Hellinger, and for
    /// LogSoftmax with cross entropy (the negative log-likelihood); log-probabilities for LogSoftmax with another cost,
    /// which compares them with its outputs; values in (0, 1) otherwise.
    /// </summary>
    private static double[] RandomTarget(MatrixSpec spec, SplitMix random)
    {
        double[] target = Enumerable.Range(0, spec.OutputSize).Select(_ => random.Next(0.05, 0.95)).ToArray();
        if (spec.Output == Activation.LogSoftmax && spec.Loss != Loss.CrossEntropy)
        {
            double total = target.Sum();
            return target.Select(v => Math.Log(v / total)).ToArray();
        }

        if ((spec.Output == Activation.Softmax && spec.Loss is Loss.CrossEntropy or Loss.Hellinger) ||
            (spec.Output == Activation.LogSoftmax && spec.Loss == Loss.CrossEntropy))
        {
            double sum = target.Sum();
            for (int j = 0; j < target.Length; j++)
            {
                target[j] /= sum;
            }
        }

        return target;
    }
}
