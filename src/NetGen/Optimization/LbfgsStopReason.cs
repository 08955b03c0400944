namespace NetGen.Optimization;

/// <summary>Why <see cref="Lbfgs"/> stopped.</summary>
public enum LbfgsStopReason
{
    /// <summary>‖∇f‖∞ fell to <see cref="LbfgsOptions.GradientTolerance"/> or below (possibly at the starting point).</summary>
    GradientTolerance = 0,

    /// <summary>
    /// An iteration lowered the cost by at most <see cref="LbfgsOptions.CostTolerance"/> · max(1, |J|).
    /// </summary>
    CostTolerance = 1,

    /// <summary><see cref="LbfgsOptions.MaxIterations"/> iterations were completed.</summary>
    MaxIterations = 2,

    /// <summary>
    /// The line search found no step that satisfies the strong Wolfe conditions within
    /// <see cref="LbfgsOptions.MaxLineSearchEvaluations"/> evaluations, usually because rounding noise in f
    /// hides any further decrease near a minimizer (typical for <see cref="float"/> networks), or because f or
    /// its gradient became infinite or NaN along the search direction. The point returned is still the one with
    /// the lowest cost found.
    /// </summary>
    LineSearchFailed = 3,

    /// <summary>The iteration callback returned <see langword="false"/>.</summary>
    StoppedByCallback = 4,
}
