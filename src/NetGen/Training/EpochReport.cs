using System;

namespace NetGen.Training;

/// <summary>What <c>NetworkTrainer.Fit</c> reports after each completed epoch.</summary>
/// <param name="Epoch">The epoch that just completed, 1-based.</param>
/// <param name="TrainCost">The network's objective over the whole training set after the epoch.</param>
/// <param name="ValidationCost">
/// The network's objective over the validation set after the epoch, or <see langword="null"/> without one.
/// </param>
/// <param name="Elapsed">The time since <c>NetworkTrainer.Fit</c> started.</param>
public readonly record struct EpochReport(int Epoch, double TrainCost, double? ValidationCost, TimeSpan Elapsed);
