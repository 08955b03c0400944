using System;

namespace NetGen.Optimization;

/// <summary>
/// Settings of <see cref="Lbfgs"/>. Each setter checks its own range and throws
/// <see cref="ArgumentOutOfRangeException"/>; that <see cref="C1"/> is less than <see cref="C2"/> is checked when
/// the options are used.
/// </summary>
public sealed class LbfgsOptions
{
    /// <summary>The options used when none are given.</summary>
    internal static readonly LbfgsOptions Default = new();

    private readonly int _maxIterations = 1000;
    private readonly int _history = 10;
    private readonly double _gradientTolerance = 1e-10;
    private readonly double _costTolerance = 1e-15;
    private readonly double _c1 = 1e-4;
    private readonly double _c2 = 0.9;
    private readonly int _maxLineSearchEvaluations = 40;

    /// <summary>
    /// The most iterations (accepted steps) to take; default 1000. Zero only evaluates the starting point.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxIterations), value, "The iteration limit must be zero or more.");
    }

    /// <summary>
    /// How many of the most recent correction pairs (s, y) approximate the inverse Hessian; default 10.
    /// Values between 3 and 20 are usual; memory is 2 × History × n doubles.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int History
    {
        get => _history;
        init => _history = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(History), value, "The history must hold at least one pair.");
    }

    /// <summary>Stop when ‖∇f‖∞ ≤ this; default 1e−10. Zero stops only on an exactly zero gradient.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public double GradientTolerance
    {
        get => _gradientTolerance;
        init => _gradientTolerance = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(GradientTolerance), value, "The gradient tolerance must be a finite number ≥ 0.");
    }

    /// <summary>
    /// Stop when an iteration changes the cost by at most this relative amount:
    /// |J_{k−1} − J_k| ≤ CostTolerance · max(1, |J_k|); default 1e−15. Zero stops only when the cost does not change.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public double CostTolerance
    {
        get => _costTolerance;
        init => _costTolerance = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(CostTolerance), value, "The cost tolerance must be a finite number ≥ 0.");
    }

    /// <summary>
    /// The sufficient-decrease constant of the strong Wolfe conditions: a step α is accepted only if
    /// f(x + αd) ≤ f(x) + C1·α·∇f(x)ᵀd; default 1e−4. Must be in (0, 1) and less than <see cref="C2"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double C1
    {
        get => _c1;
        init => _c1 = value > 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(C1), value, "C1 must lie strictly between 0 and 1.");
    }

    /// <summary>
    /// The curvature constant of the strong Wolfe conditions: a step α is accepted only if
    /// |∇f(x + αd)ᵀd| ≤ C2·|∇f(x)ᵀd|; default 0.9 (the usual value for quasi-Newton methods; smaller values
    /// search more exactly). Must be in (0, 1) and greater than <see cref="C1"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1).</exception>
    public double C2
    {
        get => _c2;
        init => _c2 = value > 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(C2), value, "C2 must lie strictly between 0 and 1.");
    }

    /// <summary>The most objective evaluations one line search may use; default 40.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxLineSearchEvaluations
    {
        get => _maxLineSearchEvaluations;
        init => _maxLineSearchEvaluations = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxLineSearchEvaluations), value, "A line search needs at least one evaluation.");
    }

    /// <summary>Throws unless the options are consistent as a whole (each setter has checked its own range).</summary>
    internal void Validate(string paramName)
    {
        if (!(C1 < C2))
        {
            throw new ArgumentException($"The strong Wolfe constants must satisfy 0 < C1 < C2 < 1, but C1 = {C1} and C2 = {C2}.", paramName);
        }
    }
}
