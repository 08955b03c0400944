using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>Early stopping on the validation objective and restoring the best epoch's parameters.</summary>
/// <remarks>
/// The set-up makes the validation objective first fall, then rise: ŷ = w·x starts at w = 0 and trains on y = 2x, so
/// w climbs towards 2 (by w ← w − η·(w − 2)·mean x², a factor 0.906 closer each epoch with η = 0.05), while the
/// validation set says y = x. Its objective ½·(w − 1)²·mean x² is smallest in the epoch where w passes 1 (epoch 7:
/// w ≈ 1.00 after 7 epochs) and grows afterwards.
/// </remarks>
public sealed class FitTestsEarlyStopping
{
    private static readonly float[] Inputs = [0.5f, 1f, 1.5f, 2f];
    private static readonly float[] Targets = [1f, 2f, 3f, 4f];
    private static readonly float[] ValidationTargets = [0.5f, 1f, 1.5f, 2f];

    [Fact]
    public void ValidationThatGetsWorse_StopsAfterPatience_AndRestoresTheBestEpochsParameters()
    {
        (FitResult result, RecordingProgress progress, List<float[]> snapshots, FitLineNet net) =
            Run(new FitOptions { Epochs = 100, BatchSize = 4, Patience = 3 });

        int best = ArgMinValidation(progress) + 1;
        Assert.True(best > 1, $"the validation objective should first improve (best epoch {best})");
        Assert.Equal(FitStopReason.EarlyStopped, result.StopReason);
        Assert.Equal(best, result.BestEpoch);
        Assert.Equal(best + 3, result.EpochsRun);
        Assert.Equal(best + 3, progress.Reports.Count);
        Assert.Equal(snapshots[best - 1], FitData.Snapshot<float>(net));
        Assert.NotEqual(snapshots[^1], FitData.Snapshot<float>(net));
        Assert.Equal(progress.Reports[best - 1].TrainCost, result.TrainCost);
        Assert.Equal(progress.Reports[best - 1].ValidationCost, result.ValidationCost);
        Assert.Equal(net.Objective(Inputs, ValidationTargets), result.ValidationCost);
    }

    [Fact]
    public void WithoutRestoreBestParameters_KeepsTheLastEpochsParameters()
    {
        (FitResult result, RecordingProgress progress, List<float[]> snapshots, FitLineNet net) =
            Run(new FitOptions { Epochs = 100, BatchSize = 4, Patience = 3, RestoreBestParameters = false });

        int best = ArgMinValidation(progress) + 1;
        Assert.Equal(FitStopReason.EarlyStopped, result.StopReason);
        Assert.Equal(best, result.BestEpoch);
        Assert.Equal(best + 3, result.EpochsRun);
        Assert.Equal(snapshots[^1], FitData.Snapshot<float>(net));
        Assert.Equal(progress.Reports[^1].TrainCost, result.TrainCost);
        Assert.Equal(progress.Reports[^1].ValidationCost, result.ValidationCost);
    }

    [Fact]
    public void PatienceZero_RunsEveryEpoch_AndStillRestoresTheBestOnCompletion()
    {
        (FitResult result, RecordingProgress progress, List<float[]> snapshots, FitLineNet net) =
            Run(new FitOptions { Epochs = 20, BatchSize = 4, Patience = 0 });

        int best = ArgMinValidation(progress) + 1;
        Assert.Equal(FitStopReason.Completed, result.StopReason);
        Assert.Equal(20, result.EpochsRun);
        Assert.Equal(best, result.BestEpoch);
        Assert.True(best < 20);
        Assert.Equal(snapshots[best - 1], FitData.Snapshot<float>(net));
        Assert.Equal(progress.Reports[best - 1].ValidationCost, result.ValidationCost);
    }

    [Fact]
    public void ImprovementsNotAboveMinImprovement_DoNotCount()
    {
        // The validation objective starts at ½·mean x² ≈ 0.94 and never drops by 10 between epochs: only epoch 1
        // (the first finite value) counts, and training stops after epoch 1 + Patience.
        (FitResult result, RecordingProgress progress, List<float[]> snapshots, FitLineNet net) =
            Run(new FitOptions { Epochs = 100, BatchSize = 4, Patience = 2, MinImprovement = 10 });

        Assert.Equal(FitStopReason.EarlyStopped, result.StopReason);
        Assert.Equal(1, result.BestEpoch);
        Assert.Equal(3, result.EpochsRun);
        Assert.Equal(snapshots[0], FitData.Snapshot<float>(net));
        Assert.True(progress.Reports[1].ValidationCost < progress.Reports[0].ValidationCost);
    }

    [Fact]
    public void WithoutValidation_NoEarlyStopping_AndBestEpochIsTheLastEpoch()
    {
        var net = new FitLineNet();
        net.Parameters[0] = 0;
        net.Optimizer.LearningRate = 0.05f;

        FitResult result = NetworkTrainer.Fit<float>(net, Inputs, ValidationTargets, new FitOptions { Epochs = 30, BatchSize = 4, Patience = 1 });

        Assert.Equal(FitStopReason.Completed, result.StopReason);
        Assert.Equal(30, result.EpochsRun);
        Assert.Equal(30, result.BestEpoch);
        Assert.Null(result.ValidationCost);
    }

    private static (FitResult Result, RecordingProgress Progress, List<float[]> Snapshots, FitLineNet Net) Run(FitOptions options)
    {
        var net = new FitLineNet();
        net.Parameters[0] = 0;
        net.Optimizer.LearningRate = 0.05f;
        var snapshots = new List<float[]>();
        var progress = new RecordingProgress(_ => snapshots.Add(FitData.Snapshot<float>(net)));

        FitResult result = NetworkTrainer.Fit<float>(net, Inputs, Targets, options, Inputs, ValidationTargets, progress);
        return (result, progress, snapshots, net);
    }

    private static int ArgMinValidation(RecordingProgress progress)
    {
        double[] costs = progress.Reports.Select(r => r.ValidationCost!.Value).ToArray();
        return Array.IndexOf(costs, costs.Min());
    }
}
