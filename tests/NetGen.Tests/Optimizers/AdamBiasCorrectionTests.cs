using System;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// Adam carries β1^t and β2^t from step to step instead of calling Pow: the bias corrections must stay those of
/// the current t and β across steps, a change of β1 or β2 between steps, and <see cref="GradientOptimizer{T}.Reset"/>,
/// against <see cref="ReferenceOptimizer"/>, which calls Math.Pow at every step.
/// </summary>
public sealed class AdamBiasCorrectionTests
{
    [Fact]
    public void BiasCorrections_FollowStepsBetaChangesAndReset()
    {
        var adam = new AdamOptimizer<double>(1) { FlushDenormals = false };
        ReferenceOptimizer reference = NewReference();
        double[] parameter = [0.5], expected = [0.5];
        for (int step = 1; step <= 60; step++)
        {
            if (step == 6)
            {
                adam.Beta1 = reference.Beta1 = 0.8;
            }

            if (step == 13)
            {
                adam.Beta2 = reference.Beta2 = 0.99;
            }

            if (step == 30)
            {
                adam.Reset();
                (double beta1, double beta2) = (reference.Beta1, reference.Beta2);
                reference = NewReference();
                (reference.Beta1, reference.Beta2) = (beta1, beta2);
            }

            double gradient = Math.Sin(step * 0.37);
            adam.Step(parameter, [gradient]);
            reference.Step(expected, [gradient]);
            Assert.True(Math.Abs(parameter[0] - expected[0]) <= 1e-12 * Math.Max(1, Math.Abs(expected[0])),
                $"step {step}: {parameter[0]:R} vs {expected[0]:R}");
        }
    }

    /// <summary>The reference with Adam's defaults (η = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8, no weight decay).</summary>
    private static ReferenceOptimizer NewReference() =>
        new(OptimizerKind.Adam, 1) { LearningRate = 0.001, Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8 };
}
