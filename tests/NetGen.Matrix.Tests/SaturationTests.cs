using System;
using System.Linq;
using NetGen.Matrix.Tests.Networks;
using NetGen.Matrix.Tests.Reference;
using NetGen.Matrix.Tests.Support;
using Xunit;

namespace NetGen.Matrix.Tests;

/// <summary>
/// Cross entropy and Hellinger stay finite when outputs saturate: huge output weights drive sigmoid and softmax
/// outputs to exactly 0 and 1 (softplus to exactly 0) in the element type, and Cost, the value AccumulateGradients
/// returns and every gradient component must still be finite numbers; J equals the reference with ln's argument
/// clamped at the smallest positive normal value of the element type.
/// </summary>
public sealed class SaturationTests
{
    private const double HugeWeight = 1e5;

    private static readonly double[] Input = [0.5, -0.3, 0.8];

    public static TheoryData<string> Networks
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (MatrixSpec spec in FixedNetworks.Saturating)
            {
                data.Add(spec.ClassName);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void SaturatedOutputs_GiveFiniteCostAndGradients(string className)
    {
        MatrixSpec spec = FixedNetworks.Saturating.Single(s => s.ClassName == className);
        NetworkHandle network = NetworkHandle.Create(spec);
        double[] parameters = SaturatingParameters(network);
        network.SetParameters(parameters);
        double[] target = network.Round(spec.Output == Activation.Softmax ? [0.2, 0.5, 0.3] : [0.3, 0.6, 0.8]);

        // z_out = (1, −1, ½)·1e5·Σa with Σa > 0 (sigmoid hidden layer): the outputs are exactly saturated.
        double[] output = network.Forward(Input);
        double[] expectedOutput = spec.Output switch
        {
            Activation.Sigmoid => [1, 0, 1],
            Activation.Softmax => [1, 0, 0],
            _ => [output[0], 0, output[2]],
        };
        Assert.Equal(expectedOutput, output);

        double cost = network.Cost(Input, target);
        double returned = network.AccumulateGradients([new Sample(Input, target)], out double[] gradient);
        Assert.True(double.IsFinite(cost), $"{spec.Name}: Cost = {cost}");
        Assert.True(double.IsFinite(returned), $"{spec.Name}: AccumulateGradients returned {returned}");
        int bad = Array.FindIndex(gradient, g => !double.IsFinite(g));
        Assert.True(bad < 0, $"{spec.Name}: gradient[{bad}] = {(bad < 0 ? 0 : gradient[bad])}");

        ReferenceNetwork reference = ReferenceNetwork.For(spec);
        double expected = reference.Cost(parameters, Input, target);
        double tolerance = ForwardTests.Tolerance(spec);
        Assert.True(Errors.ScalarRelative(cost, expected) < tolerance, $"{spec.Name}: J = {cost:R}, reference {expected:R}");
        Assert.True(Errors.ScalarRelative(returned, expected) < tolerance, $"{spec.Name}: returned J = {returned:R}, reference {expected:R}");
        if (spec.Loss == Loss.CrossEntropy)
        {
            // Each clamped ln term is at most −ln(smallest normal): ≈ 87.3 (float), ≈ 708.4 (double).
            double perTerm = -Math.Log(reference.LogFloor);
            Assert.InRange(perTerm, spec.IsDouble ? 708.3 : 87.3, spec.IsDouble ? 708.4 : 87.4);
            Assert.InRange(cost, 0, spec.OutputSize * perTerm);
        }
    }

    [Theory]
    [InlineData(nameof(FixedNetworks.LargeLogitsLogSoftmaxSingle))]
    [InlineData(nameof(FixedNetworks.LargeLogitsLogSoftmaxDouble))]
    public void LogSoftmax_OfHugeLogits_GivesFiniteLogProbabilities_CostAndGradients(string className)
    {
        MatrixSpec spec = className == nameof(FixedNetworks.LargeLogitsLogSoftmaxSingle)
            ? FixedNetworks.LargeLogitsLogSoftmaxSingle
            : FixedNetworks.LargeLogitsLogSoftmaxDouble;
        NetworkHandle network = NetworkHandle.Create(spec);
        double[] parameters = SaturatingParameters(network);
        network.SetParameters(parameters);
        double[] target = network.Round([0.2, 0.5, 0.3]);

        // z_out = (1, −1, ½)·1e5·Σa: softmax would give (1, 0, 0), whose logarithms are 0, −∞, −∞; log-softmax
        // gives ŷ_j = z_j − z_0 − ln(1 + e^(z_1 − z_0) + e^(z_2 − z_0)) = (0, −2e5·Σa, −½e5·Σa), all finite.
        double[] output = network.Forward(Input);
        ReferenceNetwork reference = ReferenceNetwork.For(spec);
        double[] expectedOutput = reference.Forward(parameters, Input).Output;
        Assert.Equal(0, output[0]);
        Assert.True(output[1] < -1e4 && output[2] < -1e4, $"{spec.Name}: outputs {string.Join(", ", output)}");
        for (int j = 1; j < 3; j++)
        {
            Assert.True(Errors.ScalarRelative(output[j], expectedOutput[j]) < ForwardTests.Tolerance(spec), $"{spec.Name}: ŷ{j} = {output[j]:R}, reference {expectedOutput[j]:R}");
        }

        double cost = network.Cost(Input, target);
        double returned = network.AccumulateGradients([new Sample(Input, target)], out double[] gradient);
        double expected = reference.Cost(parameters, Input, target);
        Assert.True(Errors.ScalarRelative(cost, expected) < ForwardTests.Tolerance(spec), $"{spec.Name}: J = {cost:R}, reference {expected:R}");
        Assert.True(Errors.ScalarRelative(returned, expected) < ForwardTests.Tolerance(spec), $"{spec.Name}: returned J = {returned:R}");
        int bad = Array.FindIndex(gradient, g => !double.IsFinite(g));
        Assert.True(bad < 0, $"{spec.Name}: gradient[{bad}] = {(bad < 0 ? 0 : gradient[bad])}");
    }

    /// <summary>First layer moderate; output layer W2[i][j] = (1, −1, ½)_j·1e5, b2 = 0.</summary>
    private static double[] SaturatingParameters(NetworkHandle network)
    {
        var random = new SplitMix(7);
        double[] parameters = new double[network.ParameterCount];
        int hiddenEnd = (3 * 4) + 4;
        for (int k = 0; k < hiddenEnd; k++)
        {
            parameters[k] = random.Next(-1, 1);
        }

        double[] sign = [1, -1, 0.5];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                parameters[hiddenEnd + (i * 3) + j] = sign[j] * HugeWeight;
            }
        }

        return network.Round(parameters);
    }
}
