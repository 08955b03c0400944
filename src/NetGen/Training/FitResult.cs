using System.Globalization;
using System.Text;

namespace NetGen.Training;

/// <summary>The outcome of <c>NetworkTrainer.Fit</c>.</summary>
/// <param name="StopReason">Why training stopped.</param>
/// <param name="EpochsRun">
/// The number of epochs that completed (and were reported); an epoch that diverged or was cancelled part-way does
/// not count.
/// </param>
/// <param name="TrainCost">
/// The objective over the training set of the parameters left in the network: those of <paramref name="BestEpoch"/>
/// when the best parameters were restored, otherwise those of epoch <paramref name="EpochsRun"/> (or of the
/// parameters before training when no epoch completed).
/// </param>
/// <param name="ValidationCost">
/// The objective over the validation set of the same parameters, or <see langword="null"/> without a validation set.
/// </param>
/// <param name="BestEpoch">
/// With a validation set, the 1-based epoch with the best validation objective (0 if no epoch produced a finite one);
/// without one, the last completed epoch (0 if none completed).
/// </param>
public sealed record FitResult(FitStopReason StopReason, int EpochsRun, double TrainCost, double? ValidationCost, int BestEpoch)
{
    /// <summary>The metric of <see cref="TrainMetric"/> and <see cref="ValidationMetric"/>: <see cref="FitOptions.Metric"/>.</summary>
    public FitMetric Metric { get; init; }

    /// <summary>
    /// The <see cref="Metric"/> over the training set of the parameters left in the network (those of
    /// <see cref="TrainCost"/>), or <see langword="null"/> when the metric is <see cref="FitMetric.None"/>.
    /// </summary>
    public double? TrainMetric { get; init; }

    /// <summary>
    /// The <see cref="Metric"/> over the validation set of the same parameters, or <see langword="null"/> without a
    /// validation set or a metric.
    /// </summary>
    public double? ValidationMetric { get; init; }

    /// <summary>
    /// The members for <c>ToString()</c>, with numbers in the invariant culture, no <c>ValidationCost</c> when there
    /// was no validation set and no metric when there was none:
    /// <c>FitResult { StopReason = Completed, EpochsRun = 50, TrainCost = 0.0123, BestEpoch = 50 }</c>.
    /// </summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"StopReason = {StopReason}, EpochsRun = {EpochsRun}, TrainCost = {TrainCost:G6}");
        if (ValidationCost is { } validation)
        {
            builder.Append(CultureInfo.InvariantCulture, $", ValidationCost = {validation:G6}");
        }

        AppendMetric(builder, Metric, TrainMetric, ValidationMetric);
        builder.Append(CultureInfo.InvariantCulture, $", BestEpoch = {BestEpoch}");
        return true;
    }

    /// <summary>Appends the metric and its values, unless the metric is <see cref="FitMetric.None"/>.</summary>
    internal static void AppendMetric(StringBuilder builder, FitMetric metric, double? train, double? validation)
    {
        if (metric == FitMetric.None)
        {
            return;
        }

        builder.Append(CultureInfo.InvariantCulture, $", Metric = {metric}");
        if (train is { } trainValue)
        {
            builder.Append(CultureInfo.InvariantCulture, $", TrainMetric = {trainValue:G6}");
        }

        if (validation is { } validationValue)
        {
            builder.Append(CultureInfo.InvariantCulture, $", ValidationMetric = {validationValue:G6}");
        }
    }
}
