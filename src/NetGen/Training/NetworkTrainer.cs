using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading;
using NetGen.Evaluation;

namespace NetGen.Training;

/// <summary>Trains a network with its own optimizer over mini-batches, epoch after epoch.</summary>
public static partial class NetworkTrainer
{
    /// <summary>
    /// Trains <paramref name="network"/> with its <see cref="ITrainableNetwork{T}.Optimizer"/> for up to
    /// <see cref="FitOptions.Epochs"/> epochs of mini-batches.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each epoch visits every training row once: in a permutation drawn from <see cref="FitOptions.ShuffleSeed"/>
    /// and the epoch number (or in the given order when the seed is <see langword="null"/>), in batches of
    /// <see cref="FitOptions.BatchSize"/> rows, each batch one <see cref="ITrainableNetwork{T}.TrainBatch"/> step. After the
    /// epoch, the objective over the whole training set (and over the validation set, when one is given) is reported
    /// through <paramref name="progress"/>, synchronously on the calling thread, with the <see cref="FitOptions.Metric"/>
    /// over both sets when one is chosen.
    /// </para>
    /// <para>
    /// Early stopping: with a validation set, an epoch improves when its validation objective is more than
    /// <see cref="FitOptions.MinImprovement"/> below the best so far; after <see cref="FitOptions.Patience"/> epochs
    /// in a row without improvement training stops. On early stopping or completion with a validation set and
    /// <see cref="FitOptions.RestoreBestParameters"/>, the network ends with the parameters of the best epoch.
    /// </para>
    /// <para>
    /// Divergence: when a batch objective or any parameter becomes NaN or infinite (checked after every batch), or the
    /// training objective after an epoch does, the parameters are restored to those after the last completed epoch
    /// (those before training if the first epoch diverges), the optimizer is <see cref="GradientOptimizer{T}.Reset"/>
    /// and <see cref="FitStopReason.Diverged"/> is returned.
    /// </para>
    /// <para>
    /// Cancellation: <paramref name="cancellationToken"/> is checked before every batch; when it is signalled, the
    /// parameters are restored to those after the last completed epoch and <see cref="FitStopReason.Cancelled"/> is
    /// returned (no exception is thrown). The optimizer keeps its state, including the steps of the partial epoch.
    /// </para>
    /// <para>
    /// The batch buffers, the permutation, the metric's output buffer and the parameter snapshots are allocated once per
    /// call; the epochs and batches allocate nothing. Not thread-safe: the network must not be used elsewhere while it trains.
    /// </para>
    /// </remarks>
    /// <typeparam name="T">The element type of the network.</typeparam>
    /// <param name="network">The network to train, in place.</param>
    /// <param name="inputs">The training inputs: at least one row of <see cref="INetwork{T}.InputSize"/> values, row-major.</param>
    /// <param name="targets">The training targets: one row of <see cref="INetwork{T}.OutputSize"/> values per input row.</param>
    /// <param name="options">Epochs, batch size, shuffling and early stopping.</param>
    /// <param name="validationInputs">
    /// The validation inputs, or empty for none; given together with <paramref name="validationTargets"/>.
    /// </param>
    /// <param name="validationTargets">
    /// The validation targets, one row per validation input row, or empty for none.
    /// </param>
    /// <param name="progress">Receives one <see cref="EpochReport"/> per completed epoch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops training between two batches.</param>
    /// <returns>Why training stopped, how many epochs ran, and the costs of the parameters left in the network.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="options"/> is out of range.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="inputs"/> is empty or not whole rows, <paramref name="targets"/> does not match it, only one of
    /// the validation spans is given, or they are not whole matching rows.
    /// </exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static FitResult Fit<T>(
        ITrainableNetwork<T> network,
        ReadOnlySpan<T> inputs,
        ReadOnlySpan<T> targets,
        FitOptions options,
        ReadOnlySpan<T> validationInputs = default,
        ReadOnlySpan<T> validationTargets = default,
        IProgress<EpochReport>? progress = null,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);

        int inputSize = network.InputSize, outputSize = network.OutputSize;
        int rows = CheckRows(inputs, targets, inputSize, outputSize, nameof(inputs), nameof(targets));
        bool hasValidation = !validationInputs.IsEmpty || !validationTargets.IsEmpty;
        if (hasValidation)
        {
            if (validationInputs.IsEmpty)
            {
                throw new ArgumentException(
                    "Validation targets were given without validation inputs; give both or neither.", nameof(validationInputs));
            }

            if (validationTargets.IsEmpty)
            {
                throw new ArgumentException(
                    "Validation inputs were given without validation targets; give both or neither.", nameof(validationTargets));
            }

            CheckRows(validationInputs, validationTargets, inputSize, outputSize, nameof(validationInputs), nameof(validationTargets));
        }

        long start = Stopwatch.GetTimestamp();
        Span<T> parameters = network.Parameters;

        // Everything the epochs need, allocated once. Without shuffling, batches are slices of the inputs.
        int batchSize = Math.Min(options.BatchSize, rows);
        int? shuffleSeed = options.ShuffleSeed;
        int[]? order = shuffleSeed is null ? null : new int[rows];
        T[] batchInputs = order is null ? [] : new T[batchSize * inputSize];
        T[] batchTargets = order is null ? [] : new T[batchSize * outputSize];
        var tracker = new EpochTracker<T>(parameters, hasValidation, options.RestoreBestParameters, options.Patience, options.MinImprovement);
        FitMetric metric = options.Metric;
        T[] metricScratch = metric == FitMetric.None
            ? []
            : new T[RowScorer.ScratchLength(outputSize, Math.Max(rows, validationInputs.Length / inputSize), extra: 0)];
        FitStopReason reason = FitStopReason.Completed;

        for (int epoch = 1; epoch <= options.Epochs && reason == FitStopReason.Completed; epoch++)
        {
            if (order is not null)
            {
                Shuffle(order, shuffleSeed.GetValueOrDefault(), epoch);
            }

            for (int first = 0; first < rows; first += batchSize)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    reason = FitStopReason.Cancelled;
                    break;
                }

                int count = Math.Min(batchSize, rows - first);
                ReadOnlySpan<T> batchIn, batchOut;
                if (order is null)
                {
                    batchIn = inputs.Slice(first * inputSize, count * inputSize);
                    batchOut = targets.Slice(first * outputSize, count * outputSize);
                }
                else
                {
                    Gather(inputs, order.AsSpan(first, count), inputSize, batchInputs);
                    Gather(targets, order.AsSpan(first, count), outputSize, batchTargets);
                    batchIn = batchInputs.AsSpan(0, count * inputSize);
                    batchOut = batchTargets.AsSpan(0, count * outputSize);
                }

                T batchCost = network.TrainBatch(batchIn, batchOut);
                if (!T.IsFinite(batchCost) || !AllFinite(parameters))
                {
                    reason = FitStopReason.Diverged;
                    break;
                }
            }

            if (reason != FitStopReason.Completed)
            {
                break;
            }

            double trainCost = double.CreateTruncating(network.Objective(inputs, targets));
            if (!double.IsFinite(trainCost))
            {
                reason = FitStopReason.Diverged;
                break;
            }

            double? validationCost = hasValidation
                ? double.CreateTruncating(network.Objective(validationInputs, validationTargets))
                : null;
            var scores = new EpochScores(
                trainCost,
                validationCost,
                Measure(network, metric, inputs, targets, metricScratch),
                hasValidation ? Measure(network, metric, validationInputs, validationTargets, metricScratch) : null);
            bool stopEarly = tracker.Completed(epoch, scores, parameters);
            progress?.Report(new EpochReport(epoch, trainCost, validationCost, Stopwatch.GetElapsedTime(start))
            {
                Metric = metric,
                TrainMetric = scores.TrainMetric,
                ValidationMetric = scores.ValidationMetric,
            });
            if (stopEarly)
            {
                reason = FitStopReason.EarlyStopped;
            }
        }

        // Without a completed epoch the costs reported are those of the parameters before training.
        bool before = tracker.Restore(reason, parameters, network.Optimizer);
        return tracker.Result(reason, metric, before
            ? new EpochScores(
                double.CreateTruncating(network.Objective(inputs, targets)),
                hasValidation ? double.CreateTruncating(network.Objective(validationInputs, validationTargets)) : null,
                Measure(network, metric, inputs, targets, metricScratch),
                hasValidation ? Measure(network, metric, validationInputs, validationTargets, metricScratch) : null)
            : null);
    }

    /// <summary>The <paramref name="metric"/> over whole matching rows, or <see langword="null"/> for none.</summary>
    private static double? Measure<T>(
        INetwork<T> network, FitMetric metric, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (metric == FitMetric.None)
        {
            return null;
        }

        int rows = inputs.Length / network.InputSize;
        (int correct, double squaredError) = RowScorer.Score(network, inputs, targets, default, useLabels: false, scratch);
        return metric == FitMetric.Accuracy ? (double)correct / rows : squaredError / ((double)rows * network.OutputSize);
    }

    private static void ValidateOptions(FitOptions options)
    {
        if (options.Epochs <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.Epochs, $"{nameof(FitOptions)}.{nameof(FitOptions.Epochs)} must be greater than 0.");
        }

        if (options.BatchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.BatchSize, $"{nameof(FitOptions)}.{nameof(FitOptions.BatchSize)} must be greater than 0.");
        }

        if (options.Patience < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.Patience, $"{nameof(FitOptions)}.{nameof(FitOptions.Patience)} must be 0 (no early stopping) or greater.");
        }

        if (!double.IsFinite(options.MinImprovement) || options.MinImprovement < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MinImprovement, $"{nameof(FitOptions)}.{nameof(FitOptions.MinImprovement)} must be a finite number ≥ 0.");
        }

        if (!Enum.IsDefined(options.Metric))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.Metric,
                $"{nameof(FitOptions)}.{nameof(FitOptions.Metric)} must be one of the values of {nameof(FitMetric)}.");
        }
    }

    /// <summary>Checks that <paramref name="inputs"/> is at least one whole row and that the targets match it; returns the rows.</summary>
    internal static int CheckRows<T>(
        ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int inputSize, int outputSize, string inputsName, string targetsName)
    {
        int rows = SpanChecks.RowCount(inputs, inputSize, inputsName);
        if (rows == 0)
        {
            throw new ArgumentException($"Expected at least one row of {inputSize} elements, but the span is empty.", inputsName);
        }

        long expected = (long)rows * outputSize;
        if (targets.Length != expected)
        {
            throw new ArgumentException(
                $"Expected length {expected} ({rows} rows of {outputSize}, one per row of {inputsName}), but the span has length {targets.Length}.",
                targetsName);
        }

        return rows;
    }

    /// <summary>Copies the rows <paramref name="rows"/> of <paramref name="source"/> one after another into <paramref name="destination"/>.</summary>
    private static void Gather<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> rows, int rowLength, Span<T> destination)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            source.Slice(rows[i] * rowLength, rowLength).CopyTo(destination.Slice(i * rowLength, rowLength));
        }
    }

    /// <summary>Whether every value is finite: x − x is 0 for finite x and NaN for NaN and ±∞, so the sum tells.</summary>
    private static bool AllFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T first = ref MemoryMarshal.GetReference(values);
        nuint n = (nuint)values.Length, i = 0;
        T sum = T.Zero;
        if (Vector128<T>.IsSupported)
        {
            Vector128<T> acc = Vector128<T>.Zero;
            for (; i + (nuint)Vector128<T>.Count <= n; i += (nuint)Vector128<T>.Count)
            {
                Vector128<T> v = Vector128.LoadUnsafe(ref first, i);
                acc += v - v;
            }

            sum = Vector128.Sum(acc);
        }

        for (; i < n; i++)
        {
            T v = Unsafe.Add(ref first, i);
            sum += v - v;
        }

        return sum == T.Zero;
    }

    /// <summary>
    /// Fills <paramref name="order"/> with a permutation of 0..n−1 that depends only on <paramref name="seed"/> and
    /// <paramref name="epoch"/>.
    /// </summary>
    private static void Shuffle(Span<int> order, int seed, int epoch) =>
        SplitMix64.Permutation(order, ((ulong)(uint)seed << 32) | (uint)epoch);
}
