using System.Collections.Generic;
using System.Threading;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>Cancellation returns <see cref="FitStopReason.Cancelled"/> with the last completed epoch's parameters.</summary>
public sealed class FitTestsCancellation
{
    private const int Rows = 32, BatchSize = 4, BatchesPerEpoch = Rows / BatchSize;

    private static readonly (float[] Inputs, float[] Targets) Data = FitData.Regression(Rows, seed: 21);

    [Fact]
    public void AlreadyCancelled_RunsNoBatch_AndLeavesTheParametersAlone()
    {
        var net = new FitRegressionNet();
        var probe = new ProbeNetwork<float>(net);
        float[] before = FitData.Snapshot<float>(net);
        var progress = new RecordingProgress();

        FitResult result = NetworkTrainer.Fit<float>(
            probe, Data.Inputs, Data.Targets, new FitOptions { Epochs = 5, BatchSize = BatchSize }, progress: progress, cancellationToken: new CancellationToken(true));

        Assert.Equal(FitStopReason.Cancelled, result.StopReason);
        Assert.Equal(0, result.EpochsRun);
        Assert.Equal(0, probe.Batches);
        Assert.Empty(progress.Reports);
        Assert.Equal(before, FitData.Snapshot<float>(net));
        Assert.Equal(net.Objective(Data.Inputs, Data.Targets), result.TrainCost);
    }

    [Fact]
    public void CancelledAfterAnEpoch_StopsBeforeTheNextBatch()
    {
        using var cancellation = new CancellationTokenSource();
        var net = new FitRegressionNet();
        var probe = new ProbeNetwork<float>(net);
        var snapshots = new List<float[]>();
        var progress = new RecordingProgress(report =>
        {
            snapshots.Add(FitData.Snapshot<float>(net));
            if (report.Epoch == 3)
            {
                cancellation.Cancel();
            }
        });

        FitResult result = NetworkTrainer.Fit<float>(
            probe, Data.Inputs, Data.Targets, new FitOptions { Epochs = 10, BatchSize = BatchSize }, progress: progress, cancellationToken: cancellation.Token);

        Assert.Equal(FitStopReason.Cancelled, result.StopReason);
        Assert.Equal(3, result.EpochsRun);
        Assert.Equal(3, result.BestEpoch);
        Assert.Equal(3 * BatchesPerEpoch, probe.Batches);
        Assert.Equal(snapshots[2], FitData.Snapshot<float>(net));
        Assert.Equal(progress.Reports[2].TrainCost, result.TrainCost);
    }

    [Fact]
    public void CancelledInTheMiddleOfAnEpoch_RestoresTheLastCompletedEpochsParameters()
    {
        // Cancelled after the third batch of epoch 3: the token is seen before the fourth, and the three steps of the
        // unfinished epoch are undone.
        int cancelAfter = (2 * BatchesPerEpoch) + 3;
        using var cancellation = new CancellationTokenSource();
        var net = new FitRegressionNet();
        var probe = new ProbeNetwork<float>(net)
        {
            AfterBatch = (batch, cost) =>
            {
                if (batch == cancelAfter)
                {
                    cancellation.Cancel();
                }

                return cost;
            },
        };
        var snapshots = new List<float[]>();
        var progress = new RecordingProgress(_ => snapshots.Add(FitData.Snapshot<float>(net)));

        FitResult result = NetworkTrainer.Fit<float>(
            probe, Data.Inputs, Data.Targets, new FitOptions { Epochs = 10, BatchSize = BatchSize }, progress: progress, cancellationToken: cancellation.Token);

        Assert.Equal(FitStopReason.Cancelled, result.StopReason);
        Assert.Equal(cancelAfter, probe.Batches);
        Assert.Equal(2, result.EpochsRun);
        Assert.Equal(2, progress.Reports.Count);
        Assert.Equal(snapshots[1], FitData.Snapshot<float>(net));
        Assert.Equal(progress.Reports[1].TrainCost, result.TrainCost);
    }
}
