using System;
using Xunit;

namespace NetGen.Tests;

/// <summary>ForwardBatch, CostBatch and AccumulateGradientsBatch against loops of the single-sample members.</summary>
public sealed class BatchTests
{
    private const int Rows = 5;

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void ForwardBatch_MatchesPerRowForward(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        (float[] inputs, _) = TestData.Samples(c, Rows, seed: 301);
        int outputSize = c.Spec.OutputSize;
        var expected = new float[Rows * outputSize];
        for (int r = 0; r < Rows; r++)
        {
            c.Network.Forward(TestData.Row(inputs, r, c.Spec.InputSize), expected.AsSpan(r * outputSize, outputSize));
        }

        var actual = new float[Rows * outputSize];
        actual.AsSpan().Fill(float.NaN);
        c.ForwardBatch(inputs, actual);

        NumericAssert.AllClose(expected, actual, NumericAssert.ReassociationTolerance, $"{name} batch ŷ");
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void CostBatch_IsSumOfPerRowCosts(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        (float[] inputs, float[] targets) = TestData.Samples(c, Rows, seed: 302);
        double expected = 0;
        for (int r = 0; r < Rows; r++)
        {
            expected += c.Network.Cost(TestData.Row(inputs, r, c.Spec.InputSize), TestData.Row(targets, r, c.Spec.OutputSize));
        }

        float actual = c.CostBatch(inputs, targets);

        NumericAssert.Close(expected, actual, NumericAssert.ReassociationTolerance * Math.Max(1, expected), $"{name} Σ J");
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void AccumulateGradientsBatch_MatchesPerRowLoopAndAdds(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        (float[] inputs, float[] targets) = TestData.Samples(c, Rows, seed: 303);
        int count = c.Spec.ParameterCount;
        var prefill = new float[count];
        TestData.Fill(new Random(9), prefill, -1, 1);

        float[] expected = (float[])prefill.Clone();
        double expectedCost = 0;
        for (int r = 0; r < Rows; r++)
        {
            expectedCost += c.Network.AccumulateGradients(
                TestData.Row(inputs, r, c.Spec.InputSize), TestData.Row(targets, r, c.Spec.OutputSize), expected);
        }

        float[] actual = (float[])prefill.Clone();
        float actualCost = c.AccumulateGradientsBatch(inputs, targets, actual);

        NumericAssert.Close(expectedCost, actualCost, NumericAssert.ReassociationTolerance * Math.Max(1, expectedCost), $"{name} Σ J");
        NumericAssert.AllClose(expected, actual, NumericAssert.ReassociationTolerance, $"{name} buffer + Σ g");
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void Batch_WithZeroRows_DoesNothing(string name)
    {
        // An empty span is a whole number (zero) of rows.
        NetworkCase c = NetworkCases.Create(name);
        var gradient = new float[c.Spec.ParameterCount];
        gradient.AsSpan().Fill(0.5f);

        c.ForwardBatch([], []);
        Assert.Equal(0f, c.CostBatch([], []));
        Assert.Equal(0f, c.AccumulateGradientsBatch([], [], gradient));
        NumericAssert.AllEqual(0.5f, gradient, $"{name} gradients");
    }
}
