using System;
using System.Numerics;

namespace NetGen.Training;

/// <summary>
/// The bookkeeping both <c>NetworkTrainer.Fit</c> methods share: the parameters after the last completed epoch (to
/// return to on divergence or cancellation), the best validation epoch and its parameters, early stopping, and the
/// result.
/// </summary>
internal sealed class EpochTracker<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _lastGood;
    private readonly T[]? _best;
    private readonly int _patience;
    private readonly double _minImprovement;
    private readonly bool _hasValidation;
    private int _completed;
    private int _bestEpoch;
    private int _withoutImprovement;
    private double _lastTrain = double.NaN;
    private double? _lastValidation;
    private double _bestValidation = double.PositiveInfinity;
    private double _bestTrain = double.NaN;

    public EpochTracker(ReadOnlySpan<T> parameters, bool hasValidation, bool restoreBest, int patience, double minImprovement)
    {
        _lastGood = parameters.ToArray();
        _best = hasValidation && restoreBest ? new T[parameters.Length] : null;
        _hasValidation = hasValidation;
        _patience = patience;
        _minImprovement = minImprovement;
    }

    /// <summary>Records a completed epoch with finite costs; returns whether early stopping ends training now.</summary>
    public bool Completed(int epoch, double train, double? validation, ReadOnlySpan<T> parameters)
    {
        _completed = epoch;
        _lastTrain = train;
        _lastValidation = validation;

        // Snapshots first, so that whatever the progress callback does cannot leak into them.
        parameters.CopyTo(_lastGood);
        if (validation is not double cost)
        {
            return false;
        }

        // "best − cost > m" rather than "cost < best − m": the first finite cost improves on +∞ for any m.
        if (_bestValidation - cost > _minImprovement)
        {
            (_bestValidation, _bestTrain, _bestEpoch, _withoutImprovement) = (cost, train, epoch, 0);
            if (_best is not null)
            {
                parameters.CopyTo(_best);
            }

            return false;
        }

        _withoutImprovement++;
        return _patience > 0 && _withoutImprovement >= _patience;
    }

    /// <summary>
    /// Leaves the parameters training should end with: after divergence or cancellation those of the last completed
    /// epoch (and the optimizer reset after divergence), otherwise the best epoch's when they are kept. Returns whether
    /// no epoch completed, so that the result needs the costs of the parameters before training.
    /// </summary>
    public bool Restore(FitStopReason reason, Span<T> parameters, GradientOptimizer<T> optimizer)
    {
        if (reason is FitStopReason.Diverged or FitStopReason.Cancelled)
        {
            _lastGood.CopyTo(parameters);
            if (reason == FitStopReason.Diverged)
            {
                optimizer.Reset();
            }

            return _completed == 0;
        }

        if (_best is not null && _bestEpoch > 0 && _bestEpoch != _completed)
        {
            _best.CopyTo(parameters);
            (_lastTrain, _lastValidation) = (_bestTrain, _bestValidation);
        }

        return false;
    }

    /// <summary>The result, with <paramref name="before"/> (the costs before training) when no epoch completed.</summary>
    public FitResult Result(FitStopReason reason, (double Train, double? Validation)? before)
    {
        (double train, double? validation) = before ?? (_lastTrain, _lastValidation);
        return new FitResult(reason, _completed, train, validation, _hasValidation ? _bestEpoch : _completed);
    }
}
