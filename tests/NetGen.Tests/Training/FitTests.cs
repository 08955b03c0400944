using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>NetworkTrainer.Fit learns, shuffles deterministically, batches every row once per epoch and reports progress.</summary>
public sealed class FitTests
{
    [Fact]
    public void Xor_WithAdam_ReachesALowObjective_AndClassifiesAllFourPoints()
    {
        var net = new FitXorNet();
        net.Optimizer.LearningRate = 0.05f;
        float initial = net.Objective(FitData.XorInputs, FitData.XorTargets);

        // One full batch of the four points per epoch: 1,500 Adam steps at η = 0.05.
        FitResult result = NetworkTrainer.Fit<float>(
            net, FitData.XorInputs, FitData.XorTargets, new FitOptions { Epochs = 1500, BatchSize = 4 });

        Assert.Equal(FitStopReason.Completed, result.StopReason);
        Assert.Equal(1500, result.EpochsRun);
        Assert.Equal(1500, result.BestEpoch);
        Assert.Null(result.ValidationCost);
        Assert.Equal(net.Objective(FitData.XorInputs, FitData.XorTargets), result.TrainCost);

        // ln 2 ≈ 0.69 is the cross-entropy of always answering ½; 0.05 means every point is predicted within ~0.1.
        Assert.True(initial > 0.5, $"initial objective {initial}");
        Assert.True(result.TrainCost < 0.05, $"objective after training {result.TrainCost} (initially {initial})");
        var output = new float[1];
        for (int r = 0; r < 4; r++)
        {
            net.Forward(FitData.XorInputs.AsSpan(2 * r, 2), output);
            Assert.True((output[0] > 0.5f) == (FitData.XorTargets[r] > 0.5f), $"XOR row {r}: ŷ = {output[0]}, y = {FitData.XorTargets[r]}");
        }
    }

    [Fact]
    public void StudyScore_WithSgd_Improves()
    {
        var net = new FitStudyScoreNet();
        net.Optimizer.LearningRate = 2f;
        float initial = net.Objective(FitData.StudyInputs, FitData.StudyTargets);

        FitResult result = NetworkTrainer.Fit<float>(
            net, FitData.StudyInputs, FitData.StudyTargets, new FitOptions { Epochs = 2000, BatchSize = 1 });

        Assert.Equal(FitStopReason.Completed, result.StopReason);
        Assert.True(initial > 1e-2, $"initial objective {initial}");
        Assert.True(result.TrainCost < 1e-4, $"objective after training {result.TrainCost} (initially {initial})");
    }

    [Fact]
    public void DoubleNetwork_WithMomentum_Improves()
    {
        (float[] x, float[] y) = FitData.Regression(rows: 40, seed: 3);
        double[] inputs = FitData.ToDouble(x), targets = FitData.ToDouble(y);
        var net = new FitDoubleNet();
        double initial = net.Objective(inputs, targets);

        FitResult result = NetworkTrainer.Fit<double>(net, inputs, targets, new FitOptions { Epochs = 300, BatchSize = 8 });

        Assert.Equal(FitStopReason.Completed, result.StopReason);
        Assert.Equal(net.Objective(inputs, targets), result.TrainCost);
        Assert.True(result.TrainCost < initial / 10, $"objective after training {result.TrainCost} (initially {initial})");
    }

    [Fact]
    public void SameShuffleSeed_GivesIdenticalParameters_AndOtherSeedsDoNot()
    {
        (float[] inputs, float[] targets) = FitData.Regression(rows: 64, seed: 1);

        float[] Train(int? seed)
        {
            var net = new FitRegressionNet();
            net.Optimizer.LearningRate = 0.1f;
            NetworkTrainer.Fit<float>(net, inputs, targets, new FitOptions { Epochs = 5, BatchSize = 8, ShuffleSeed = seed });
            return FitData.Snapshot<float>(net);
        }

        float[] first = Train(7), again = Train(7), otherSeed = Train(8), unshuffled = Train(null);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        Assert.NotEqual(first, unshuffled);
        Assert.NotEqual(otherSeed, unshuffled);
    }

    [Fact]
    public void Shuffling_VisitsEveryRowOncePerEpoch_InANewOrderEachEpoch_InBatchesOfBatchSize()
    {
        const int Rows = 64, BatchSize = 10, Epochs = 3;
        (float[] inputs, float[] targets) = FitData.Regression(Rows, seed: 1);
        var probe = new ProbeNetwork<float>(new FitRegressionNet()) { RecordBatches = true };

        NetworkTrainer.Fit<float>(probe, inputs, targets, new FitOptions { Epochs = Epochs, BatchSize = BatchSize, ShuffleSeed = 5 });

        // 64 rows in batches of 10: six full batches and one of 4 per epoch.
        int[] expectedSizes = [10, 10, 10, 10, 10, 10, 4];
        Assert.Equal(Epochs * expectedSizes.Length, probe.Batches);
        var orders = new List<int[]>();
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            IEnumerable<float[]> batches = probe.BatchInputs.Skip(epoch * expectedSizes.Length).Take(expectedSizes.Length).ToList();
            Assert.Equal(expectedSizes, batches.Select(b => b.Length / 2));
            int[] order = batches.SelectMany(b => Enumerable.Range(0, b.Length / 2).Select(i => FitData.RowOf(b[2 * i], Rows))).ToArray();

            // Each gathered row is the training row it claims to be (both inputs), and every row comes exactly once.
            float[] gathered = batches.SelectMany(b => b).ToArray();
            for (int i = 0; i < Rows; i++)
            {
                Assert.Equal(inputs.AsSpan(2 * order[i], 2).ToArray(), gathered.AsSpan(2 * i, 2).ToArray());
            }

            Assert.Equal(Enumerable.Range(0, Rows), order.Order());
            Assert.NotEqual(Enumerable.Range(0, Rows), order);
            orders.Add(order);
        }

        Assert.NotEqual(orders[0], orders[1]);
        Assert.NotEqual(orders[1], orders[2]);
    }

    [Fact]
    public void WithoutShuffleSeed_BatchesAreTheRowsInTheirGivenOrder()
    {
        const int Rows = 20;
        (float[] inputs, float[] targets) = FitData.Regression(Rows, seed: 1);
        var probe = new ProbeNetwork<float>(new FitRegressionNet()) { RecordBatches = true };

        NetworkTrainer.Fit<float>(probe, inputs, targets, new FitOptions { Epochs = 2, BatchSize = 8, ShuffleSeed = null });

        Assert.Equal(6, probe.Batches);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            float[] epochInputs = probe.BatchInputs.Skip(3 * epoch).Take(3).SelectMany(b => b).ToArray();
            Assert.Equal(inputs, epochInputs);
        }
    }

    [Fact]
    public void BatchSizeLargerThanTheData_TrainsOnOneBatchPerEpoch()
    {
        (float[] inputs, float[] targets) = FitData.Regression(rows: 5, seed: 1);
        var probe = new ProbeNetwork<float>(new FitRegressionNet()) { RecordBatches = true };

        FitResult result = NetworkTrainer.Fit<float>(probe, inputs, targets, new FitOptions { Epochs = 3, BatchSize = 1000 });

        Assert.Equal(FitStopReason.Completed, result.StopReason);
        Assert.Equal(3, probe.Batches);
        Assert.All(probe.BatchInputs, b => Assert.Equal(10, b.Length));
    }

    [Fact]
    public void Progress_GetsOneReportPerEpoch_WithTheObjectives_AndIncreasingElapsed()
    {
        (float[] inputs, float[] targets) = FitData.Regression(rows: 64, seed: 1);
        (float[] validationInputs, float[] validationTargets) = FitData.Regression(rows: 16, seed: 2);
        var net = new FitRegressionNet();
        var objectives = new List<(double Train, double Validation)>();
        var progress = new RecordingProgress(_ => objectives.Add(
            (net.Objective(inputs, targets), net.Objective(validationInputs, validationTargets))));

        FitResult result = NetworkTrainer.Fit<float>(
            net, inputs, targets, new FitOptions { Epochs = 6, BatchSize = 8, Patience = 0 }, validationInputs, validationTargets, progress);

        Assert.Equal(FitStopReason.Completed, result.StopReason);
        Assert.Equal([1, 2, 3, 4, 5, 6], progress.Reports.Select(r => r.Epoch));
        for (int i = 0; i < 6; i++)
        {
            EpochReport report = progress.Reports[i];
            Assert.Equal(objectives[i].Train, report.TrainCost);
            Assert.Equal(objectives[i].Validation, report.ValidationCost);

            // An epoch here is 8 optimizer steps and two objectives, many Stopwatch ticks.
            Assert.True(report.Elapsed > (i == 0 ? TimeSpan.Zero : progress.Reports[i - 1].Elapsed), $"Elapsed of epoch {i + 1}: {report.Elapsed}");
        }
    }

    [Fact]
    public void Progress_WithoutValidation_ReportsNoValidationCost()
    {
        var progress = new RecordingProgress();

        NetworkTrainer.Fit<float>(new FitStudyScoreNet(), FitData.StudyInputs, FitData.StudyTargets, new FitOptions { Epochs = 3 }, progress: progress);

        Assert.Equal(3, progress.Reports.Count);
        Assert.All(progress.Reports, r => Assert.Null(r.ValidationCost));
    }
}
