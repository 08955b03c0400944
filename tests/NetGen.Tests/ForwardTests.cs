using System;
using Xunit;

namespace NetGen.Tests;

/// <summary>Forward and Cost against the double-precision scalar reference.</summary>
public sealed class ForwardTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void Forward_MatchesScalarReference(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        ScalarReference reference = c.Reference();
        (float[] inputs, _) = TestData.Samples(c, rows: 8, seed: 101);
        var output = new float[c.Spec.OutputSize];
        for (int r = 0; r < 8; r++)
        {
            float[] input = TestData.Row(inputs, r, c.Spec.InputSize);
            output.AsSpan().Fill(float.NaN); // every element must be written
            c.Network.Forward(input, output);
            NumericAssert.AllClose(reference.Forward(input), output, NumericAssert.ForwardTolerance, $"{name} row {r} ŷ");
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void Forward_WithOtherParameters_MatchesScalarReference(string name)
    {
        // Non-zero biases and weights unlike the initializer's, so that every parameter block is exercised.
        NetworkCase c = NetworkCases.Create(name);
        TestData.Fill(new Random(5), c.Network.Parameters, -0.5f, 0.5f);
        ScalarReference reference = c.Reference();
        (float[] inputs, _) = TestData.Samples(c, rows: 4, seed: 102);
        var output = new float[c.Spec.OutputSize];
        for (int r = 0; r < 4; r++)
        {
            float[] input = TestData.Row(inputs, r, c.Spec.InputSize);
            c.Network.Forward(input, output);
            NumericAssert.AllClose(reference.Forward(input), output, NumericAssert.ForwardTolerance, $"{name} row {r} ŷ");
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void Cost_MatchesScalarReference(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        ScalarReference reference = c.Reference();
        (float[] inputs, float[] targets) = TestData.Samples(c, rows: 8, seed: 103);
        for (int r = 0; r < 8; r++)
        {
            float[] input = TestData.Row(inputs, r, c.Spec.InputSize);
            float[] target = TestData.Row(targets, r, c.Spec.OutputSize);
            NumericAssert.Close(reference.Cost(input, target), c.Network.Cost(input, target), CostTolerance(reference, input, target), $"{name} row {r} J");
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void ForwardAndCost_DoNotChangeParameters(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        float[] before = c.Network.Parameters.ToArray();
        (float[] inputs, float[] targets) = TestData.Samples(c, rows: 2, seed: 104);
        var outputs = new float[2 * c.Spec.OutputSize];
        c.Network.Forward(TestData.Row(inputs, 0, c.Spec.InputSize), outputs.AsSpan(0, c.Spec.OutputSize));
        c.Network.Cost(TestData.Row(inputs, 0, c.Spec.InputSize), TestData.Row(targets, 0, c.Spec.OutputSize));
        c.ForwardBatch(inputs, outputs);
        c.CostBatch(inputs, targets);
        NumericAssert.BitwiseEqual(before, c.Network.Parameters, $"{name} parameters");
    }

    [Fact]
    public void Forward_StudyScoreNet_HandComputedWeights()
    {
        // Weights chosen by hand so that the expected value is easy to recompute on paper:
        // W1 = [[1, 0, −1], [0, 2, 1]], W2 = [1, −1, 2]ᵀ, x = (0.5, 0.25)
        // z2 = (0.5, 0.5, −0.25), a2 = σ(z2), z3 = a2·W2, ŷ = σ(z3).
        var net = new StudyScoreNet();
        float[] parameters = [1, 0, -1, 0, 2, 1, 1, -1, 2];
        parameters.CopyTo(net.Parameters);
        static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
        double z3 = Sigmoid(0.5) - Sigmoid(0.5) + 2 * Sigmoid(-0.25);
        var output = new float[1];

        net.Forward([0.5f, 0.25f], output);

        NumericAssert.Close(Sigmoid(z3), output[0], 1e-6, "ŷ");
    }

    /// <summary>
    /// dJ = Σ_j (ŷ_j − y_j)·dŷ_j, so a forward error of ForwardTolerance·max(1, |ŷ_j|) moves J by at most
    /// Σ_j |ŷ_j − y_j|·ForwardTolerance·max(1, |ŷ_j|); the float sum of the squares adds a few ulps of J.
    /// </summary>
    internal static double CostTolerance(ScalarReference reference, ReadOnlySpan<float> input, ReadOnlySpan<float> target)
    {
        double[] output = reference.Forward(input);
        double tolerance = 1e-6 * reference.Cost(input, target);
        for (int j = 0; j < output.Length; j++)
        {
            tolerance += Math.Abs(output[j] - target[j]) * NumericAssert.ForwardTolerance * Math.Max(1, Math.Abs(output[j]));
        }

        return tolerance + 1e-12;
    }
}
