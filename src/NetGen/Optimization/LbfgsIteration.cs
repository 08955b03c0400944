namespace NetGen.Optimization;

/// <summary>Progress after one completed L-BFGS iteration, passed to the iteration callback of <see cref="Lbfgs"/>.</summary>
/// <param name="Iteration">The number of completed iterations, starting at 1.</param>
/// <param name="Cost">The cost J at the new iterate.</param>
/// <param name="GradientNorm">‖∇J‖∞ (the largest absolute gradient component) at the new iterate.</param>
/// <param name="StepSize">
/// The step α accepted by the line search along the search direction d (the new iterate is x + α·d).
/// </param>
/// <param name="Evaluations">Objective evaluations the line search of this iteration used (at least 1).</param>
public readonly record struct LbfgsIteration(int Iteration, double Cost, double GradientNorm, double StepSize, int Evaluations);
