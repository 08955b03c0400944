using System;

namespace NetGen.Optimization;

/// <summary>The outcome of one <see cref="WolfeLineSearch"/>.</summary>
/// <param name="Success">Whether the step satisfies the strong Wolfe conditions.</param>
/// <param name="Step">
/// The accepted step α; on failure the step with the lowest cost that satisfied sufficient decrease, or 0 when
/// no trial step did.
/// </param>
/// <param name="Value">φ(<paramref name="Step"/>) = f(x + α·d).</param>
/// <param name="Evaluations">Objective evaluations used.</param>
internal readonly record struct LineSearchResult(bool Success, double Step, double Value, int Evaluations);

/// <summary>
/// A line search for a step α > 0 along a descent direction d that satisfies the strong Wolfe conditions for
/// φ(α) = f(x + α·d):
/// <list type="bullet">
/// <item>sufficient decrease: φ(α) ≤ φ(0) + c1·α·φ′(0);</item>
/// <item>curvature: |φ′(α)| ≤ c2·|φ′(0)|.</item>
/// </list>
/// It first brackets an interval that contains such steps, extrapolating while φ keeps decreasing, then
/// shrinks the bracket ("zoom") with safeguarded cubic or quadratic interpolation (Nocedal &amp; Wright,
/// Numerical Optimization, 2nd ed., algorithms 3.5 and 3.6).
/// </summary>
/// <remarks>
/// Infinite or NaN values of φ or φ′ are treated as "step too long": the step becomes the upper end of the
/// bracket, so a search recovers from overflow by backtracking.
/// </remarks>
internal static class WolfeLineSearch
{
    /// <summary>Interpolated steps must stay this fraction of the bracket width away from its ends.</summary>
    private const double InteriorMargin = 0.1;

    /// <summary>Bounds of an extrapolated step a + k·(a − aPrevious) while bracketing (Moré and Thuente use the same).</summary>
    private const double MinExtrapolation = 1.1, MaxExtrapolation = 4.0;

    /// <summary>
    /// Searches along <paramref name="direction"/> from <paramref name="x"/>.
    /// On success <paramref name="xTrial"/> and <paramref name="gradientTrial"/> hold x + α·d and its gradient.
    /// On failure with a positive <see cref="LineSearchResult.Step"/> they hold the best point found and its
    /// gradient; with step 0 their content is unspecified.
    /// </summary>
    /// <param name="objective">Evaluates f and ∇f.</param>
    /// <param name="x">The current point (not modified).</param>
    /// <param name="value">φ(0) = f(x).</param>
    /// <param name="direction">d; must be a descent direction.</param>
    /// <param name="slope">φ′(0) = ∇f(x)ᵀd &lt; 0.</param>
    /// <param name="initialStep">The first trial step, finite and &gt; 0.</param>
    /// <param name="c1">Sufficient-decrease constant, 0 &lt; c1 &lt; c2.</param>
    /// <param name="c2">Curvature constant, c1 &lt; c2 &lt; 1.</param>
    /// <param name="maxEvaluations">The most evaluations to use, ≥ 1.</param>
    /// <param name="xTrial">Scratch for trial points, length n.</param>
    /// <param name="gradientTrial">Scratch for trial gradients, length n.</param>
    /// <param name="gradientBest">Scratch for the gradient at the best point, length n.</param>
    public static LineSearchResult Search<TObjective>(
        ref TObjective objective,
        ReadOnlySpan<double> x,
        double value,
        ReadOnlySpan<double> direction,
        double slope,
        double initialStep,
        double c1,
        double c2,
        int maxEvaluations,
        Span<double> xTrial,
        Span<double> gradientTrial,
        Span<double> gradientBest)
        where TObjective : IObjectiveEvaluator, allows ref struct
    {
        var search = new SearchState<TObjective>(x, value, direction, slope, c1, c2, maxEvaluations, xTrial, gradientTrial, gradientBest);
        return search.Run(ref objective, initialStep);
    }

    /// <summary>
    /// The minimizer of the cubic that interpolates φ and φ′ at <paramref name="a"/> and <paramref name="b"/>,
    /// or NaN when that cubic has no local minimizer. Scaled as in Moré and Thuente so that squares do not overflow.
    /// </summary>
    internal static double CubicMinimizer(double a, double fa, double da, double b, double fb, double db)
    {
        double theta = 3 * (fa - fb) / (b - a) + da + db;
        double scale = Math.Max(Math.Abs(theta), Math.Max(Math.Abs(da), Math.Abs(db)));
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            return double.NaN;
        }

        double discriminant = (theta / scale) * (theta / scale) - (da / scale) * (db / scale);
        if (discriminant < 0)
        {
            return double.NaN;
        }

        double gamma = scale * Math.Sqrt(discriminant);
        if (b < a)
        {
            gamma = -gamma;
        }

        // Nocedal & Wright (3.59): b − (b − a)·(φ′(b) + γ − θ)/(φ′(b) − φ′(a) + 2γ).
        return b - (b - a) * (db + gamma - theta) / (db - da + 2 * gamma);
    }

    /// <summary>
    /// The minimizer of the quadratic with φ(a), φ′(a) and φ(b), or NaN when that quadratic opens downwards.
    /// </summary>
    internal static double QuadraticMinimizer(double a, double fa, double da, double b, double fb)
    {
        double width = b - a;
        double curvature = (fb - fa - da * width) / (width * width);
        return curvature > 0 ? a - da / (2 * curvature) : double.NaN;
    }

    /// <summary>The state of one search: φ(0), φ′(0), the scratch buffers and the best point so far.</summary>
    private ref struct SearchState<TObjective>
        where TObjective : IObjectiveEvaluator, allows ref struct
    {
        private readonly ReadOnlySpan<double> _x;
        private readonly ReadOnlySpan<double> _direction;
        private readonly Span<double> _xTrial;
        private readonly Span<double> _gradientTrial;
        private readonly Span<double> _gradientBest;
        private readonly double _value0;
        private readonly double _slope0;
        private readonly double _c1;
        private readonly double _c2;
        private readonly int _maxEvaluations;
        private int _evaluations;
        private double _bestStep;
        private double _bestValue;

        public SearchState(
            ReadOnlySpan<double> x, double value, ReadOnlySpan<double> direction, double slope, double c1, double c2,
            int maxEvaluations, Span<double> xTrial, Span<double> gradientTrial, Span<double> gradientBest)
        {
            _x = x;
            _direction = direction;
            _xTrial = xTrial;
            _gradientTrial = gradientTrial;
            _gradientBest = gradientBest;
            _value0 = value;
            _slope0 = slope;
            _c1 = c1;
            _c2 = c2;
            _maxEvaluations = maxEvaluations;
            _evaluations = 0;
            _bestStep = 0;
            _bestValue = value;
        }

        /// <summary>Bracketing phase (algorithm 3.5): grow the step until it passes a minimizer of φ or satisfies both conditions.</summary>
        public LineSearchResult Run(ref TObjective objective, double initialStep)
        {
            // (previous, valuePrevious, slopePrevious) is the last step that satisfied sufficient decrease and
            // lowered φ; it starts at α = 0.
            double previous = 0, valuePrevious = _value0, slopePrevious = _slope0;
            double step = initialStep;
            while (true)
            {
                if (_evaluations >= _maxEvaluations || !double.IsFinite(step) || step <= previous)
                {
                    return Fail();
                }

                double stepValue = Evaluate(ref objective, step, out double stepSlope);
                bool valid = double.IsFinite(stepValue) && double.IsFinite(stepSlope);
                if (!valid || !SufficientDecrease(step, stepValue) || stepValue >= valuePrevious)
                {
                    // φ rose above the sufficient-decrease line (or stopped falling): a good step lies between.
                    return Zoom(ref objective, previous, valuePrevious, slopePrevious, step, stepValue, stepSlope, valid);
                }

                if (Curvature(stepSlope))
                {
                    return Succeed(step, stepValue);
                }

                RememberBest(step, stepValue);
                if (stepSlope >= 0)
                {
                    // φ turned upwards after a decrease: a minimizer of φ lies between step and previous.
                    return Zoom(ref objective, step, stepValue, stepSlope, previous, valuePrevious, slopePrevious, true);
                }

                // Still descending steeply: extrapolate, using the cubic through both points as a guide.
                double width = step - previous;
                double next = CubicMinimizer(previous, valuePrevious, slopePrevious, step, stepValue, stepSlope);
                double lower = step + MinExtrapolation * width, upper = step + MaxExtrapolation * width;
                next = double.IsNaN(next) ? upper : Math.Clamp(next, lower, upper);
                (previous, valuePrevious, slopePrevious) = (step, stepValue, stepSlope);
                step = next;
            }
        }

        /// <summary>
        /// Zoom phase (algorithm 3.6). Invariants: <paramref name="low"/> satisfies sufficient decrease and has the
        /// lowest φ of all such steps evaluated; φ′(low)·(high − low) &lt; 0, so the bracket holds a strong Wolfe step.
        /// </summary>
        private LineSearchResult Zoom(
            ref TObjective objective,
            double low, double valueLow, double slopeLow,
            double high, double valueHigh, double slopeHigh, bool highValid)
        {
            while (true)
            {
                double width = high - low;
                if (_evaluations >= _maxEvaluations
                    || Math.Abs(width) <= 4 * double.Epsilon
                    || Math.Abs(width) <= 2 * Math.ScaleB(Math.Max(Math.Abs(low), Math.Abs(high)), -52))
                {
                    // Out of evaluations, or the bracket is narrower than the spacing of doubles.
                    return Fail();
                }

                double step = Interpolate(low, valueLow, slopeLow, high, valueHigh, slopeHigh, highValid);
                double stepValue = Evaluate(ref objective, step, out double stepSlope);
                bool valid = double.IsFinite(stepValue) && double.IsFinite(stepSlope);
                if (!valid || !SufficientDecrease(step, stepValue) || stepValue >= valueLow)
                {
                    (high, valueHigh, slopeHigh, highValid) = (step, stepValue, stepSlope, valid);
                    continue;
                }

                if (Curvature(stepSlope))
                {
                    return Succeed(step, stepValue);
                }

                RememberBest(step, stepValue);
                if (stepSlope * (high - low) >= 0)
                {
                    // φ rises from step towards high: the minimizer lies between low and step.
                    (high, valueHigh, slopeHigh, highValid) = (low, valueLow, slopeLow, true);
                }

                (low, valueLow, slopeLow) = (step, stepValue, stepSlope);
            }
        }

        /// <summary>
        /// A trial step inside the bracket: the minimizer of the cubic through φ and φ′ at both ends when both are
        /// known and it lies in the bracket, else that of the quadratic through φ(low), φ′(low) and φ(high), else the
        /// midpoint. An interpolated step closer than <see cref="InteriorMargin"/> of the width to an end is moved to
        /// that distance, so the bracket shrinks by at least that fraction per evaluation and never stalls at an end.
        /// </summary>
        private static double Interpolate(
            double low, double valueLow, double slopeLow, double high, double valueHigh, double slopeHigh, bool highValid)
        {
            double width = high - low;
            double t = double.NaN;   // the trial step as a fraction of the bracket, from low
            if (highValid)
            {
                t = (CubicMinimizer(low, valueLow, slopeLow, high, valueHigh, slopeHigh) - low) / width;
            }

            if (!(t >= 0 && t <= 1) && double.IsFinite(valueHigh))
            {
                t = (QuadraticMinimizer(low, valueLow, slopeLow, high, valueHigh) - low) / width;
            }

            t = t >= 0 && t <= 1 ? Math.Clamp(t, InteriorMargin, 1 - InteriorMargin) : 0.5;
            return low + t * width;
        }

        private readonly bool SufficientDecrease(double step, double stepValue) =>
            stepValue <= _value0 + _c1 * step * _slope0;

        private readonly bool Curvature(double stepSlope) => Math.Abs(stepSlope) <= -_c2 * _slope0;

        /// <summary>φ(step) and φ′(step): fills the trial point and its gradient.</summary>
        private double Evaluate(ref TObjective objective, double step, out double stepSlope)
        {
            ReadOnlySpan<double> x = _x, d = _direction;
            Span<double> xTrial = _xTrial;
            for (int i = 0; i < xTrial.Length; i++)
            {
                xTrial[i] = x[i] + step * d[i];
            }

            _evaluations++;
            double stepValue = objective.Evaluate(xTrial, _gradientTrial);
            stepSlope = VectorOps.Dot(_gradientTrial, d);
            return stepValue;
        }

        /// <summary>Keeps the gradient of a step that satisfies sufficient decrease with the lowest φ so far.</summary>
        private void RememberBest(double step, double stepValue)
        {
            if (stepValue < _bestValue)
            {
                _bestStep = step;
                _bestValue = stepValue;
                _gradientTrial.CopyTo(_gradientBest);
            }
        }

        private readonly LineSearchResult Succeed(double step, double stepValue) => new(true, step, stepValue, _evaluations);

        /// <summary>Puts the best point found (if any) into the trial buffers and reports failure.</summary>
        private readonly LineSearchResult Fail()
        {
            if (_bestStep > 0)
            {
                ReadOnlySpan<double> x = _x, d = _direction;
                for (int i = 0; i < _xTrial.Length; i++)
                {
                    _xTrial[i] = x[i] + _bestStep * d[i];
                }

                _gradientBest.CopyTo(_gradientTrial);
            }

            return new LineSearchResult(false, _bestStep, _bestValue, _evaluations);
        }
    }
}
