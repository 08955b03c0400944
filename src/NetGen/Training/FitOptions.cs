namespace NetGen.Training;

/// <summary>
/// How <c>NetworkTrainer.Fit</c> trains: the number of epochs, the mini-batch size, shuffling, early stopping and the
/// metric reported per epoch. The values are checked when <c>NetworkTrainer.Fit</c> starts.
/// </summary>
public sealed class FitOptions
{
    /// <summary>The number of passes over the training set; greater than 0. Default 100.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>
    /// The number of rows in a mini-batch, each one optimizer step; greater than 0. The last batch of an epoch holds
    /// the remaining rows and may be smaller. Default 32.
    /// </summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// The seed of the row order: every epoch visits the rows in a new permutation that depends only on this seed
    /// and the epoch number, so a run is reproducible. <see langword="null"/> keeps the rows in their given order.
    /// Default 0.
    /// </summary>
    public int? ShuffleSeed { get; init; } = 0;

    /// <summary>
    /// Early stopping: training stops after this many epochs in a row without an improvement of the validation
    /// objective; ≥ 0, and 0 disables early stopping. Has no effect without a validation set. Default 10.
    /// </summary>
    public int Patience { get; init; } = 10;

    /// <summary>
    /// The amount by which a validation objective must fall below the best one so far to count as an improvement;
    /// finite and ≥ 0. Default 0.
    /// </summary>
    public double MinImprovement { get; init; }

    /// <summary>
    /// With a validation set, whether the network ends (on early stopping or completion) with the parameters of the
    /// epoch with the best validation objective rather than those of the last epoch. Default <see langword="true"/>.
    /// </summary>
    public bool RestoreBestParameters { get; init; } = true;

    /// <summary>
    /// A metric computed after each epoch over the training set and the validation set, reported in
    /// <see cref="EpochReport"/> and <see cref="FitResult"/> beside the objective. Computing it costs one more forward
    /// pass over both sets per epoch and allocates nothing. Default <see cref="FitMetric.None"/>.
    /// </summary>
    public FitMetric Metric { get; init; }
}
