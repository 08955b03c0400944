using System;
using NetGen.Matrix.Tests.Networks;
using NetGen.Matrix.Tests.Reference;
using NetGen.Matrix.Tests.Support;
using Xunit;

namespace NetGen.Matrix.Tests;

/// <summary>Forward and Cost of every matrix network against the independent double reference.</summary>
public sealed class ForwardTests
{
    public static TheoryData<string> Networks => MatrixCatalog.Names;

    /// <summary>Relative tolerance of outputs and costs: 1e−12 in double, 1e−5 in float (rounding to 24 bits).</summary>
    internal static double Tolerance(MatrixSpec spec) => spec.IsDouble ? 1e-12 : 1e-5;

    [Theory]
    [MemberData(nameof(Networks))]
    public void Forward_MatchesReference(string name)
    {
        MatrixCase c = MatrixCase.Prepare(MatrixCatalog.Get(name));

        foreach (Sample sample in c.Samples)
        {
            double[] actual = c.Network.Forward(sample.Input);
            double[] expected = c.Reference.Forward(c.Parameters, sample.Input).Output;

            double error = Errors.VectorRelative(actual, expected);
            Assert.True(
                error < Tolerance(c.Spec),
                $"{name}: ‖ŷ − ŷref‖∞/‖ŷref‖∞ = {error:E3}{Environment.NewLine}"
                + $"actual:   [{string.Join(", ", actual)}]{Environment.NewLine}expected: [{string.Join(", ", expected)}]");
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Cost_MatchesReference(string name)
    {
        MatrixCase c = MatrixCase.Prepare(MatrixCatalog.Get(name));

        foreach (Sample sample in c.Samples)
        {
            double actual = c.Network.Cost(sample.Input, sample.Target);
            double expected = c.Reference.Cost(c.Parameters, sample.Input, sample.Target);

            double error = Errors.ScalarRelative(actual, expected);
            Assert.True(error < Tolerance(c.Spec), $"{name}: J = {actual:R}, reference {expected:R} (relative {error:E3})");
        }
    }
}
