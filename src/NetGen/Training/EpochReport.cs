using System;
using System.Globalization;
using System.Text;

namespace NetGen.Training;

/// <summary>What <c>NetworkTrainer.Fit</c> reports after each completed epoch.</summary>
/// <param name="Epoch">The epoch that just completed, 1-based.</param>
/// <param name="TrainCost">The network's objective over the whole training set after the epoch.</param>
/// <param name="ValidationCost">
/// The network's objective over the validation set after the epoch, or <see langword="null"/> without one.
/// </param>
/// <param name="Elapsed">The time since <c>NetworkTrainer.Fit</c> started.</param>
public readonly record struct EpochReport(int Epoch, double TrainCost, double? ValidationCost, TimeSpan Elapsed)
{
    /// <summary>The metric of <see cref="TrainMetric"/> and <see cref="ValidationMetric"/>: <see cref="FitOptions.Metric"/>.</summary>
    public FitMetric Metric { get; init; }

    /// <summary>
    /// The <see cref="Metric"/> over the whole training set after the epoch, or <see langword="null"/> when the metric is
    /// <see cref="FitMetric.None"/>.
    /// </summary>
    public double? TrainMetric { get; init; }

    /// <summary>
    /// The <see cref="Metric"/> over the validation set after the epoch, or <see langword="null"/> without a validation set
    /// or a metric.
    /// </summary>
    public double? ValidationMetric { get; init; }

    /// <summary>
    /// The members for <c>ToString()</c>, numbers in the invariant culture, without the members that are
    /// <see langword="null"/> or the metric when there is none:
    /// <c>EpochReport { Epoch = 3, TrainCost = 0.21, Metric = Accuracy, TrainMetric = 0.94, Elapsed = 00:00:00.0421 }</c>.
    /// </summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Epoch = {Epoch}, TrainCost = {TrainCost:G6}");
        if (ValidationCost is { } validation)
        {
            builder.Append(CultureInfo.InvariantCulture, $", ValidationCost = {validation:G6}");
        }

        FitResult.AppendMetric(builder, Metric, TrainMetric, ValidationMetric);
        builder.Append(CultureInfo.InvariantCulture, $", Elapsed = {Elapsed}");
        return true;
    }
}
