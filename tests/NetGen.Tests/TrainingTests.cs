using System;
using Xunit;

namespace NetGen.Tests;

/// <summary>Plain stochastic gradient descent with SgdStep fits the classic study-score example.</summary>
public sealed class TrainingTests
{
    [Fact]
    public void StudyScoreNet_LearnsTheThreeClassicSamples()
    {
        // (sleep, study) → score, inputs divided by their maxima (10, 5), scores by 100.
        float[] inputs = [3f / 10, 5f / 5, 5f / 10, 1f / 5, 10f / 10, 2f / 5];
        float[] targets = [0.75f, 0.82f, 0.93f];
        var net = new StudyScoreNet();
        float initialCost = net.CostBatch(inputs, targets);

        // η = 5 for 5,000 epochs (15,000 steps) brings the default-seed network to about 4e−7 in double; the
        // bound 1e−4 leaves room for float rounding along the way.
        for (int epoch = 0; epoch < 5000; epoch++)
        {
            for (int r = 0; r < 3; r++)
            {
                net.SgdStep(inputs.AsSpan(2 * r, 2), targets.AsSpan(r, 1), 5f);
            }
        }

        float cost = net.CostBatch(inputs, targets);
        Assert.True(initialCost > 1e-2, $"initial cost {initialCost}");
        Assert.True(cost < 1e-4, $"cost after training {cost} (initially {initialCost})");
    }
}
