namespace NetGen.Training;

/// <summary>
/// How <see cref="NetworkTrainer.Fit{T}(ISequenceNetwork{T}, System.ReadOnlySpan{T}, System.ReadOnlySpan{T}, SequenceFitOptions, System.ReadOnlySpan{T}, System.ReadOnlySpan{T}, System.IProgress{EpochReport}?, System.Threading.CancellationToken)"/>
/// trains a sequence network on a long recording: windows cut from it, each one optimizer step, epoch after epoch.
/// The values are checked when training starts.
/// </summary>
public sealed class SequenceFitOptions
{
    /// <summary>The number of passes over the recording's windows; greater than 0. Default 100.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>
    /// Frames per window, each window run from zero state; greater than <see cref="Warmup"/>. A recording shorter than
    /// a window is one window. Default 256.
    /// </summary>
    public int WindowLength { get; init; } = 256;

    /// <summary>
    /// Frames at the start of each window that only fill the state (their errors do not count), so that the error is
    /// measured where the state resembles the stream's; ≥ 0. Default 0.
    /// </summary>
    public int Warmup { get; init; }

    /// <summary>Frames between the starts of consecutive windows; greater than 0. Default 0, which means <see cref="WindowLength"/> − <see cref="Warmup"/>.</summary>
    public int Hop { get; init; }

    /// <summary>The seed of the window order per epoch; <see langword="null"/> keeps the recording's order. Default 0.</summary>
    public int? ShuffleSeed { get; init; } = 0;

    /// <summary>Epochs in a row without validation improvement before stopping; 0 disables early stopping. Default 10.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>How far a validation objective must fall below the best so far to count; finite and ≥ 0. Default 0.</summary>
    public double MinImprovement { get; init; }

    /// <summary>With validation, whether the network ends with the best epoch's parameters. Default <see langword="true"/>.</summary>
    public bool RestoreBestParameters { get; init; } = true;
}
