using System;
using Xunit;

namespace NetGen.Tests;

/// <summary>AccumulateGradients against central finite differences of the double-precision reference cost.</summary>
public sealed class GradientTests
{
    /// <summary>Finite-difference step in double: truncation error ~ε² and cancellation ~1e−16/ε are both ≤ 1e−10.</summary>
    private const double Epsilon = 1e-6;

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void AccumulateGradients_MatchesFiniteDifferences(string name) =>
        AssertGradientMatchesFiniteDifferences(NetworkCases.Create(name), seed: 201);

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void AccumulateGradients_WithNonZeroBiases_MatchesFiniteDifferences(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        TestData.Fill(new Random(17), c.Network.Parameters, -0.6f, 0.6f);
        AssertGradientMatchesFiniteDifferences(c, seed: 202);
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void AccumulateGradients_CalledTwice_AddsTwice(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        (float[] input, float[] target) = TestData.Samples(c, rows: 1, seed: 203);
        var once = new float[c.Spec.ParameterCount];
        var twice = new float[c.Spec.ParameterCount];

        float cost = c.Network.AccumulateGradients(input, target, once);
        c.Network.AccumulateGradients(input, target, twice);
        float secondCost = c.Network.AccumulateGradients(input, target, twice);

        Assert.Equal(cost, secondCost);
        var doubled = new float[once.Length];
        for (int i = 0; i < once.Length; i++)
        {
            doubled[i] = 2 * once[i];
        }

        // g + g is exact; an FMA that adds a·δ straight into the buffer rounds once more (a few ulps).
        NumericAssert.AllClose(doubled, twice, NumericAssert.ReassociationTolerance, $"{name} 2g");
        Assert.Contains(once, g => g != 0);
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void AccumulateGradients_KeepsPreviousBufferContent(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        (float[] input, float[] target) = TestData.Samples(c, rows: 1, seed: 204);
        var gradient = new float[c.Spec.ParameterCount];
        c.Network.AccumulateGradients(input, target, gradient);
        var prefilled = new float[gradient.Length];
        TestData.Fill(new Random(3), prefilled, -1, 1);
        var expected = new float[gradient.Length];
        for (int i = 0; i < gradient.Length; i++)
        {
            expected[i] = prefilled[i] + gradient[i];
        }

        c.Network.AccumulateGradients(input, target, prefilled);

        NumericAssert.AllClose(expected, prefilled, NumericAssert.ReassociationTolerance, $"{name} buffer + g");
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void AccumulateGradients_DoesNotChangeParameters(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        (float[] input, float[] target) = TestData.Samples(c, rows: 1, seed: 205);
        float[] before = c.Network.Parameters.ToArray();

        c.Network.AccumulateGradients(input, target, new float[c.Spec.ParameterCount]);

        NumericAssert.BitwiseEqual(before, c.Network.Parameters, $"{name} parameters");
    }

    [Fact]
    public void ReLU_DerivativeAtExactlyZero_IsZero()
    {
        // Hidden unit 0 of ReluNet gets z = 0 exactly (zero weights into it and zero bias), so a = 0 and by the
        // contract f′(0) = 0: δ2[0] = 0, hence ∂J/∂W1[i][0] = x_i·δ2[0] = 0 and ∂J/∂b1[0] = 0, although the
        // unit's outgoing weights are not zero. Finite differences cannot check this (the kink), so it is explicit.
        NetworkSpec spec = NetworkCases.Relu;
        var net = new ReluNet();
        TestData.Fill(new Random(21), net.Parameters, 0.2f, 0.8f);
        int w1 = spec.WeightOffset(0), b1 = spec.BiasOffset(0), hidden = spec.LayerSizes[1];
        int[] intoUnit0 = [w1, w1 + hidden, w1 + (2 * hidden), b1];
        foreach (int i in intoUnit0)
        {
            net.Parameters[i] = 0;
        }

        var gradient = new float[ReluNet.ParameterCount];
        net.AccumulateGradients([0.5f, 0.25f, 0.75f], [-3f, 4f], gradient);

        Assert.All(intoUnit0, i => Assert.Equal(0f, gradient[i]));
        Assert.Equal(0f, gradient[spec.WeightOffset(1)]); // ∂J/∂W2[0][0] = a2[0]·δ3[0] = 0
        Assert.NotEqual(0f, gradient[w1 + 1]); // the other units do learn
    }

    private static void AssertGradientMatchesFiniteDifferences(NetworkCase c, int seed)
    {
        const int rows = 3;
        ScalarReference reference = c.Reference();
        (float[] inputs, float[] targets) = TestData.Samples(c, rows, seed);
        int[] indices = TestData.GradientIndices(c.Spec);
        double numericNorm = 0;
        for (int r = 0; r < rows; r++)
        {
            float[] input = TestData.Row(inputs, r, c.Spec.InputSize);
            float[] target = TestData.Row(targets, r, c.Spec.OutputSize);
            Assert.True(
                reference.MinAbsReLUPreActivation(input) > TestData.ReLUMargin,
                $"{c.Name} row {r}: a ReLU pre-activation is within {TestData.ReLUMargin} of the kink.");

            var gradient = new float[c.Spec.ParameterCount];
            float cost = c.Network.AccumulateGradients(input, target, gradient);

            double[] numeric = reference.NumericGradient(input, target, indices, Epsilon);
            var analytic = new double[indices.Length];
            for (int k = 0; k < indices.Length; k++)
            {
                analytic[k] = gradient[indices[k]];
                numericNorm += numeric[k] * numeric[k];
            }

            double error = NumericAssert.RelativeError(analytic, numeric);
            Assert.True(
                error < NumericAssert.GradientRelativeTolerance,
                $"{c.Name} row {r}: ‖g − n‖/‖g + n‖ = {error:E3}; worst {Worst(analytic, numeric, indices)}.");
            NumericAssert.Close(reference.Cost(input, target), cost, ForwardTests.CostTolerance(reference, input, target), $"{c.Name} row {r} J");
        }

        Assert.True(numericNorm > 0, $"{c.Name}: every gradient is zero, so the check proves nothing.");
    }

    private static string Worst(double[] analytic, double[] numeric, int[] indices)
    {
        int worst = 0;
        for (int k = 1; k < analytic.Length; k++)
        {
            if (Math.Abs(analytic[k] - numeric[k]) > Math.Abs(analytic[worst] - numeric[worst]))
            {
                worst = k;
            }
        }

        return $"parameter {indices[worst]}: analytic {analytic[worst]:R}, numeric {numeric[worst]:R}";
    }
}
