using System;
using NetGen.Optimization;
using Xunit;

namespace NetGen.Tests.Optimization;

/// <summary>L-BFGS reaches known minimizers, and every accepted step satisfies the strong Wolfe conditions.</summary>
public sealed class LbfgsConvergenceTests
{
    /// <summary>(−1.2, 1, −1.2, 1, …): the standard start of the Rosenbrock function (n = 2) and of its extended form.</summary>
    private static double[] RosenbrockStart(int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i % 2 == 0 ? -1.2 : 1;
        }

        return x;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Rosenbrock_FromStandardStart_ReachesTheMinimumToOneInAMillion(int n)
    {
        double[] x = RosenbrockStart(n);
        var options = new LbfgsOptions();
        var checker = new WolfeChecker(TestFunctions.Rosenbrock, x, options);
        int evaluations = 0;

        LbfgsResult result = Lbfgs.Minimize(
            TestFunctions.Counted(TestFunctions.Rosenbrock, () => evaluations++), x, options, checker.OnIteration);

        Assert.Empty(checker.Violations);
        Assert.Contains(result.StopReason, new[] { LbfgsStopReason.GradientTolerance, LbfgsStopReason.CostTolerance });
        foreach (double xi in x)
        {
            Assert.InRange(xi, 1 - 1e-6, 1 + 1e-6);
        }

        // The result describes the x it leaves, and counts the work done.
        var gradient = new double[n];
        Assert.Equal(TestFunctions.Rosenbrock(x, gradient), result.Cost);
        Assert.Equal(MaxAbs(gradient), result.GradientNorm);
        Assert.Equal(checker.Iterations.Count, result.Iterations);
        Assert.Equal(evaluations, result.Evaluations);
        Assert.Equal(evaluations, 1 + SumOfEvaluations(checker));
        Assert.InRange(result.Iterations, 10, 200);
    }

    [Fact]
    public void Quadratic_IllConditioned_ReachesTheKnownMinimizer()
    {
        // n = 20, condition number 1000, minimizer drawn from [−2, 2]²⁰, start at 0.
        var quadratic = new Quadratic(20, 1000, seed: 1);
        var x = new double[20];
        var options = new LbfgsOptions();
        var checker = new WolfeChecker(quadratic.Evaluate, x, options);

        LbfgsResult result = Lbfgs.Minimize(quadratic.Evaluate, x, options, checker.OnIteration);

        Assert.Empty(checker.Violations);
        Assert.Contains(result.StopReason, new[] { LbfgsStopReason.GradientTolerance, LbfgsStopReason.CostTolerance });
        // The default CostTolerance stops at J ≈ 1e−14, i.e. |x − x*| ≈ √(2J/λ_min) ≈ 1e−7 along the flattest direction.
        Assert.True(quadratic.Error(x) <= 1e-6, $"|x − x*|∞ = {quadratic.Error(x):E2}, {result}");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void Quadratic_FullHistoryAndExactLineSearch_TerminatesInAtMostNPlusOneIterations(int n)
    {
        // With exact line searches and every pair kept, BFGS on a quadratic generates conjugate directions and
        // reaches the minimizer in n steps (the +1 absorbs rounding). The line search is exact here because the
        // cubic through two points of a quadratic φ is φ itself; tiny C1, C2 make it insist on that point.
        // A wrong two-loop recursion (order, ρ, or γ) breaks this.
        var quadratic = new Quadratic(n, 100, seed: 2);
        var x = new double[n];
        var options = new LbfgsOptions { History = n, C1 = 1e-7, C2 = 1e-6, GradientTolerance = 1e-12, CostTolerance = 0 };

        LbfgsResult result = Lbfgs.Minimize(quadratic.Evaluate, x, options);

        Assert.True(result.Iterations <= n + 1, $"{result}");
        Assert.True(quadratic.Error(x) <= 1e-10, $"|x − x*|∞ = {quadratic.Error(x):E2}, {result}");
    }

    [Fact]
    public void ScaledQuasiNewtonStep_IsUsuallyAcceptedAsIs()
    {
        // With H₀ = γI, γ = sᵀy/yᵀy, the direction −H·g is scaled so that the first trial step 1 is usually right:
        // measured 80% (Rosenbrock, n = 10) and 93% (the quadratic) of iterations take α = 1 after one evaluation.
        // With γ = 1 instead the figures drop to 3% and 0%, and the evaluations per iteration rise above 3.
        double[] x = [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1];
        var quadratic = new Quadratic(20, 1000, seed: 1);
        var start = new double[20];
        foreach ((ObjectiveFunction f, double[] point) in new (ObjectiveFunction, double[])[] { (TestFunctions.Rosenbrock, x), (quadratic.Evaluate, start) })
        {
            int unitSteps = 0;
            LbfgsResult result = Lbfgs.Minimize(f, point, onIteration: i =>
            {
                unitSteps += i.StepSize == 1 && i.Evaluations == 1 ? 1 : 0;
                return true;
            });

            Assert.True(unitSteps >= 0.7 * result.Iterations, $"{unitSteps} unit steps; {result}");
            Assert.True(result.Evaluations <= 1.5 * result.Iterations, $"{result}");
        }
    }

    public static TheoryData<string> ScalarNames()
    {
        var data = new TheoryData<string>();
        foreach (TestFunctions.Scalar f in TestFunctions.Scalars)
        {
            data.Add(f.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScalarNames))]
    public void ScalarFunction_ReachesTheKnownMinimizer_WithStrongWolfeSteps(string name)
    {
        TestFunctions.Scalar f = Array.Find(TestFunctions.Scalars, s => s.Name == name)!;
        double[] x = [f.Start];
        var options = new LbfgsOptions();
        var checker = new WolfeChecker(f.Evaluate, x, options);

        LbfgsResult result = Lbfgs.Minimize(f.Evaluate, x, options, checker.OnIteration);

        Assert.Empty(checker.Violations);
        Assert.True(Math.Abs(x[0] - f.Minimizer) <= 1e-6, $"x = {x[0]:R}, expected {f.Minimizer}; {result}");

        // At the last digits the decrease hides below rounding of f, so the final line search may fail; it must
        // still leave the best point, which the assertion above checks.
        Assert.NotEqual(LbfgsStopReason.MaxIterations, result.StopReason);
    }

    [Fact]
    public void Overshoot_FirstTrialStepIsRejectedAndTheSearchZoomsIn()
    {
        // f = 1000(x − 0.001)² from 0: g = −2, so the first trial step 1/‖g‖ = 0.5 lands 500× beyond the minimizer,
        // where f = 249 > f(0) = 0.001. The accepted step must be much shorter, found after more than one evaluation.
        TestFunctions.Scalar f = TestFunctions.Scalars[0];
        double[] x = [f.Start];
        var options = new LbfgsOptions();
        var checker = new WolfeChecker(f.Evaluate, x, options);

        Lbfgs.Minimize(f.Evaluate, x, options, checker.OnIteration);

        Assert.Empty(checker.Violations);
        LbfgsIteration first = checker.Iterations[0];
        Assert.True(first.Evaluations > 1, $"{first}");
        Assert.True(first.StepSize < 0.05, $"{first}");
        Assert.True(Math.Abs(x[0] - 0.001) <= 1e-9, $"x = {x[0]:R}");
    }

    [Fact]
    public void UndershootingFirstStep_IsExtrapolated()
    {
        // ln cosh(x − 2) from −10: |f′| ≈ 1 for 10 units, so the unit first step satisfies sufficient decrease but
        // not the curvature condition (|f′| stays ≈ 1 > 0.9·1); the search must extrapolate to a longer step.
        TestFunctions.Scalar f = TestFunctions.Scalars[3];
        double[] x = [f.Start];
        var options = new LbfgsOptions();
        var checker = new WolfeChecker(f.Evaluate, x, options);

        Lbfgs.Minimize(f.Evaluate, x, options, checker.OnIteration);

        Assert.Empty(checker.Violations);
        Assert.True(checker.Iterations[0].StepSize > 2, $"{checker.Iterations[0]}");
    }

    public static TheoryData<int, double, double> WolfeConstants() => new()
    {
        { 2, 1e-4, 0.9 },
        { 2, 1e-4, 0.1 },
        { 2, 0.3, 0.4 },
        { 10, 1e-4, 0.9 },
        { 10, 1e-2, 0.1 },
        { 10, 0.3, 0.4 },
    };

    [Theory]
    [MemberData(nameof(WolfeConstants))]
    public void EveryAcceptedStep_SatisfiesTheStrongWolfeConditions_ForTheGivenConstants(int n, double c1, double c2)
    {
        double[] x = RosenbrockStart(n);
        var options = new LbfgsOptions { C1 = c1, C2 = c2 };
        var checker = new WolfeChecker(TestFunctions.Rosenbrock, x, options);

        LbfgsResult result = Lbfgs.Minimize(TestFunctions.Rosenbrock, x, options, checker.OnIteration);

        Assert.Empty(checker.Violations);
        Assert.True(checker.Iterations.Count >= 10, $"{result}");
        Assert.True(result.Cost < 1e-10, $"{result}");
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    private static int SumOfEvaluations(WolfeChecker checker)
    {
        int sum = 0;
        foreach (LbfgsIteration iteration in checker.Iterations)
        {
            sum += iteration.Evaluations;
        }

        return sum;
    }
}
