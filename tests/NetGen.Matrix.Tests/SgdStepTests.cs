using System;
using System.Linq;
using NetGen.Matrix.Tests.Networks;
using NetGen.Matrix.Tests.Reference;
using NetGen.Matrix.Tests.Support;
using Xunit;

namespace NetGen.Matrix.Tests;

/// <summary>SgdStep(x, y, η) = AccumulateGradients into zeros, then θ ← θ − η·g; returns J before the update.</summary>
public sealed class SgdStepTests
{
    private const double LearningRate = 0.05;

    /// <summary>
    /// Allowed per-parameter difference, relative to |θᵢ| + |η·gᵢ|: a fused update (FMA, another summation order of
    /// the same products) may round differently from g computed first and subtracted, by a few units of 1.1e−16.
    /// </summary>
    private const double Tolerance = 1e-14;

    /// <summary>Double networks with a softmax output, a GELU hidden layer, and an exponential cost with τ ≠ 1.</summary>
    public static TheoryData<string> Networks
    {
        get
        {
            var doubles = MatrixCatalog.All.Where(s => s.IsDouble).ToList();
            return new TheoryData<string>
            {
                doubles.First(s => s.Output == Activation.Softmax && s.Loss == Loss.CrossEntropy && s.Bias).Name,
                doubles.First(s => s.Activations[..^1].Contains(Activation.GELU) && s.Bias).Name,
                doubles.First(s => s.Loss == Loss.Exponential && s.Tau != MatrixSpec.DefaultTau).Name,
                doubles.First(s => s.Output == Activation.Softmax && s.Loss == Loss.Exponential && !s.Bias).Name,
            };
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void SgdStep_EqualsAccumulateGradientsThenUpdate(string name)
    {
        MatrixCase c = MatrixCase.Prepare(MatrixCatalog.Get(name));
        Sample sample = c.Samples[0];
        double[] before = c.Network.GetParameters();
        double expectedCost = c.Network.AccumulateGradients([sample], out double[] gradient);

        double returned = c.Network.SgdStep(sample.Input, sample.Target, LearningRate);
        double[] after = c.Network.GetParameters();

        Assert.True(
            Errors.ScalarRelative(returned, expectedCost) < Tolerance,
            $"{name}: SgdStep returned {returned:R}, AccumulateGradients {expectedCost:R}");
        for (int i = 0; i < after.Length; i++)
        {
            double step = LearningRate * gradient[i];
            double expected = before[i] - step;
            Assert.True(
                Math.Abs(after[i] - expected) <= Tolerance * (Math.Abs(before[i]) + Math.Abs(step)),
                $"{name}: θ[{i}] = {after[i]:R} after the step, expected {before[i]:R} − {LearningRate}·{gradient[i]:R} = {expected:R}");
        }

        Assert.NotEqual(before, after);
    }
}
