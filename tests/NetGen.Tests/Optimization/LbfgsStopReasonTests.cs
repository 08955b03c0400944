using System;
using System.Collections.Generic;
using NetGen.Optimization;
using Xunit;

namespace NetGen.Tests.Optimization;

/// <summary>Each stop reason, when it fires, and what x and the result hold afterwards.</summary>
public sealed class LbfgsStopReasonTests
{
    private static double[] RosenbrockStart() => [-1.2, 1];

    [Fact]
    public void GradientTolerance_StopsAtTheFirstIterateThatMeetsIt()
    {
        var quadratic = new Quadratic(10, 100, seed: 3);
        var x = new double[10];
        var iterations = new List<LbfgsIteration>();
        var options = new LbfgsOptions { GradientTolerance = 1e-3, CostTolerance = 0 };

        LbfgsResult result = Lbfgs.Minimize(quadratic.Evaluate, x, options, i => { iterations.Add(i); return true; });

        Assert.Equal(LbfgsStopReason.GradientTolerance, result.StopReason);
        Assert.True(result.GradientNorm <= 1e-3);
        Assert.True(iterations[^2].GradientNorm > 1e-3, "stopped late");
        Assert.Equal(iterations.Count, result.Iterations);
        Assert.Equal(iterations[^1].Cost, result.Cost);
    }

    [Fact]
    public void GradientTolerance_AtTheStart_TakesNoIteration()
    {
        var quadratic = new Quadratic(5, 10, seed: 4);
        double[] x = (double[])quadratic.Minimizer.Clone();
        bool called = false;

        LbfgsResult result = Lbfgs.Minimize(quadratic.Evaluate, x, onIteration: _ => called = true);

        Assert.Equal(new LbfgsResult(LbfgsStopReason.GradientTolerance, 0, 1, 0, 0), result);
        Assert.False(called);
        Assert.Equal(quadratic.Minimizer, x);
    }

    [Fact]
    public void CostTolerance_StopsAtTheFirstSmallDecrease()
    {
        double[] x = RosenbrockStart();
        var iterations = new List<LbfgsIteration>();
        const double tolerance = 1e-4;
        var options = new LbfgsOptions { CostTolerance = tolerance, GradientTolerance = 0 };
        double startCost = TestFunctions.Rosenbrock(x, new double[2]);

        LbfgsResult result = Lbfgs.Minimize(TestFunctions.Rosenbrock, x, options, i => { iterations.Add(i); return true; });

        Assert.Equal(LbfgsStopReason.CostTolerance, result.StopReason);
        for (int k = 0; k < iterations.Count; k++)
        {
            double previous = k == 0 ? startCost : iterations[k - 1].Cost;
            bool small = Math.Abs(previous - iterations[k].Cost) <= tolerance * Math.Max(1, Math.Abs(iterations[k].Cost));
            Assert.Equal(k == iterations.Count - 1, small);
        }
    }

    [Fact]
    public void MaxIterations_StopsAfterExactlyThatMany()
    {
        double[] x = RosenbrockStart();
        int calls = 0;

        LbfgsResult result = Lbfgs.Minimize(
            TestFunctions.Rosenbrock, x, new LbfgsOptions { MaxIterations = 5 }, _ => ++calls > 0);

        Assert.Equal(LbfgsStopReason.MaxIterations, result.StopReason);
        Assert.Equal(5, result.Iterations);
        Assert.Equal(5, calls);
        Assert.Equal(TestFunctions.Rosenbrock(x, new double[2]), result.Cost);
        Assert.True(result.Cost < 24.2, "the five steps lowered the cost from f(−1.2, 1) = 24.2");
    }

    [Fact]
    public void MaxIterationsZero_OnlyEvaluatesTheStart()
    {
        double[] x = RosenbrockStart();
        var gradient = new double[2];
        double cost = TestFunctions.Rosenbrock(x, gradient);

        LbfgsResult result = Lbfgs.Minimize(TestFunctions.Rosenbrock, x, new LbfgsOptions { MaxIterations = 0 });

        Assert.Equal(new LbfgsResult(LbfgsStopReason.MaxIterations, 0, 1, cost, Math.Max(Math.Abs(gradient[0]), Math.Abs(gradient[1]))), result);
        Assert.Equal(RosenbrockStart(), x);
    }

    [Fact]
    public void StoppedByCallback_LeavesXAtTheIterateTheCallbackSaw()
    {
        double[] x = RosenbrockStart();
        double[]? seen = null;
        LbfgsIteration last = default;

        LbfgsResult result = Lbfgs.Minimize(TestFunctions.Rosenbrock, x, onIteration: i =>
        {
            seen = (double[])x.Clone();
            last = i;
            return i.Iteration < 3;
        });

        Assert.Equal(LbfgsStopReason.StoppedByCallback, result.StopReason);
        Assert.Equal(3, result.Iterations);
        Assert.Equal(seen, x);
        Assert.Equal(last.Cost, result.Cost);
        Assert.Equal(last.GradientNorm, result.GradientNorm);
    }

    [Fact]
    public void StoppedByCallback_TakesPrecedenceOverAToleranceMetInTheSameIteration()
    {
        // f = (x − 3)²: from 0 the first step (1/‖g‖ = 1/6, extrapolated) and then the quasi-Newton step reach 3.
        static double F(ReadOnlySpan<double> x, Span<double> g)
        {
            g[0] = 2 * (x[0] - 3);
            return (x[0] - 3) * (x[0] - 3);
        }

        double[] x = [0];
        LbfgsResult result = Lbfgs.Minimize(F, x, new LbfgsOptions { GradientTolerance = 1e-6 }, i => i.GradientNorm > 1e-6);

        Assert.Equal(LbfgsStopReason.StoppedByCallback, result.StopReason);
        Assert.True(result.GradientNorm <= 1e-6);
    }

    [Fact]
    public void LineSearchFailed_WithoutAnyAcceptableTrial_LeavesXAtTheStart()
    {
        // f = 1000(x − 0.001)² from 0: the only trial the budget allows, x = 0.5, raises f.
        TestFunctions.Scalar f = TestFunctions.Scalars[0];
        double[] x = [0];

        LbfgsResult result = Lbfgs.Minimize(f.Evaluate, x, new LbfgsOptions { MaxLineSearchEvaluations = 1 });

        Assert.Equal(new LbfgsResult(LbfgsStopReason.LineSearchFailed, 0, 2, 1000 * 0.001 * 0.001, 2), result);
        Assert.Equal(0, x[0]);
    }

    [Fact]
    public void LineSearchFailed_KeepsTheLowestCostTrial()
    {
        // f = (x − 10)² from 0: the first trial x = 1/‖g‖·20 = 1 lowers f from 100 to 81 but leaves |f′| = 18 above
        // C2·20 = 2, and the budget allows no second trial. x must move to 1 anyway: it is the best point found.
        static double F(ReadOnlySpan<double> x, Span<double> g)
        {
            g[0] = 2 * (x[0] - 10);
            return (x[0] - 10) * (x[0] - 10);
        }

        double[] x = [0];
        bool called = false;
        LbfgsResult result = Lbfgs.Minimize(
            F, x, new LbfgsOptions { C2 = 0.1, MaxLineSearchEvaluations = 1 }, _ => called = true);

        Assert.Equal(new LbfgsResult(LbfgsStopReason.LineSearchFailed, 0, 2, 81, 18), result);
        Assert.Equal(1, x[0]);
        Assert.False(called, "a failed line search is not an iteration");
    }

    [Fact]
    public void LineSearchFailed_WhenTheObjectiveIsNaNEverywhereAlongTheDirection()
    {
        // f is finite only at the start; every trial is NaN, so the search backtracks until its budget is spent.
        static double F(ReadOnlySpan<double> x, Span<double> g)
        {
            g[0] = 1;
            return x[0] == 5 ? 0 : double.NaN;
        }

        double[] x = [5];
        LbfgsResult result = Lbfgs.Minimize(F, x, new LbfgsOptions { MaxLineSearchEvaluations = 12 });

        Assert.Equal(LbfgsStopReason.LineSearchFailed, result.StopReason);
        Assert.Equal(13, result.Evaluations);
        Assert.Equal(5, x[0]);
        Assert.Equal(0, result.Cost);
    }

    [Fact]
    public void ZeroCurvaturePairs_AreSkipped_AndTheRunStillConverges()
    {
        // ln cosh(x − 2) from −1000: tanh(x − 2) is exactly −1 in double for x below about −17, so the first pairs
        // have y = 0 (sᵀy = 0, no curvature information). Storing one would divide by zero; they must be skipped.
        TestFunctions.Scalar f = TestFunctions.Scalars[3];
        double[] x = [-1000];
        var options = new LbfgsOptions();
        var checker = new WolfeChecker(f.Evaluate, x, options);

        LbfgsResult result = Lbfgs.Minimize(f.Evaluate, x, options, checker.OnIteration);

        Assert.Empty(checker.Violations);
        Assert.True(Math.Abs(x[0] - 2) <= 1e-6, $"x = {x[0]:R}; {result}");
    }
}
