using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Compares a network's backpropagated gradient with central finite differences of its cost, the standard
/// way to catch a wrong gradient.
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// Computes the analytic gradient g of the batch cost (the sum of
    /// <see cref="ITrainableNetwork{T}.AccumulateGradients"/> over the rows) and the numeric gradient
    /// nᵢ = (J(θ + εeᵢ) − J(θ − εeᵢ)) / 2ε of the same cost, summed in <see cref="double"/>, for every
    /// parameter, and reports how far apart they are.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every parameter is perturbed in turn and then restored: afterwards <see cref="INetwork{T}.Parameters"/>
    /// hold exactly the values they held before, also when the network throws. The check costs
    /// 2 × <see cref="INetwork{T}.ParameterCount"/> batch evaluations, so use it on small networks or few rows.
    /// </para>
    /// <para>
    /// The step actually taken is the difference of the two perturbed parameter values as stored in
    /// <typeparamref name="T"/>, so rounding of θ ± ε does not bias the quotient.
    /// </para>
    /// <para>
    /// Choose ε for the element type: for <see cref="double"/> networks the default 1e−4 gives relative errors
    /// around 1e−8 or less. <see cref="float"/> networks compute their cost with about 7 significant digits, so use
    /// a larger ε (1e−3 to 1e−2) and expect relative errors around 1e−3; values near 1 or above mean a wrong gradient.
    /// ReLU networks can show spurious errors when a pre-activation lies within ε of the kink at 0.
    /// </para>
    /// </remarks>
    /// <typeparam name="T">The network's element type.</typeparam>
    /// <param name="network">The network to check; its parameters are left unchanged.</param>
    /// <param name="inputs">One or more samples, row-major, <see cref="INetwork{T}.InputSize"/> elements each.</param>
    /// <param name="targets">The matching targets, row-major, <see cref="INetwork{T}.OutputSize"/> elements each.</param>
    /// <param name="epsilon">The finite-difference step ε; finite and greater than zero.</param>
    /// <returns>The relative error ‖g − n‖ / ‖g + n‖ and the parameter where g and n differ most.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="inputs"/> is empty or not a whole number of rows, <paramref name="targets"/> does not hold
    /// one row per input row, or the network's <see cref="INetwork{T}.Parameters"/> length is not its
    /// <see cref="INetwork{T}.ParameterCount"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="epsilon"/> is not a finite number greater than zero, or is too small to change some parameter
    /// once rounded to <typeparamref name="T"/>.
    /// </exception>
    public static GradientCheckResult Run<T>(ITrainableNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, double epsilon = 1e-4)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Check(network, inputs, targets, epsilon, objective: false);

    /// <summary>
    /// Like <see cref="Run{T}"/>, but checks the training objective: <see cref="ITrainableNetwork{T}.ObjectiveGradient"/>
    /// against central differences of <see cref="ITrainableNetwork{T}.Objective"/>, J = (1/N)·Σ J_row + (λ/2)·Σ W², so the
    /// L2 penalty's gradient is checked too.
    /// </summary>
    /// <inheritdoc cref="Run{T}" path="/param"/>
    /// <inheritdoc cref="Run{T}" path="/returns"/>
    /// <inheritdoc cref="Run{T}" path="/exception"/>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static GradientCheckResult RunObjective<T>(ITrainableNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, double epsilon = 1e-4)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Check(network, inputs, targets, epsilon, objective: true);

    /// <summary>
    /// Checks a sequence network's backpropagation through time: <see cref="ISequenceNetwork{T}.ObjectiveGradient(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T})"/>
    /// against central differences of <see cref="ISequenceNetwork{T}.Objective(ReadOnlySpan{T}, ReadOnlySpan{T})"/> over one sequence from zero state
    /// (L2 penalty included), parameter by parameter; the parameters are restored afterwards, also when it throws.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="inputs">One sequence of frames, row-major; at least one frame.</param>
    /// <param name="targets">The target frames.</param>
    /// <param name="epsilon">The step ε; see <see cref="Run{T}"/> for choosing it.</param>
    /// <inheritdoc cref="Run{T}" path="/returns"/>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequences are empty or not matching whole frames.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="epsilon"/> is not a finite number greater than zero, or too small to change some parameter in <typeparamref name="T"/>.
    /// </exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static GradientCheckResult RunObjective<T>(ISequenceNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, double epsilon = 1e-4)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!double.IsFinite(epsilon) || epsilon <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The step must be a finite number greater than zero.");
        }

        int count = network.ParameterCount;
        T[] saved = network.Parameters.ToArray();
        try
        {
            T[] analytic = new T[count];
            network.ObjectiveGradient(inputs, targets, analytic);
            double differenceSquared = 0, sumSquared = 0, worst = -1;
            int worstIndex = -1;
            for (int i = 0; i < count; i++)
            {
                double center = double.CreateChecked(saved[i]);
                T plus = T.CreateChecked(center + epsilon), minus = T.CreateChecked(center - epsilon);
                if (plus == minus)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(epsilon), epsilon, $"The step is too small to change parameter {i} ({center}) in {typeof(T).Name}.");
                }

                network.Parameters[i] = plus;
                double costPlus = double.CreateChecked(network.Objective(inputs, targets));
                network.Parameters[i] = minus;
                double costMinus = double.CreateChecked(network.Objective(inputs, targets));
                network.Parameters[i] = saved[i];
                double numeric = (costPlus - costMinus) / (double.CreateChecked(plus) - double.CreateChecked(minus));
                double g = double.CreateChecked(analytic[i]);
                differenceSquared += (g - numeric) * (g - numeric);
                sumSquared += (g + numeric) * (g + numeric);
                if (Math.Abs(g - numeric) > worst || double.IsNaN(g - numeric))
                {
                    worst = Math.Abs(g - numeric);
                    worstIndex = i;
                }
            }

            double relativeError = differenceSquared == 0 ? 0 : Math.Sqrt(differenceSquared) / Math.Sqrt(sumSquared);
            return new GradientCheckResult(relativeError, worstIndex, Math.Max(worst, 0), count);
        }
        finally
        {
            saved.CopyTo(network.Parameters);
        }
    }

    private static GradientCheckResult Check<T>(
        ITrainableNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, double epsilon, bool objective)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!double.IsFinite(epsilon) || epsilon <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The step must be a finite number greater than zero.");
        }

        int inputSize = network.InputSize, outputSize = network.OutputSize;
        int rows = SpanChecks.RowCount(inputs, inputSize, nameof(inputs));
        if (rows == 0)
        {
            throw new ArgumentException($"Expected at least one row of {inputSize} elements, but the span is empty.", nameof(inputs));
        }

        SpanChecks.ThrowIfLengthIsNot(targets, rows * outputSize, nameof(targets));
        int count = network.ParameterCount;
        if (network.Parameters.Length != count)
        {
            throw new ArgumentException(
                $"The network reports {count} parameters, but its Parameters span has length {network.Parameters.Length}.",
                nameof(network));
        }

        T[] saved = network.Parameters.ToArray();
        try
        {
            T[] analytic = new T[count];
            if (objective)
            {
                network.ObjectiveGradient(inputs, targets, analytic);
            }
            else
            {
                for (int r = 0; r < rows; r++)
                {
                    network.AccumulateGradients(
                        inputs.Slice(r * inputSize, inputSize), targets.Slice(r * outputSize, outputSize), analytic);
                }
            }

            double differenceSquared = 0, sumSquared = 0, worst = -1;
            int worstIndex = -1;
            for (int i = 0; i < count; i++)
            {
                double numeric = NumericDerivative(network, i, saved[i], epsilon, inputs, targets, rows, objective);
                double g = double.CreateChecked(analytic[i]);
                double difference = g - numeric, sum = g + numeric;
                differenceSquared += difference * difference;
                sumSquared += sum * sum;
                if (Math.Abs(difference) > worst || double.IsNaN(difference))
                {
                    worst = Math.Abs(difference);
                    worstIndex = i;
                }
            }

            double relativeError = differenceSquared == 0 ? 0 : Math.Sqrt(differenceSquared) / Math.Sqrt(sumSquared);
            return new GradientCheckResult(relativeError, worstIndex, Math.Max(worst, 0), count);
        }
        finally
        {
            saved.CopyTo(network.Parameters);
        }
    }

    /// <summary>(J(θᵢ + ε) − J(θᵢ − ε)) / (θᵢ⁺ − θᵢ⁻) with the perturbed values as stored in T; leaves θᵢ perturbed.</summary>
    private static double NumericDerivative<T>(
        ITrainableNetwork<T> network, int index, T original, double epsilon, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int rows, bool objective)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double center = double.CreateChecked(original);
        T plus = T.CreateChecked(center + epsilon);
        T minus = T.CreateChecked(center - epsilon);
        if (plus == minus)
        {
            throw new ArgumentOutOfRangeException(
                nameof(epsilon), epsilon, $"The step is too small to change parameter {index} ({center}) in {typeof(T).Name}.");
        }

        network.Parameters[index] = plus;
        double costPlus = objective ? double.CreateChecked(network.Objective(inputs, targets)) : BatchCost(network, inputs, targets, rows);
        network.Parameters[index] = minus;
        double costMinus = objective ? double.CreateChecked(network.Objective(inputs, targets)) : BatchCost(network, inputs, targets, rows);
        network.Parameters[index] = original;

        return (costPlus - costMinus) / (double.CreateChecked(plus) - double.CreateChecked(minus));
    }

    /// <summary>Σ over rows of J, accumulated in double.</summary>
    private static double BatchCost<T>(ITrainableNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int inputSize = network.InputSize, outputSize = network.OutputSize;
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            total += double.CreateChecked(
                network.Cost(inputs.Slice(r * inputSize, inputSize), targets.Slice(r * outputSize, outputSize)));
        }

        return total;
    }
}
