using System;
using System.Collections.Generic;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>A NaN or infinite objective or parameter stops training and restores the last good parameters.</summary>
public sealed class FitTestsDivergence
{
    private const int Rows = 32, BatchSize = 8, BatchesPerEpoch = Rows / BatchSize;

    private static readonly (float[] Inputs, float[] Targets) Data = FitData.Regression(Rows, seed: 11);

    [Fact]
    public void HugeLearningRate_DivergesInTheFirstEpoch_AndRestoresThePreTrainingParameters()
    {
        // Identity output: after one step of η = 1e30 the weights are ~1e30 and the next objective overflows float.
        var net = new FitRegressionNet();
        net.Optimizer.LearningRate = 1e30f;
        float[] before = FitData.Snapshot<float>(net);
        var progress = new RecordingProgress();

        FitResult result = NetworkTrainer.Fit<float>(net, Data.Inputs, Data.Targets, new FitOptions { Epochs = 10, BatchSize = BatchSize }, progress: progress);

        Assert.Equal(FitStopReason.Diverged, result.StopReason);
        Assert.Equal(0, result.EpochsRun);
        Assert.Equal(0, result.BestEpoch);
        Assert.Empty(progress.Reports);
        Assert.Equal(before, FitData.Snapshot<float>(net));
        Assert.Equal(0, net.Optimizer.StepCount);
        Assert.Equal(net.Objective(Data.Inputs, Data.Targets), result.TrainCost);
        Assert.True(double.IsFinite(result.TrainCost));
    }

    [Fact]
    public void AnOverflowingObjectiveAfterTheLastBatch_IsDivergence()
    {
        // One batch per epoch: its objective is finite and the step leaves finite weights of ~1e30, so only the
        // epoch's training objective (~1e60, +∞ in float) shows the divergence.
        var net = new FitRegressionNet();
        net.Optimizer.LearningRate = 1e30f;
        float[] before = FitData.Snapshot<float>(net);
        var probe = new ProbeNetwork<float>(net);
        var progress = new RecordingProgress();

        FitResult result = NetworkTrainer.Fit<float>(probe, Data.Inputs, Data.Targets, new FitOptions { Epochs = 10, BatchSize = Rows }, progress: progress);

        Assert.Equal(FitStopReason.Diverged, result.StopReason);
        Assert.Equal(1, probe.Batches);
        Assert.Equal(0, result.EpochsRun);
        Assert.Empty(progress.Reports);
        Assert.Equal(before, FitData.Snapshot<float>(net));
    }

    [Fact]
    public void DivergingInALaterEpoch_RestoresTheParametersOfTheEpochBefore()
    {
        // Three good epochs, then the progress callback turns the learning rate up to 1e30.
        var net = new FitRegressionNet();
        net.Optimizer.LearningRate = 0.05f;
        var snapshots = new List<float[]>();
        var progress = new RecordingProgress(report =>
        {
            snapshots.Add(FitData.Snapshot<float>(net));
            if (report.Epoch == 3)
            {
                net.Optimizer.LearningRate = 1e30f;
            }
        });

        FitResult result = NetworkTrainer.Fit<float>(net, Data.Inputs, Data.Targets, new FitOptions { Epochs = 10, BatchSize = BatchSize }, progress: progress);

        Assert.Equal(FitStopReason.Diverged, result.StopReason);
        Assert.Equal(3, result.EpochsRun);
        Assert.Equal(3, result.BestEpoch);
        Assert.Equal(3, progress.Reports.Count);
        Assert.Equal(snapshots[2], FitData.Snapshot<float>(net));
        Assert.Equal(0, net.Optimizer.StepCount);
        Assert.Equal(progress.Reports[2].TrainCost, result.TrainCost);
        Assert.Equal(net.Objective(Data.Inputs, Data.Targets), result.TrainCost);
    }

    [Fact]
    public void DivergingWithValidation_RestoresTheLastGoodEpoch_NotTheBest()
    {
        (float[] validationInputs, float[] validationTargets) = FitData.Regression(rows: 8, seed: 12);
        var net = new FitRegressionNet();
        net.Optimizer.LearningRate = 0.05f;
        var snapshots = new List<float[]>();
        var progress = new RecordingProgress(report =>
        {
            snapshots.Add(FitData.Snapshot<float>(net));
            if (report.Epoch == 4)
            {
                net.Optimizer.LearningRate = 1e30f;
            }
        });

        FitResult result = NetworkTrainer.Fit<float>(
            net, Data.Inputs, Data.Targets, new FitOptions { Epochs = 10, BatchSize = BatchSize, Patience = 0 }, validationInputs, validationTargets, progress);

        Assert.Equal(FitStopReason.Diverged, result.StopReason);
        Assert.Equal(4, result.EpochsRun);
        Assert.Equal(snapshots[3], FitData.Snapshot<float>(net));
        Assert.Equal(progress.Reports[3].ValidationCost, result.ValidationCost);
    }

    public static TheoryData<int, float> PoisonedParameters => new()
    {
        // The first and the last parameter (the last is past the vector part of the finiteness check: 13 = 3·4 + 1).
        { 0, float.NaN },
        { FitRegressionNet.ParameterCount - 1, float.NaN },
        { 5, float.PositiveInfinity },
        { FitRegressionNet.ParameterCount - 1, float.NegativeInfinity },
    };

    [Theory]
    [MemberData(nameof(PoisonedParameters))]
    public void ANonFiniteParameterAfterABatch_IsDivergence_AndNoFurtherBatchRuns(int index, float value)
    {
        // The second batch of epoch 2 leaves a bad parameter behind but reports a finite objective.
        int poisoned = BatchesPerEpoch + 2;
        var net = new FitRegressionNet();
        ProbeNetwork<float>? probe = null;
        probe = new ProbeNetwork<float>(net)
        {
            AfterBatch = (batch, cost) =>
            {
                if (batch == poisoned)
                {
                    probe!.Parameters[index] = value;
                }

                return cost;
            },
        };
        var snapshots = new List<float[]>();
        var progress = new RecordingProgress(_ => snapshots.Add(FitData.Snapshot<float>(net)));

        FitResult result = NetworkTrainer.Fit<float>(probe, Data.Inputs, Data.Targets, new FitOptions { Epochs = 5, BatchSize = BatchSize }, progress: progress);

        Assert.Equal(FitStopReason.Diverged, result.StopReason);
        Assert.Equal(poisoned, probe.Batches);
        Assert.Equal(1, result.EpochsRun);
        Assert.Equal(snapshots[0], FitData.Snapshot<float>(net));
        Assert.Equal(0, net.Optimizer.StepCount);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void ANonFiniteBatchObjective_IsDivergence(float objective)
    {
        int poisoned = (2 * BatchesPerEpoch) + 1;
        var net = new FitRegressionNet();
        var probe = new ProbeNetwork<float>(net) { AfterBatch = (batch, cost) => batch == poisoned ? objective : cost };
        var snapshots = new List<float[]>();
        var progress = new RecordingProgress(_ => snapshots.Add(FitData.Snapshot<float>(net)));

        FitResult result = NetworkTrainer.Fit<float>(probe, Data.Inputs, Data.Targets, new FitOptions { Epochs = 5, BatchSize = BatchSize }, progress: progress);

        Assert.Equal(FitStopReason.Diverged, result.StopReason);
        Assert.Equal(poisoned, probe.Batches);
        Assert.Equal(2, result.EpochsRun);
        Assert.Equal(snapshots[1], FitData.Snapshot<float>(net));
    }
}
