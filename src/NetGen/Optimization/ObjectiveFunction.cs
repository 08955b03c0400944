using System;

namespace NetGen.Optimization;

/// <summary>
/// A smooth objective f: ℝⁿ → ℝ and its gradient, evaluated together as most objectives compute them.
/// </summary>
/// <param name="x">The point at which to evaluate; do not keep a reference to it beyond the call.</param>
/// <param name="gradient">Receives ∇f(x); same length as <paramref name="x"/>. Every element must be written.</param>
/// <returns>f(x).</returns>
public delegate double ObjectiveFunction(ReadOnlySpan<double> x, Span<double> gradient);
