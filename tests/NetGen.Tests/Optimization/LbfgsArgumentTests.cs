using System;
using NetGen.Optimization;
using Xunit;

namespace NetGen.Tests.Optimization;

/// <summary>Invalid arguments and options fail fast with exceptions that name what is wrong.</summary>
public sealed class LbfgsArgumentTests
{
    [Fact]
    public void NullObjective_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Lbfgs.Minimize(null!, new double[2]));
        Assert.Equal("f", e.ParamName);
    }

    [Fact]
    public void EmptyStart_Throws_WithoutEvaluating()
    {
        bool evaluated = false;
        var e = Assert.Throws<ArgumentException>(() => Lbfgs.Minimize((_, _) => { evaluated = true; return 0; }, Span<double>.Empty));
        Assert.Equal("x", e.ParamName);
        Assert.False(evaluated);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteStart_Throws(double value)
    {
        var e = Assert.Throws<ArgumentException>(() => Lbfgs.Minimize(TestFunctions.Rosenbrock, new[] { 1.0, value }));
        Assert.Equal("x", e.ParamName);
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(double.PositiveInfinity, 0)]
    [InlineData(0, double.NaN)]
    public void NonFiniteObjectiveAtTheStart_Throws_AndLeavesXUnchanged(double value, double gradient)
    {
        double[] x = [3, 4];
        var e = Assert.Throws<ArgumentException>(() => Lbfgs.Minimize((_, g) => { g.Fill(gradient); return value; }, x));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("not finite", e.Message, StringComparison.Ordinal);
        Assert.Equal([3, 4], x);
    }

    [Fact]
    public void ExceptionFromTheObjective_Propagates_AndLeavesXAtTheLastIterate()
    {
        double[] x = [-1.2, 1];
        double[]? lastIterate = null;
        int evaluations = 0;
        double F(ReadOnlySpan<double> p, Span<double> g) =>
            ++evaluations == 8 ? throw new InvalidOperationException("boom") : TestFunctions.Rosenbrock(p, g);

        Assert.Throws<InvalidOperationException>(() => Lbfgs.Minimize(F, x, onIteration: _ => { lastIterate = (double[])x.Clone(); return true; }));
        Assert.NotNull(lastIterate);
        Assert.Equal(lastIterate, x);
    }

    public static TheoryData<string, Func<LbfgsOptions>> InvalidOptions() => new()
    {
        { nameof(LbfgsOptions.MaxIterations), () => new LbfgsOptions { MaxIterations = -1 } },
        { nameof(LbfgsOptions.History), () => new LbfgsOptions { History = 0 } },
        { nameof(LbfgsOptions.GradientTolerance), () => new LbfgsOptions { GradientTolerance = -1e-12 } },
        { nameof(LbfgsOptions.GradientTolerance), () => new LbfgsOptions { GradientTolerance = double.NaN } },
        { nameof(LbfgsOptions.GradientTolerance), () => new LbfgsOptions { GradientTolerance = double.PositiveInfinity } },
        { nameof(LbfgsOptions.CostTolerance), () => new LbfgsOptions { CostTolerance = -1 } },
        { nameof(LbfgsOptions.CostTolerance), () => new LbfgsOptions { CostTolerance = double.NaN } },
        { nameof(LbfgsOptions.C1), () => new LbfgsOptions { C1 = 0 } },
        { nameof(LbfgsOptions.C1), () => new LbfgsOptions { C1 = 1 } },
        { nameof(LbfgsOptions.C1), () => new LbfgsOptions { C1 = double.NaN } },
        { nameof(LbfgsOptions.C2), () => new LbfgsOptions { C2 = 0 } },
        { nameof(LbfgsOptions.C2), () => new LbfgsOptions { C2 = 1 } },
        { nameof(LbfgsOptions.C2), () => new LbfgsOptions { C2 = double.NaN } },
        { nameof(LbfgsOptions.MaxLineSearchEvaluations), () => new LbfgsOptions { MaxLineSearchEvaluations = 0 } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void OptionOutOfRange_ThrowsFromItsSetter(string property, Func<LbfgsOptions> create)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => create());
        Assert.Equal(property, e.ParamName);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(0.9, 0.1)]
    public void C1NotBelowC2_ThrowsWhenUsed(double c1, double c2)
    {
        var options = new LbfgsOptions { C1 = c1, C2 = c2 };
        var e = Assert.Throws<ArgumentException>(() => Lbfgs.Minimize(TestFunctions.Rosenbrock, new double[2], options));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("C1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BoundaryOptions_AreAccepted()
    {
        var options = new LbfgsOptions
        {
            MaxIterations = 0, History = 1, GradientTolerance = 0, CostTolerance = 0, MaxLineSearchEvaluations = 1,
            C1 = double.Epsilon, C2 = 1 - 1e-16,
        };

        Assert.Equal(LbfgsStopReason.MaxIterations, Lbfgs.Minimize(TestFunctions.Rosenbrock, new double[2], options).StopReason);
    }

    [Fact]
    public void Defaults_AreTheDocumentedValues()
    {
        var options = new LbfgsOptions();
        Assert.Equal(1000, options.MaxIterations);
        Assert.Equal(10, options.History);
        Assert.Equal(1e-10, options.GradientTolerance);
        Assert.Equal(1e-15, options.CostTolerance);
        Assert.Equal(1e-4, options.C1);
        Assert.Equal(0.9, options.C2);
        Assert.Equal(40, options.MaxLineSearchEvaluations);
    }
}
