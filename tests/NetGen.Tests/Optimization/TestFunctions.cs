using System;
using NetGen.Optimization;

namespace NetGen.Tests.Optimization;

/// <summary>Objectives with known minimizers for the L-BFGS tests, each with its analytic gradient.</summary>
internal static class TestFunctions
{
    /// <summary>
    /// The chained (generalized) Rosenbrock function f(x) = Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², i = 0..n−2, whose
    /// global minimum is f(1, …, 1) = 0. Its curved, narrow valley is the classic test of a line search.
    /// </summary>
    public static double Rosenbrock(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double f = 0;
        gradient.Clear();
        for (int i = 0; i < x.Length - 1; i++)
        {
            double valley = x[i + 1] - x[i] * x[i], offset = 1 - x[i];
            f += 100 * valley * valley + offset * offset;
            gradient[i] += -400 * x[i] * valley - 2 * offset;
            gradient[i + 1] += 200 * valley;
        }

        return f;
    }

    /// <summary>Counts the evaluations of an objective, to compare with what the minimizer reports.</summary>
    public static ObjectiveFunction Counted(ObjectiveFunction f, Action onEvaluation) => (x, g) =>
    {
        onEvaluation();
        return f(x, g);
    };

    /// <summary>A one-dimensional objective f with derivative f′ and its minimizer.</summary>
    public sealed record Scalar(string Name, Func<double, double> Value, Func<double, double> Derivative, double Start, double Minimizer)
    {
        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            gradient[0] = Derivative(x[0]);
            return Value(x[0]);
        }

        public override string ToString() => Name;
    }

    /// <summary>
    /// One-dimensional functions with known minimizers, chosen to exercise the line search: a first step that
    /// overshoots far, a first step into a region where f is NaN, a quartic, and a function that is nearly flat far
    /// from its minimizer (pairs there fail the curvature test).
    /// </summary>
    public static readonly Scalar[] Scalars =
    [
        // f′(0) = −2, so the first trial step 1/|g| lands at 0.5, 500 times farther than the minimizer 0.001.
        new("steep parabola, overshoot", x => 1000 * (x - 0.001) * (x - 0.001), x => 2000 * (x - 0.001), 0, 0.001),

        // f′(0) = −1.8: the first trial step lands at 1/1.8 ≈ 0.56 and the second extrapolation beyond 0.95, where f is NaN.
        new("parabola with a NaN wall", x => x < 0.95 ? (x - 0.9) * (x - 0.9) : double.NaN, x => x < 0.95 ? 2 * (x - 0.9) : double.NaN, 0, 0.9),

        // x⁴/4 − x, f′ = x³ − 1: not quadratic, curvature 3x² varies by orders of magnitude along the way.
        new("quartic", x => x * x * x * x / 4 - x, x => x * x * x - 1, -3, 1),

        // ln cosh(x − 2) = |t| + ln(1 + e^(−2|t|)) − ln 2, t = x − 2, written so that it does not overflow: slope ±1
        // far away (almost no curvature), quadratic near the minimizer 2.
        new("log cosh", x => Math.Abs(x - 2) + Math.Log(1 + Math.Exp(-2 * Math.Abs(x - 2))) - Math.Log(2), x => Math.Tanh(x - 2), -10, 2),
    ];
}

/// <summary>
/// f(x) = ½(x − x*)ᵀA(x − x*) with A symmetric positive definite and the minimizer x* known. Written around x*
/// rather than as ½xᵀAx − bᵀx so that f has no cancellation near the minimum and x can be resolved to 1e−8.
/// </summary>
internal sealed class Quadratic
{
    private readonly double[,] _a;
    private readonly double[] _offset;

    /// <summary>A = Q·diag(λ)·Qᵀ with λ spread geometrically over [1, conditionNumber] and Q a product of random reflections.</summary>
    public Quadratic(int n, double conditionNumber, int seed)
    {
        var random = new Random(seed);
        var q = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            q[i, i] = 1;
        }

        for (int r = 0; r < 3; r++)
        {
            var v = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++)
            {
                v[i] = random.NextDouble() - 0.5;
                norm += v[i] * v[i];
            }

            // Q ← Q·(I − 2vvᵀ/vᵀv)
            for (int i = 0; i < n; i++)
            {
                double qv = 0;
                for (int k = 0; k < n; k++)
                {
                    qv += q[i, k] * v[k];
                }

                for (int j = 0; j < n; j++)
                {
                    q[i, j] -= 2 * qv * v[j] / norm;
                }
            }
        }

        _a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                {
                    sum += q[i, k] * Math.Pow(conditionNumber, k / (double)Math.Max(1, n - 1)) * q[j, k];
                }

                _a[i, j] = sum;
            }
        }

        Minimizer = new double[n];
        for (int i = 0; i < n; i++)
        {
            Minimizer[i] = random.NextDouble() * 4 - 2;
        }

        _offset = new double[n];
    }

    public double[] Minimizer { get; }

    /// <summary>f = ½eᵀAe with e = x − x*; ∇f = A·e.</summary>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        int n = x.Length;
        Span<double> e = _offset;
        for (int i = 0; i < n; i++)
        {
            e[i] = x[i] - Minimizer[i];
        }

        double f = 0;
        for (int i = 0; i < n; i++)
        {
            double ae = 0;
            for (int j = 0; j < n; j++)
            {
                ae += _a[i, j] * e[j];
            }

            gradient[i] = ae;
            f += 0.5 * e[i] * ae;
        }

        return f;
    }

    /// <summary>max |xᵢ − x*ᵢ|.</summary>
    public double Error(ReadOnlySpan<double> x)
    {
        double error = 0;
        for (int i = 0; i < x.Length; i++)
        {
            error = Math.Max(error, Math.Abs(x[i] - Minimizer[i]));
        }

        return error;
    }
}
