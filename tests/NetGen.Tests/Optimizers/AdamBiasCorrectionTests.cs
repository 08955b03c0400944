using System;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// Adam carries β1^t and β2^t from step to step instead of calling Pow: the bias corrections must stay those of
/// the current t and β across many steps, a change of β1 or β2 between steps, and <see cref="GradientOptimizer{T}.Reset"/>.
/// </summary>
public sealed class AdamBiasCorrectionTests
{
    [Fact]
    public void BiasCorrections_FollowStepsBetaChangesAndReset()
    {
        var adam = new AdamOptimizer<double>(1) { FlushDenormals = false };
        var reference = new ScalarAdam();
        double[] parameter = [0.5];
        double expected = 0.5;
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
                reference.Reset();
            }

            double gradient = Math.Sin(step * 0.37);
            adam.Step(parameter, [gradient]);
            expected = reference.Step(expected, gradient);
            Assert.True(Math.Abs(parameter[0] - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)),
                $"step {step}: {parameter[0]:R} vs {expected:R}");
        }
    }

    /// <summary>Adam on one parameter, with β^t from Math.Pow at every step.</summary>
    private sealed class ScalarAdam
    {
        private double _m, _v;
        private long _t;

        public double Beta1 { get; set; } = 0.9;

        public double Beta2 { get; set; } = 0.999;

        public void Reset() => (_m, _v, _t) = (0, 0, 0);

        public double Step(double theta, double g)
        {
            _t++;
            _m = (Beta1 * _m) + ((1 - Beta1) * g);
            _v = (Beta2 * _v) + ((1 - Beta2) * g * g);
            double mHat = _m / (1 - Math.Pow(Beta1, _t)), vHat = _v / (1 - Math.Pow(Beta2, _t));
            return theta - (0.001 * mHat / (Math.Sqrt(vHat) + 1e-8));
        }
    }
}
