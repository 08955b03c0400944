using System;
using System.Diagnostics;
using System.Numerics;
using System.Threading;

namespace NetGen.Training;

// Fit for sequence networks: windows of a long recording instead of rows.
public static partial class NetworkTrainer
{
    /// <summary>
    /// Trains a sequence network with its <see cref="ISequenceNetwork{T}.Optimizer"/> on windows cut from a long
    /// recording, for up to <see cref="SequenceFitOptions.Epochs"/> epochs.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Windows of <see cref="SequenceFitOptions.WindowLength"/> frames start every <see cref="SequenceFitOptions.Hop"/>
    /// frames (the last frames that do not fill a window are left out, unless the recording is shorter than one window,
    /// which is then the only window). Each epoch visits every window once, in a permutation drawn from
    /// <see cref="SequenceFitOptions.ShuffleSeed"/> and the epoch number, each window one optimizer step on the gradient
    /// of <see cref="ISequenceNetwork{T}.Objective(ReadOnlySpan{T}, ReadOnlySpan{T}, int)"/> with
    /// <see cref="SequenceFitOptions.Warmup"/> frames that only fill the state (backpropagation through the window).
    /// After the epoch, the objective over the whole recording from zero state (and over the validation recording, when
    /// given) is reported through <paramref name="progress"/>.
    /// </para>
    /// <para>
    /// Early stopping, divergence and cancellation behave as for dense networks (see
    /// <see cref="Fit{T}(ITrainableNetwork{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, FitOptions, ReadOnlySpan{T}, ReadOnlySpan{T}, IProgress{EpochReport}?, CancellationToken)"/>).
    /// Not thread-safe: the network must not be used elsewhere while it trains.
    /// </para>
    /// </remarks>
    /// <typeparam name="T">The element type of the network.</typeparam>
    /// <param name="network">The network to train, in place.</param>
    /// <param name="inputs">The recording's input frames, row-major; at least one frame.</param>
    /// <param name="targets">The target frames, one per input frame.</param>
    /// <param name="options">Epochs, windows, shuffling and early stopping.</param>
    /// <param name="validationInputs">A validation recording's input frames, or empty for none.</param>
    /// <param name="validationTargets">Its target frames, or empty for none.</param>
    /// <param name="progress">Receives one <see cref="EpochReport"/> per completed epoch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops training between two windows.</param>
    /// <returns>Why training stopped, how many epochs ran, and the objectives of the parameters left in the network.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="options"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The recordings are empty or not matching whole frames, or only one validation span is given.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static FitResult Fit<T>(
        ISequenceNetwork<T> network,
        ReadOnlySpan<T> inputs,
        ReadOnlySpan<T> targets,
        SequenceFitOptions options,
        ReadOnlySpan<T> validationInputs = default,
        ReadOnlySpan<T> validationTargets = default,
        IProgress<EpochReport>? progress = null,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        int inputSize = network.InputSize, outputSize = network.OutputSize;
        int frames = CheckRows(inputs, targets, inputSize, outputSize, nameof(inputs), nameof(targets));
        (int window, int warmup, int hop) = Windows(options, frames);
        bool hasValidation = !validationInputs.IsEmpty || !validationTargets.IsEmpty;
        if (hasValidation)
        {
            CheckRows(validationInputs, validationTargets, inputSize, outputSize, nameof(validationInputs), nameof(validationTargets));
        }

        long start = Stopwatch.GetTimestamp();
        Span<T> parameters = network.Parameters;
        int windows = ((frames - window) / hop) + 1;
        int[] order = new int[windows];
        T[] gradient = new T[parameters.Length];
        var tracker = new EpochTracker<T>(parameters, hasValidation, options.RestoreBestParameters, options.Patience, options.MinImprovement);
        FitStopReason reason = FitStopReason.Completed;

        for (int epoch = 1; epoch <= options.Epochs && reason == FitStopReason.Completed; epoch++)
        {
            if (options.ShuffleSeed is int seed)
            {
                Shuffle(order, seed, epoch);
            }
            else
            {
                for (int i = 0; i < windows; i++)
                {
                    order[i] = i;
                }
            }

            foreach (int w in order)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    reason = FitStopReason.Cancelled;
                    break;
                }

                int first = w * hop;
                T cost = network.ObjectiveGradient(
                    inputs.Slice(first * inputSize, window * inputSize), targets.Slice(first * outputSize, window * outputSize), gradient, warmup);
                network.Optimizer.Step(parameters, gradient);
                if (!T.IsFinite(cost) || !AllFinite<T>(parameters))
                {
                    reason = FitStopReason.Diverged;
                    break;
                }
            }

            if (reason != FitStopReason.Completed)
            {
                break;
            }

            double train = double.CreateTruncating(network.Objective(inputs, targets));
            if (!double.IsFinite(train))
            {
                reason = FitStopReason.Diverged;
                break;
            }

            double? validation = hasValidation ? double.CreateTruncating(network.Objective(validationInputs, validationTargets)) : null;
            bool stop = tracker.Completed(epoch, new EpochScores(train, validation, null, null), parameters);
            progress?.Report(new EpochReport(epoch, train, validation, Stopwatch.GetElapsedTime(start)));
            if (stop)
            {
                reason = FitStopReason.EarlyStopped;
            }
        }

        bool before = tracker.Restore(reason, parameters, network.Optimizer);
        return tracker.Result(reason, FitMetric.None, before
            ? new EpochScores(
                double.CreateTruncating(network.Objective(inputs, targets)),
                hasValidation ? double.CreateTruncating(network.Objective(validationInputs, validationTargets)) : null,
                null,
                null)
            : null);
    }

    /// <summary>Checks the options against the recording: the window (at most the recording), warm-up and hop.</summary>
    private static (int Window, int Warmup, int Hop) Windows(SequenceFitOptions options, int frames)
    {
        if (options.Epochs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, $"{nameof(SequenceFitOptions)}.{nameof(SequenceFitOptions.Epochs)} must be greater than 0.");
        }

        if (options.Warmup < 0 || options.WindowLength <= options.Warmup)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.WindowLength,
                $"{nameof(SequenceFitOptions)}.{nameof(SequenceFitOptions.WindowLength)} ({options.WindowLength}) must be greater than {nameof(SequenceFitOptions.Warmup)} ({options.Warmup}) ≥ 0.");
        }

        if (options.Hop < 0 || options.Patience < 0 || !double.IsFinite(options.MinImprovement) || options.MinImprovement < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), $"{nameof(SequenceFitOptions)}: Hop and Patience must be ≥ 0 and MinImprovement finite and ≥ 0.");
        }

        int window = Math.Min(options.WindowLength, frames);
        int warmup = Math.Min(options.Warmup, window - 1);
        int hop = options.Hop > 0 ? options.Hop : options.WindowLength - options.Warmup;
        return (window, warmup, hop);
    }
}
