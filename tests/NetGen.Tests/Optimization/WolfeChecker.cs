using System;
using System.Collections.Generic;
using NetGen.Optimization;

namespace NetGen.Tests.Optimization;

/// <summary>
/// An iteration callback that checks every accepted step from outside the optimizer. When the callback runs,
/// x already holds the new iterate, so with s = x_new − x_old (= α·d) the strong Wolfe conditions read
/// f_new ≤ f_old + c1·g_oldᵀs and |g_newᵀs| ≤ c2·|g_oldᵀs| — invariant to the unknown scale of d. The checker
/// evaluates f and ∇f itself (not through the optimizer), so it also verifies the reported cost and gradient norm.
/// </summary>
internal sealed class WolfeChecker
{
    private readonly ObjectiveFunction _f;
    private readonly double[] _x;
    private readonly double _c1, _c2;
    private readonly double[] _previousX, _previousGradient, _gradient;
    private double _previousValue;

    public WolfeChecker(ObjectiveFunction f, double[] x, LbfgsOptions options)
    {
        _f = f;
        _x = x;
        _c1 = options.C1;
        _c2 = options.C2;
        _previousX = (double[])x.Clone();
        _previousGradient = new double[x.Length];
        _gradient = new double[x.Length];
        _previousValue = f(x, _previousGradient);
    }

    public List<string> Violations { get; } = [];

    public List<LbfgsIteration> Iterations { get; } = [];

    public bool OnIteration(LbfgsIteration iteration)
    {
        Iterations.Add(iteration);
        double value = _f(_x, _gradient);
        double oldSlope = 0, newSlope = 0, maxAbs = 0;
        for (int i = 0; i < _x.Length; i++)
        {
            double s = _x[i] - _previousX[i];
            oldSlope += _previousGradient[i] * s;
            newSlope += _gradient[i] * s;
            maxAbs = Math.Max(maxAbs, Math.Abs(_gradient[i]));
        }

        string at = $"iteration {iteration.Iteration}";
        if (iteration.Iteration != Iterations.Count)
        {
            Violations.Add($"{at}: expected iteration number {Iterations.Count}");
        }

        if (value != iteration.Cost || maxAbs != iteration.GradientNorm)
        {
            Violations.Add($"{at}: reported cost {iteration.Cost:R} and ‖g‖∞ {iteration.GradientNorm:R}, but at x they are {value:R} and {maxAbs:R}");
        }

        if (!(iteration.StepSize > 0) || iteration.Evaluations < 1)
        {
            Violations.Add($"{at}: step {iteration.StepSize}, {iteration.Evaluations} evaluations");
        }

        if (!(oldSlope < 0))
        {
            Violations.Add($"{at}: not a descent step, g_oldᵀs = {oldSlope:R}");
        }

        // Slack for rounding only: the optimizer computes α·gᵀd where this computes gᵀ(x_new − x_old).
        double decreaseSlack = 1e-9 * Math.Abs(oldSlope) + 1e-14 * Math.Abs(_previousValue);
        if (!(value - _previousValue <= _c1 * oldSlope + decreaseSlack))
        {
            Violations.Add($"{at}: sufficient decrease fails: Δf = {value - _previousValue:R} > c1·gᵀs = {_c1 * oldSlope:R}");
        }

        if (!(Math.Abs(newSlope) <= _c2 * Math.Abs(oldSlope) * (1 + 1e-9)))
        {
            Violations.Add($"{at}: curvature fails: |g_newᵀs| = {Math.Abs(newSlope):R} > c2·|g_oldᵀs| = {_c2 * Math.Abs(oldSlope):R}");
        }

        _x.CopyTo(_previousX, 0);
        _gradient.CopyTo(_previousGradient, 0);
        _previousValue = value;
        return true;
    }
}
