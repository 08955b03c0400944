using System;
using Xunit;

namespace NetGen.Tests;

/// <summary>SgdStep against AccumulateGradients followed by a hand-written update θ ← θ − η·g.</summary>
public sealed class SgdStepTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void SgdStep_EqualsAccumulateGradientsThenManualUpdate(string name)
    {
        const float learningRate = 0.25f;
        NetworkCase trained = NetworkCases.Create(name);
        NetworkCase manual = NetworkCases.Create(name);
        (float[] inputs, float[] targets) = TestData.Samples(trained, rows: 3, seed: 401);
        int count = trained.Spec.ParameterCount;

        for (int r = 0; r < 3; r++)
        {
            float[] input = TestData.Row(inputs, r, trained.Spec.InputSize);
            float[] target = TestData.Row(targets, r, trained.Spec.OutputSize);
            trained.Network.Parameters.CopyTo(manual.Network.Parameters); // start each step from the same θ
            float[] before = trained.Network.Parameters.ToArray();

            var gradient = new float[count];
            float expectedCost = manual.Network.AccumulateGradients(input, target, gradient);
            Span<float> theta = manual.Network.Parameters;
            for (int i = 0; i < count; i++)
            {
                theta[i] -= learningRate * gradient[i];
            }

            float cost = trained.Network.SgdStep(input, target, learningRate);

            NumericAssert.Close(expectedCost, cost, 1e-6 * Math.Max(1, expectedCost), $"{name} step {r} J");
            ReadOnlySpan<float> actual = trained.Network.Parameters;
            for (int i = 0; i < count; i++)
            {
                // One rounding of θ − η·g (or a fused multiply-add) and a few ulps in g itself.
                double tolerance = 1e-6 * (Math.Abs(before[i]) + Math.Abs(learningRate * gradient[i])) + 1e-12;
                NumericAssert.Close(theta[i], actual[i], tolerance, $"{name} step {r} θ[{i}]");
            }

            Assert.Contains(gradient, g => g != 0);
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void SgdStep_WithZeroLearningRate_ReturnsCostAndKeepsParameters(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        (float[] input, float[] target) = TestData.Samples(c, rows: 1, seed: 402);
        float[] before = c.Network.Parameters.ToArray();

        float cost = c.Network.SgdStep(input, target, 0f);

        float expected = c.Network.Cost(input, target);
        NumericAssert.Close(expected, cost, 1e-6 * Math.Max(1, expected), $"{name} J");
        NumericAssert.BitwiseEqual(before, c.Network.Parameters, $"{name} parameters");
    }
}
