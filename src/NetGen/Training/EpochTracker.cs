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
    private readonly T[]? _bestParameters;
    private readonly int _patience;
    private readonly double _minImprovement;
    private readonly bool _hasValidation;
    private int _completed;
    private int _bestEpoch;
    private int _withoutImprovement;
    private EpochScores _last = new(double.NaN, null, null, null);
    private EpochScores _best;
    private double _bestValidation = double.PositiveInfinity;

    public EpochTracker(ReadOnlySpan<T> parameters, bool hasValidation, bool restoreBest, int patience, double minImprovement)
    {
        _lastGood = parameters.ToArray();
        _bestParameters = hasValidation && restoreBest ? new T[parameters.Length] : null;
        _hasValidation = hasValidation;
        _patience = patience;
        _minImprovement = minImprovement;
    }

    /// <summary>Records a completed epoch with a finite training cost; returns whether early stopping ends training now.</summary>
    public bool Completed(int epoch, EpochScores scores, ReadOnlySpan<T> parameters)
    {
        _completed = epoch;
        _last = scores;

        // Snapshots first, so that whatever the progress callback does cannot leak into them.
        parameters.CopyTo(_lastGood);
        if (scores.Validation is not double cost)
        {
            return false;
        }

        // "best − cost > m" rather than "cost < best − m": the first finite cost improves on +∞ for any m.
        if (_bestValidation - cost > _minImprovement)
        {
            (_bestValidation, _best, _bestEpoch, _withoutImprovement) = (cost, scores, epoch, 0);
            if (_bestParameters is not null)
            {
                parameters.CopyTo(_bestParameters);
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

        if (_bestParameters is not null && _bestEpoch > 0 && _bestEpoch != _completed)
        {
            _bestParameters.CopyTo(parameters);
            _last = _best;
        }

        return false;
    }

    /// <summary>The result, with <paramref name="before"/> (the scores before training) when no epoch completed.</summary>
    public FitResult Result(FitStopReason reason, FitMetric metric, EpochScores? before)
    {
        EpochScores scores = before ?? _last;
        return new FitResult(reason, _completed, scores.Train, scores.Validation, _hasValidation ? _bestEpoch : _completed)
        {
            Metric = metric,
            TrainMetric = scores.TrainMetric,
            ValidationMetric = scores.ValidationMetric,
        };
    }
}

/// <summary>The objectives and metrics of one set of parameters over the training and validation sets.</summary>
internal readonly record struct EpochScores(double Train, double? Validation, double? TrainMetric, double? ValidationMetric);
