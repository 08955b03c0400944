namespace NetGen.Optimization;

/// <summary>The outcome of an <see cref="Lbfgs"/> minimization.</summary>
/// <param name="StopReason">Why the minimization stopped.</param>
/// <param name="Iterations">Completed iterations (accepted steps); a final line search that failed is not counted.</param>
/// <param name="Evaluations">Every objective evaluation, including the one at the starting point.</param>
/// <param name="Cost">The cost J at the returned point, the lowest cost found.</param>
/// <param name="GradientNorm">‖∇J‖∞ at the returned point.</param>
public sealed record LbfgsResult(LbfgsStopReason StopReason, int Iterations, int Evaluations, double Cost, double GradientNorm);
