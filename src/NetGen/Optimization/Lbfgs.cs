using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace NetGen.Optimization;

/// <summary>
/// Limited-memory BFGS (L-BFGS): a quasi-Newton minimizer for smooth functions that keeps the last few
/// correction pairs instead of a dense inverse Hessian, with a strong Wolfe line search. The usual choice for
/// full-batch training of small networks, where it needs far fewer gradient evaluations than gradient descent.
/// </summary>
/// <remarks>
/// <para>
/// Each iteration k computes the search direction d = −H·g with the two-loop recursion over the last
/// <see cref="LbfgsOptions.History"/> pairs sᵢ = xᵢ₊₁ − xᵢ, yᵢ = gᵢ₊₁ − gᵢ, starting from H₀ = γI with
/// γ = sᵀy / yᵀy of the newest pair; then a line search finds a step α that satisfies the strong Wolfe conditions
/// (<see cref="LbfgsOptions.C1"/>, <see cref="LbfgsOptions.C2"/>) and x ← x + α·d. A pair is stored only when
/// sᵀy &gt; 10⁻⁸·‖s‖·‖y‖, which keeps H positive definite. If d is nevertheless not a descent direction
/// (gᵀd ≥ 0, or not finite, after rounding), the history is cleared and d = −g.
/// </para>
/// <para>
/// The first trial step is 1, the natural step of a quasi-Newton direction. When the history is empty (the
/// first iteration, or after it was cleared) d = −g carries no scale information, so the first trial step is
/// 1/‖g‖₂, a move of unit length.
/// </para>
/// <para>
/// Memory: every buffer (5 vectors of length n plus 2 per stored pair, at most min(History, MaxIterations) pairs)
/// is allocated once per call; iterations allocate nothing. The objective and the callback are called on the
/// calling thread, one call at a time.
/// </para>
/// </remarks>
public static class Lbfgs
{
    /// <summary>A pair (s, y) is kept only when sᵀy &gt; this · ‖s‖·‖y‖ (the cosine of their angle exceeds it).</summary>
    private const double CurvatureEpsilon = 1e-8;

    /// <summary>Minimizes <paramref name="f"/> starting from <paramref name="x"/>.</summary>
    /// <param name="f">The objective; writes ∇f and returns f.</param>
    /// <param name="x">
    /// The starting point on entry; on return the point with the lowest cost found. It is updated in place after
    /// every accepted step (trial points of the line search are evaluated in a separate buffer), so when
    /// <paramref name="onIteration"/> runs it already holds the new iterate, and if <paramref name="f"/> or the
    /// callback throws it holds the last accepted iterate.
    /// </param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="onIteration">
    /// Called after every completed iteration (not after a final line search that failed); return
    /// <see langword="false"/> to stop, which takes precedence over the other stop tests of that iteration.
    /// </param>
    /// <returns>Why it stopped, the work done, and the cost and gradient norm at the returned <paramref name="x"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="x"/> is empty or holds a value that is not finite; f or ∇f is not finite at the starting
    /// point; or <paramref name="options"/> has <see cref="LbfgsOptions.C1"/> ≥ <see cref="LbfgsOptions.C2"/>.
    /// </exception>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a function or a network), so no call can be ambiguous.")]
    public static LbfgsResult Minimize(
        ObjectiveFunction f, Span<double> x, LbfgsOptions? options = null, Func<LbfgsIteration, bool>? onIteration = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (x.IsEmpty)
        {
            throw new ArgumentException("The starting point must have at least one element.", nameof(x));
        }

        if (!VectorOps.AllFinite(x))
        {
            throw new ArgumentException("The starting point must hold finite values only.", nameof(x));
        }

        options ??= LbfgsOptions.Default;
        options.Validate(nameof(options));
        var objective = new DelegateObjective(f);
        return Run(ref objective, x, options, onIteration, nameof(x));
    }

    /// <summary>
    /// Trains <paramref name="network"/> by minimizing its full-batch <see cref="ITrainableNetwork{T}.Objective"/> (mean cost
    /// over the rows plus the network's <see cref="ITrainableNetwork{T}.L2Regularization"/> penalty) with L-BFGS, starting
    /// from its current parameters.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The optimizer works in <see cref="double"/>: it copies the parameters to a double vector, and evaluates a point
    /// by writing it into <see cref="INetwork{T}.Parameters"/> (rounded to <typeparamref name="T"/>) and calling
    /// <see cref="ITrainableNetwork{T}.ObjectiveGradient"/>. On return, also when the line search failed, the network holds
    /// the best parameters found (those of <see cref="LbfgsResult.Cost"/>); if the network or the callback throws,
    /// it holds the last accepted iterate. The network's optimizer and its state are not used.
    /// </para>
    /// <para>
    /// A <see cref="float"/> network computes its objective to about 7 significant digits, so near a minimum the
    /// decrease soon hides below rounding and the run typically ends with
    /// <see cref="LbfgsStopReason.LineSearchFailed"/>, with the parameters at the best point found; use a double
    /// network (<c>ElementType = typeof(double)</c>) to minimize further.
    /// </para>
    /// <para>
    /// Allocates once per call: two vectors of <see cref="INetwork{T}.ParameterCount"/> elements of
    /// <typeparamref name="T"/> and the optimizer's double buffers. Not thread-safe with respect to the network,
    /// whose parameters it changes while it runs.
    /// </para>
    /// </remarks>
    /// <typeparam name="T">The network's element type.</typeparam>
    /// <param name="network">The network to train; its parameters are the start and receive the result.</param>
    /// <param name="inputs">The training inputs, row-major, <see cref="INetwork{T}.InputSize"/> elements per row; at least one row.</param>
    /// <param name="targets">The matching targets, row-major, <see cref="INetwork{T}.OutputSize"/> elements per row.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="onIteration">
    /// Called after every completed iteration, when the network already holds the new iterate; return
    /// <see langword="false"/> to stop.
    /// </param>
    /// <returns>Why it stopped, the work done, and the objective and gradient norm at the parameters left in the network.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="inputs"/> is empty or not whole rows, <paramref name="targets"/> does not hold one row per
    /// input row, the network's parameters are not finite or the objective is not finite at them, or
    /// <paramref name="options"/> has <see cref="LbfgsOptions.C1"/> ≥ <see cref="LbfgsOptions.C2"/>.
    /// </exception>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a function or a network), so no call can be ambiguous.")]
    public static LbfgsResult Minimize<T>(
        ITrainableNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, LbfgsOptions? options = null,
        Func<LbfgsIteration, bool>? onIteration = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        SpanChecks.BatchRows(inputs, targets, network.InputSize, network.OutputSize);
        options ??= LbfgsOptions.Default;
        options.Validate(nameof(options));

        int count = network.ParameterCount;
        ReadOnlySpan<T> parameters = network.Parameters;
        if (parameters.Length != count || count == 0)
        {
            throw new ArgumentException(
                $"The network reports {count} parameters and its Parameters span has length {parameters.Length}; expected equal and at least 1.",
                nameof(network));
        }

        var x = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = double.CreateTruncating(parameters[i]);
        }

        if (!VectorOps.AllFinite(x))
        {
            throw new ArgumentException("The network's parameters must be finite to start from them.", nameof(network));
        }

        var objective = new NetworkObjective<T>(network, inputs, targets, new T[count]);
        try
        {
            return Run(ref objective, x, options, onIteration, nameof(network));
        }
        finally
        {
            // x is the best point found (or the last accepted iterate if something threw); trial points were
            // written into the network while searching.
            NetworkObjective<T>.WriteParameters(network, x);
        }
    }

    /// <summary>
    /// Trains a sequence network with L-BFGS on <see cref="ISequenceNetwork{T}.Objective(ReadOnlySpan{T}, ReadOnlySpan{T})"/> over one sequence from zero
    /// state, its gradient by backpropagation through time; otherwise as
    /// <see cref="Minimize{T}(ITrainableNetwork{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, LbfgsOptions?, Func{LbfgsIteration, bool}?)"/>.
    /// </summary>
    /// <typeparam name="T">The network's element type.</typeparam>
    /// <param name="network">The network to train; its parameters are the start and receive the result.</param>
    /// <param name="inputs">One sequence of frames, row-major, <see cref="ISequenceNetwork{T}.InputSize"/> per frame; at least one frame.</param>
    /// <param name="targets">The target frames, <see cref="ISequenceNetwork{T}.OutputSize"/> per frame.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="onIteration">Called after every completed iteration; return <see langword="false"/> to stop.</param>
    /// <returns>Why it stopped, the work done, and the objective and gradient norm at the parameters left in the network.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The sequences are empty or not matching whole frames, the parameters or the objective at them are not finite,
    /// or <paramref name="options"/> has <see cref="LbfgsOptions.C1"/> ≥ <see cref="LbfgsOptions.C2"/>.
    /// </exception>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a function or a network), so no call can be ambiguous.")]
    public static LbfgsResult Minimize<T>(
        ISequenceNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, LbfgsOptions? options = null,
        Func<LbfgsIteration, bool>? onIteration = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        SpanChecks.BatchRows(inputs, targets, network.InputSize, network.OutputSize);
        options ??= LbfgsOptions.Default;
        options.Validate(nameof(options));

        int count = network.ParameterCount;
        var x = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = double.CreateTruncating(network.Parameters[i]);
        }

        if (!VectorOps.AllFinite(x))
        {
            throw new ArgumentException("The network's parameters must be finite to start from them.", nameof(network));
        }

        var objective = new SequenceObjective<T>(network, inputs, targets, new T[count]);
        try
        {
            return Run(ref objective, x, options, onIteration, nameof(network));
        }
        finally
        {
            SequenceObjective<T>.WriteParameters(network, x);
        }
    }

    /// <summary>The minimization loop, specialized for each kind of objective.</summary>
    /// <param name="objective">Evaluates f and ∇f.</param>
    /// <param name="x">Start in, best point out.</param>
    /// <param name="options">Validated settings.</param>
    /// <param name="onIteration">The optional callback.</param>
    /// <param name="startName">The parameter to blame when the objective is not finite at the start.</param>
    internal static LbfgsResult Run<TObjective>(
        ref TObjective objective, Span<double> x, LbfgsOptions options, Func<LbfgsIteration, bool>? onIteration, string startName)
        where TObjective : IObjectiveEvaluator, allows ref struct
    {
        int n = x.Length;

        // No more pairs than iterations can ever be stored.
        int m = Math.Min(options.History, Math.Max(1, options.MaxIterations));
        if ((long)m * n > Array.MaxLength)
        {
            throw new ArgumentException(
                $"History × n = {m} × {n} exceeds the largest array; use a smaller LbfgsOptions.History.", nameof(options));
        }

        var g = new double[n];
        var d = new double[n];
        var xTrial = new double[n];
        var gTrial = new double[n];
        var gBest = new double[n];
        var sHistory = new double[m * n];
        var yHistory = new double[m * n];
        var rho = new double[m];
        var alpha = new double[m];

        double cost = objective.Evaluate(x, g);
        int evaluations = 1;
        if (!double.IsFinite(cost) || !VectorOps.AllFinite(g))
        {
            throw new ArgumentException(
                $"The objective or its gradient is not finite at the starting point (cost {cost}).", startName);
        }

        double gradientNorm = VectorOps.MaxAbs(g);
        if (gradientNorm <= options.GradientTolerance)
        {
            return new LbfgsResult(LbfgsStopReason.GradientTolerance, 0, evaluations, cost, gradientNorm);
        }

        int iterations = 0;
        int count = 0, newest = -1;   // stored pairs and the ring-buffer slot of the newest
        double gamma = 1;             // sᵀy / yᵀy of the newest pair
        while (iterations < options.MaxIterations)
        {
            // d = −H·g, or −g when there is no history or H·g is not a descent direction after rounding.
            double slope = double.NaN;
            if (count > 0)
            {
                TwoLoopRecursion(g, sHistory, yHistory, rho, alpha, count, newest, gamma, d);
                slope = VectorOps.Dot(g, d);
            }

            if (!(slope < 0) || !double.IsFinite(slope))
            {
                count = 0;
                for (int i = 0; i < n; i++)
                {
                    d[i] = -g[i];
                }

                slope = -VectorOps.Dot(g, g);
            }

            double initialStep = count > 0 ? 1 : 1 / VectorOps.Norm(g);
            if (!double.IsFinite(initialStep) || !(initialStep > 0))
            {
                initialStep = 1;
            }

            LineSearchResult search = WolfeLineSearch.Search(
                ref objective, x, cost, d, slope, initialStep, options.C1, options.C2, options.MaxLineSearchEvaluations,
                xTrial, gTrial, gBest);
            evaluations += search.Evaluations;
            if (!search.Success)
            {
                if (search.Step > 0)
                {
                    // Keep the lowest cost found, although it does not satisfy the curvature condition.
                    xTrial.CopyTo(x);
                    gTrial.CopyTo(g);
                    cost = search.Value;
                    gradientNorm = VectorOps.MaxAbs(g);
                }

                return new LbfgsResult(LbfgsStopReason.LineSearchFailed, iterations, evaluations, cost, gradientNorm);
            }

            if (StorePair(x, xTrial, g, gTrial, sHistory, yHistory, rho, (newest + 1) % m, out double newGamma))
            {
                newest = (newest + 1) % m;
                count = Math.Min(count + 1, m);
                gamma = newGamma;
            }

            xTrial.CopyTo(x);
            gTrial.CopyTo(g);
            double previousCost = cost;
            cost = search.Value;
            gradientNorm = VectorOps.MaxAbs(g);
            iterations++;

            if (onIteration is not null
                && !onIteration(new LbfgsIteration(iterations, cost, gradientNorm, search.Step, search.Evaluations)))
            {
                return new LbfgsResult(LbfgsStopReason.StoppedByCallback, iterations, evaluations, cost, gradientNorm);
            }

            if (gradientNorm <= options.GradientTolerance)
            {
                return new LbfgsResult(LbfgsStopReason.GradientTolerance, iterations, evaluations, cost, gradientNorm);
            }

            if (Math.Abs(previousCost - cost) <= options.CostTolerance * Math.Max(1, Math.Abs(cost)))
            {
                return new LbfgsResult(LbfgsStopReason.CostTolerance, iterations, evaluations, cost, gradientNorm);
            }
        }

        return new LbfgsResult(LbfgsStopReason.MaxIterations, iterations, evaluations, cost, gradientNorm);
    }

    /// <summary>
    /// Stores s = xNew − x and y = gNew − g in ring slot <paramref name="slot"/> if they satisfy the curvature
    /// condition sᵀy &gt; ε·‖s‖·‖y‖; otherwise leaves the history untouched (the slot may still hold the oldest pair).
    /// </summary>
    private static bool StorePair(
        ReadOnlySpan<double> x, ReadOnlySpan<double> xNew, ReadOnlySpan<double> g, ReadOnlySpan<double> gNew,
        Span<double> sHistory, Span<double> yHistory, Span<double> rho, int slot, out double gamma)
    {
        double sy = 0, ss = 0, yy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double s = xNew[i] - x[i], y = gNew[i] - g[i];
            sy += s * y;
            ss += s * s;
            yy += y * y;
        }

        gamma = sy / yy;
        if (!(sy > CurvatureEpsilon * Math.Sqrt(ss) * Math.Sqrt(yy)) || !double.IsFinite(gamma) || !double.IsFinite(1 / sy))
        {
            return false;
        }

        int n = x.Length;
        Span<double> sSlot = sHistory.Slice(slot * n, n), ySlot = yHistory.Slice(slot * n, n);
        for (int i = 0; i < n; i++)
        {
            sSlot[i] = xNew[i] - x[i];
            ySlot[i] = gNew[i] - g[i];
        }

        rho[slot] = 1 / sy;
        return true;
    }

    /// <summary>
    /// d = −H·g by the two-loop recursion (Nocedal &amp; Wright, algorithm 7.4) over the <paramref name="count"/>
    /// newest pairs, H₀ = γI.
    /// </summary>
    private static void TwoLoopRecursion(
        ReadOnlySpan<double> g, ReadOnlySpan<double> sHistory, ReadOnlySpan<double> yHistory, ReadOnlySpan<double> rho,
        Span<double> alpha, int count, int newest, double gamma, Span<double> d)
    {
        int n = g.Length, m = rho.Length;
        Span<double> q = d;
        g.CopyTo(q);

        // Newest to oldest: αᵢ = ρᵢ·sᵢᵀq; q ← q − αᵢ·yᵢ.
        for (int k = 0; k < count; k++)
        {
            int slot = (newest - k + m) % m;
            ReadOnlySpan<double> s = sHistory.Slice(slot * n, n), y = yHistory.Slice(slot * n, n);
            double a = rho[slot] * VectorOps.Dot(s, q);
            alpha[slot] = a;
            for (int i = 0; i < n; i++)
            {
                q[i] -= a * y[i];
            }
        }

        // r = H₀·q, then oldest to newest: βᵢ = ρᵢ·yᵢᵀr; r ← r + (αᵢ − βᵢ)·sᵢ. Finally d = −r.
        for (int i = 0; i < n; i++)
        {
            q[i] *= gamma;
        }

        for (int k = count - 1; k >= 0; k--)
        {
            int slot = (newest - k + m) % m;
            ReadOnlySpan<double> s = sHistory.Slice(slot * n, n), y = yHistory.Slice(slot * n, n);
            double coefficient = alpha[slot] - rho[slot] * VectorOps.Dot(y, q);
            for (int i = 0; i < n; i++)
            {
                q[i] += coefficient * s[i];
            }
        }

        for (int i = 0; i < n; i++)
        {
            d[i] = -q[i];
        }
    }
}
