namespace NetGen.Training;

/// <summary>Why <c>NetworkTrainer.Fit</c> returned.</summary>
public enum FitStopReason
{
    /// <summary>Every requested epoch ran.</summary>
    Completed = 0,

    /// <summary>
    /// The validation objective did not improve for <see cref="FitOptions.Patience"/> epochs in a row.
    /// </summary>
    EarlyStopped = 1,

    /// <summary>
    /// A batch objective, an epoch's training objective or a parameter became NaN or infinite; the parameters were
    /// restored to those after the last good epoch (or before training) and the optimizer was reset.
    /// </summary>
    Diverged = 2,

    /// <summary>
    /// The cancellation token was signalled; the parameters are those after the last completed epoch (or before
    /// training).
    /// </summary>
    Cancelled = 3,
}
