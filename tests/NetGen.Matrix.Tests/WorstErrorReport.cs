using System;
using System.Linq;
using NetGen.Matrix.Tests.Networks;
using NetGen.Matrix.Tests.Reference;
using NetGen.Matrix.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Matrix.Tests;

/// <summary>
/// The largest errors over the whole matrix, per element type, written to the test output
/// (<c>dotnet test --logger "console;verbosity=detailed"</c>) so the margins below the tolerances are visible.
/// </summary>
public sealed class WorstErrorReport(ITestOutputHelper output)
{
    [Fact]
    public void WorstErrors_StayBelowTolerances()
    {
        foreach (bool isDouble in new[] { true, false })
        {
            (double Error, string Name) gradient = (0, ""), forward = (0, ""), cost = (0, "");
            foreach (MatrixSpec spec in MatrixCatalog.All.Where(s => s.IsDouble == isDouble))
            {
                MatrixCase c = MatrixCase.Prepare(spec);
                c.Network.AccumulateGradients(c.Samples, out double[] analytic);
                double[] numeric = FiniteDifference.Gradient(theta => c.Reference.TotalCost(theta, c.Samples), c.Parameters);
                gradient = Worse(gradient, Errors.GradientRelative(analytic, numeric), spec.Name);
                foreach (Sample sample in c.Samples)
                {
                    forward = Worse(
                        forward,
                        Errors.VectorRelative(c.Network.Forward(sample.Input), c.Reference.Forward(c.Parameters, sample.Input).Output),
                        spec.Name);
                    cost = Worse(
                        cost,
                        Errors.ScalarRelative(c.Network.Cost(sample.Input, sample.Target), c.Reference.Cost(c.Parameters, sample.Input, sample.Target)),
                        spec.Name);
                }
            }

            string type = isDouble ? "double" : "float";
            output.WriteLine($"{type} gradient ‖g − n‖/‖g + n‖ worst {gradient.Error:E2} ({gradient.Name})");
            output.WriteLine($"{type} forward  ‖Δŷ‖∞/‖ŷ‖∞     worst {forward.Error:E2} ({forward.Name})");
            output.WriteLine($"{type} cost     |ΔJ|/|J|         worst {cost.Error:E2} ({cost.Name})");

            Assert.True(gradient.Error < (isDouble ? GradientTests.DoubleTolerance : GradientTests.FloatTolerance), gradient.Name);
            Assert.True(forward.Error < (isDouble ? 1e-12 : 1e-5), forward.Name);
            Assert.True(cost.Error < (isDouble ? 1e-12 : 1e-5), cost.Name);
        }
    }

    private static (double Error, string Name) Worse((double Error, string Name) worst, double error, string name) =>
        error > worst.Error || double.IsNaN(error) ? (error, name) : worst;
}
