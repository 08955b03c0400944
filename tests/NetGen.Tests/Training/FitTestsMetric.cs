using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using NetGen.Evaluation;
using NetGen.Tests.Evaluation;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>
/// FitOptions.Metric: each epoch's report carries the metric of the parameters after that epoch, over both sets, as a
/// loop over Forward computes it from inside the (synchronous) report; the result carries that of the parameters kept.
/// </summary>
public sealed class FitTestsMetric
{
    [Fact]
    public void Accuracy_PerEpoch_IsThatOfTheParametersAfterTheEpoch_OnBothSets()
    {
        (float[] inputs, int[] labels) = Blobs.Create(rows: 240, seed: 21, spread: 1.6);
        var split = DataSplit.TrainTest<float, int>(inputs, 4, labels, 1, testFraction: 0.25, seed: 4);
        float[] trainTargets = Classification.OneHot<float>(split.TrainTargets, 3);
        float[] testTargets = Classification.OneHot<float>(split.TestTargets, 3);
        var net = new EvalClassifierNet();
        var checkedEpochs = 0;
        var progress = new RecordingProgress(report =>
        {
            Assert.Equal(FitMetric.Accuracy, report.Metric);
            Assert.Equal(AccuracyByHand(net, split.TrainInputs, split.TrainTargets), report.TrainMetric);
            Assert.Equal(AccuracyByHand(net, split.TestInputs, split.TestTargets), report.ValidationMetric);
            checkedEpochs++;
        });

        FitResult result = NetworkTrainer.Fit<float>(
            net, split.TrainInputs, trainTargets, new FitOptions { Epochs = 15, BatchSize = 16, Metric = FitMetric.Accuracy, Patience = 0 },
            split.TestInputs, testTargets, progress);

        Assert.Equal(15, checkedEpochs);
        Assert.True(progress.Reports[^1].TrainMetric > progress.Reports[0].TrainMetric, "the blobs are learnable, so accuracy rises");
        Assert.True(progress.Reports[^1].TrainMetric < 1, "with this spread the classes overlap, so accuracy is informative");
        Assert.Equal(FitMetric.Accuracy, result.Metric);
        Assert.Equal(AccuracyByHand(net, split.TrainInputs, split.TrainTargets), result.TrainMetric);
        Assert.Equal(AccuracyByHand(net, split.TestInputs, split.TestTargets), result.ValidationMetric);
        EpochReport best = progress.Reports[result.BestEpoch - 1];
        Assert.Equal((best.TrainMetric, best.ValidationMetric), (result.TrainMetric, result.ValidationMetric));
        Assert.Equal(net.Evaluate(split.TestInputs, split.TestTargets).Accuracy, result.ValidationMetric);
    }

    [Fact]
    public void MeanSquaredError_PerEpoch_IsThatOfTheParametersAfterTheEpoch_WithoutValidation()
    {
        (float[] inputs, float[] targets) = FitData.Regression(rows: 40, seed: 3);
        var net = new FitRegressionNet();
        var progress = new RecordingProgress(report =>
        {
            NumericAssert.Close(MeanSquaredErrorByHand(net, inputs, targets), report.TrainMetric!.Value, 1e-9, $"epoch {report.Epoch}");
            Assert.Null(report.ValidationMetric);
        });

        var options = new FitOptions { Epochs = 5, BatchSize = 8, Metric = FitMetric.MeanSquaredError };
        FitResult result = NetworkTrainer.Fit<float>(net, inputs, targets, options, progress: progress);

        Assert.Equal(5, progress.Reports.Count);
        NumericAssert.Close(MeanSquaredErrorByHand(net, inputs, targets), result.TrainMetric!.Value, 1e-9, "result");
        Assert.Null(result.ValidationMetric);
        // With a squared-error loss, J_row = ½ Σ (ŷ − y)², so for one output the objective is half the mean squared error.
        NumericAssert.Close(result.TrainCost, result.TrainMetric.Value / 2, 1e-6, "objective against MSE");
    }

    [Fact]
    public void WithoutAMetric_NothingIsReported()
    {
        (float[] inputs, float[] targets) = FitData.Regression(rows: 16, seed: 3);
        var progress = new RecordingProgress();

        FitResult result = NetworkTrainer.Fit<float>(
            new FitRegressionNet(), inputs, targets, new FitOptions { Epochs = 2 }, progress: progress);

        Assert.All(progress.Reports, r => Assert.Equal((FitMetric.None, null, null), (r.Metric, r.TrainMetric, r.ValidationMetric)));
        Assert.Equal((FitMetric.None, null, null), (result.Metric, result.TrainMetric, result.ValidationMetric));
    }

    [Fact]
    public void WhenTheFirstEpochIsCancelled_TheMetricIsThatOfTheParametersBeforeTraining()
    {
        (float[] inputs, int[] labels) = Blobs.Create(rows: 30, seed: 2);
        float[] targets = Classification.OneHot<float>(labels, 3);
        var net = new EvalClassifierNet();
        double before = AccuracyByHand(net, inputs, labels);
        using var cancellation = new System.Threading.CancellationTokenSource();
        cancellation.Cancel();

        FitResult result = NetworkTrainer.Fit<float>(
            net, inputs, targets, new FitOptions { Metric = FitMetric.Accuracy }, cancellationToken: cancellation.Token);

        Assert.Equal(FitStopReason.Cancelled, result.StopReason);
        Assert.Equal(before, result.TrainMetric);
    }

    [Fact]
    public void AnUndefinedMetric_IsRefused()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => NetworkTrainer.Fit<float>(
            new FitRegressionNet(), new float[2], new float[1], new FitOptions { Metric = (FitMetric)7 }));
        Assert.Equal("options", exception.ParamName);
        Assert.Contains("FitOptions.Metric", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsAndResults_PrintTheMetric_AndNoEmptyField()
    {
        CultureInfo culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var report = new EpochReport(3, 0.25, null, TimeSpan.FromMilliseconds(42))
            {
                Metric = FitMetric.Accuracy,
                TrainMetric = 0.9375,
            };
            var plain = new EpochReport(1, 1.5, 2.5, TimeSpan.FromSeconds(1));
            var result = new FitResult(FitStopReason.EarlyStopped, 12, 0.5, 0.75, 7)
            {
                Metric = FitMetric.MeanSquaredError,
                TrainMetric = 0.125,
                ValidationMetric = 0.1234567,
            };

            Assert.Equal(
                "EpochReport { Epoch = 3, TrainCost = 0.25, Metric = Accuracy, TrainMetric = 0.9375, Elapsed = 00:00:00.0420000 }",
                report.ToString());
            Assert.Equal("EpochReport { Epoch = 1, TrainCost = 1.5, ValidationCost = 2.5, Elapsed = 00:00:01 }", plain.ToString());
            Assert.Equal(
                "FitResult { StopReason = EarlyStopped, EpochsRun = 12, TrainCost = 0.5, ValidationCost = 0.75, Metric = MeanSquaredError, "
                + "TrainMetric = 0.125, ValidationMetric = 0.123457, BestEpoch = 7 }",
                result.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static double AccuracyByHand(EvalClassifierNet net, float[] inputs, int[] labels)
    {
        int correct = 0;
        var output = new float[3];
        for (int r = 0; r < labels.Length; r++)
        {
            net.Forward(inputs.AsSpan(r * 4, 4), output);
            correct += Blobs.FirstMaxByHand(output) == labels[r] ? 1 : 0;
        }

        return (double)correct / labels.Length;
    }

    private static double MeanSquaredErrorByHand(FitRegressionNet net, float[] inputs, float[] targets)
    {
        double sum = 0;
        var output = new float[1];
        for (int r = 0; r < targets.Length; r++)
        {
            net.Forward(inputs.AsSpan(r * 2, 2), output);
            double d = (double)output[0] - targets[r];
            sum += d * d;
        }

        return sum / targets.Length;
    }
}

/// <summary>With a metric, Fit still allocates nothing per epoch or batch (the method of <see cref="FitTestsAllocation"/>).</summary>
[Collection(nameof(AllocationTests))]
public sealed class FitTestsMetricAllocation
{
    private const int Attempts = 3;

    [Fact]
    public void AllocatedBytes_DoNotGrowWithEpochs_WithAMetric()
    {
        (float[] inputs, int[] labels) = Blobs.Create(rows: 64, seed: 31);
        float[] targets = Classification.OneHot<float>(labels, 3);
        (float[] validationInputs, int[] validationLabels) = Blobs.Create(rows: 16, seed: 32);
        float[] validationTargets = Classification.OneHot<float>(validationLabels, 3);
        var net = new EvalClassifierNet();
        var few = new FitOptions { Epochs = 1, BatchSize = 8, Patience = 0, Metric = FitMetric.Accuracy };
        var many = new FitOptions { Epochs = 40, BatchSize = 8, Patience = 0, Metric = FitMetric.Accuracy };

        Measure(net, inputs, targets, validationInputs, validationTargets, many);
        Measure(net, inputs, targets, validationInputs, validationTargets, few);
        var differences = new long[Attempts];
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            differences[attempt] = Measure(net, inputs, targets, validationInputs, validationTargets, many)
                - Measure(net, inputs, targets, validationInputs, validationTargets, few);
            if (differences[attempt] == 0)
            {
                return;
            }
        }

        Assert.Fail($"40 epochs allocated {string.Join(", ", differences)} bytes more than 1 epoch in {Attempts} attempts; expected 0.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Measure(
        EvalClassifierNet net, float[] inputs, float[] targets, float[] validationInputs, float[] validationTargets, FitOptions options)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        FitResult result = NetworkTrainer.Fit<float>(net, inputs, targets, options, validationInputs, validationTargets);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(result.ValidationMetric);
        return allocated;
    }
}
