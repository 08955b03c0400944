namespace NetGen.Training;

/// <summary>
/// A measure <c>NetworkTrainer.Fit</c> reports after each epoch beside the objective, over the training set and the
/// validation set (<see cref="FitOptions.Metric"/>). It is only reported; early stopping still follows the validation
/// objective.
/// </summary>
public enum FitMetric
{
    /// <summary>
    /// No metric: <see cref="EpochReport.TrainMetric"/> and <see cref="EpochReport.ValidationMetric"/> are <see langword="null"/>.
    /// </summary>
    None = 0,

    /// <summary>
    /// The fraction of rows whose output's argmax equals their target's argmax (one-hot targets), or, with a single output,
    /// whose ŷ ≥ 0.5 agrees with y ≥ 0.5; the same as <c>EvaluationResult.Accuracy</c>.
    /// </summary>
    Accuracy = 1,

    /// <summary>(1/(N·m))·Σ (ŷ − y)² over the N rows and m outputs; the same as <c>EvaluationResult.MeanSquaredError</c>.</summary>
    MeanSquaredError = 2,
}
