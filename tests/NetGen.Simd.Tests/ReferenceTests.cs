using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Simd.Tests.Probe;
using NetGen.Simd.Tests.Reference;
using Xunit;

namespace NetGen.Simd.Tests;

/// <summary>
/// Checks of the checker: the bounded reference's gradient is right, and its bounds are tight enough to see the
/// smallest plausible SIMD-tail bug.
/// </summary>
[Collection(ProbeRunsCollection.Name)]
public sealed class ReferenceTests(ProbeRuns runs)
{
    /// <summary>The networks small enough for a finite-difference gradient of every parameter.</summary>
    public static TheoryData<string> SmallNetworks => new(ProbeSpec.All.Where(s => s.ParameterCount <= 3000).Select(s => s.Name));

    /// <summary>
    /// The reference's backpropagation against central differences of its own cost (fourth-order stencil, h = 1e−5:
    /// truncation ≈ h⁴ ≈ 1e−20, rounding ≈ u·|J|/h ≈ 1e−11 relative), at the probe's parameters and samples.
    /// </summary>
    [Theory]
    [MemberData(nameof(SmallNetworks))]
    public void ReferenceGradient_MatchesFiniteDifferences(string network)
    {
        ProbeSpec spec = ProbeSpec.Get(network);
        NetworkOutput data = runs.Output(RunConfiguration.Default.Name).Networks[network];
        var reference = new BoundedNetwork(spec);
        double[] theta = data["parameters"];
        double[] input = data["input0"], target = data["target0"];

        double[] analytic = reference.Gradient(BoundedNetwork.Exact(theta), input, target).Gradient.Select(g => g.Value).ToArray();
        const double h = 1e-5;
        double Cost(double[] t) => reference.OutputDelta(reference.Forward(BoundedNetwork.Exact(t), input), target).Cost.Value;
        double[] point = (double[])theta.Clone();
        double difference = 0, sum = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double Shifted(double by)
            {
                point[i] = theta[i] + by;
                double cost = Cost(point);
                point[i] = theta[i];
                return cost;
            }

            double numeric = (-Shifted(2 * h) + (8 * Shifted(h)) - (8 * Shifted(-h)) + Shifted(-2 * h)) / (12 * h);
            difference += (analytic[i] - numeric) * (analytic[i] - numeric);
            sum += (analytic[i] + numeric) * (analytic[i] + numeric);
        }

        double relative = Math.Sqrt(difference) / Math.Sqrt(sum);
        Assert.True(relative < 1e-8, $"{network}: ‖g − n‖/‖g + n‖ = {relative:E3}");
    }

    /// <summary>
    /// The bounds see one missing term: the reference computed without the last input's weight into the last neuron
    /// of the first layer (the term a scalar tail of the widest dot product would drop with an off-by-one) must
    /// disagree with the default run somewhere. The 784-input networks are the hardest case (one term of 785, the
    /// worst-case bound γ₇₈₅ ≈ 4.7e−5 of Σ|a·w|): caught there only through the gradients, by a factor of a few
    /// (3.4 for F784_128_10, in the batch gradient), and by far more in every narrower network.
    /// </summary>
    [Theory]
    [MemberData(nameof(SimdPathTests.Networks), MemberType = typeof(SimdPathTests))]
    public void Bounds_DetectTheLastTermMissing(string network)
    {
        ProbeSpec spec = ProbeSpec.Get(network);
        NetworkOutput actual = runs.Output(RunConfiguration.Default.Name).Networks[network];
        ErrorModel model = ErrorModel.For(spec.IsDouble);
        int n = spec.Sizes[0], m = spec.Sizes[1];

        Dictionary<string, Approx[]> broken = ExpectedResults.Compute(spec, actual, parameters =>
        {
            parameters[((n - 1) * m) + m - 1] = 0;
            return parameters;
        });

        Comparison[] failed = broken.Select(e => Comparison.Of(e.Key, actual[e.Key], e.Value, model)).Where(c => !c.Passed).ToArray();
        Assert.True(failed.Length > 0, $"{network}: a missing term went unnoticed");
    }
}
