using System;
using System.Collections.Generic;
using NetGen.Training;

namespace AotCheck;

/// <summary>The fused SGD step, optimizer steps with Adam and momentum (with L2), and Fit.</summary>
internal static class Training
{
    public static void Run()
    {
        FusedSgd();
        Adam();
        MomentumWithL2();
        Fit();
    }

    private static void FusedSgd()
    {
        Report.Section("SgdStep (fused SGD), float 2-3-1 and 64-40-10");
        var net = new ClassicFloatNet();
        float[] inputs = SampleData.ToSingle(SampleData.ClassicInputs);
        float[] targets = SampleData.ToSingle(SampleData.ClassicTargets);
        var costs = new float[6];
        for (int step = 0; step < 300; step++)
        {
            int row = step % 3;
            float cost = net.SgdStep(inputs.AsSpan(row * 2, 2), targets.AsSpan(row, 1), learningRate: 0.5f);
            if (step % 60 == 0)
            {
                costs[step / 60] = cost;
            }
        }

        costs[5] = net.CostBatch(inputs, targets);
        Report.Values("costs every 60 steps, then after 300", (ReadOnlySpan<float>)costs);
        Report.Values("parameters", (ReadOnlySpan<float>)net.Parameters);
        Expect.That(costs[5] < costs[0], "fused SGD lowers the cost");

        var wide = new WideNet();
        float[] wInputs = SampleData.Uniform<float>(4 * WideNet.InputSize, seed: 31, low: -1, high: 1);
        float[] wTargets = SampleData.Uniform<float>(4 * WideNet.OutputSize, seed: 32, low: 0, high: 1);
        float last = 0;
        for (int step = 0; step < 40; step++)
        {
            int row = step % 4;
            last = wide.SgdStep(
                wInputs.AsSpan(row * WideNet.InputSize, WideNet.InputSize),
                wTargets.AsSpan(row * WideNet.OutputSize, WideNet.OutputSize),
                learningRate: 0.05f);
        }

        Report.Number("64-40-10 cost of step 40", last);
        Report.Digest("64-40-10 parameters", (ReadOnlySpan<float>)wide.Parameters);
    }

    private static void Adam()
    {
        Report.Section("TrainBatch and TrainStep with Adam, float 4-8-3 softmax");
        var net = new AdamClassifier();
        net.Optimizer.LearningRate = 0.01f;
        (float[] inputs, float[] targets) = ClassifierData(rows: 12, seed: 41);
        var costs = new List<float>();
        for (int step = 0; step < 25; step++)
        {
            costs.Add(net.TrainBatch(inputs, targets));
        }

        for (int row = 0; row < 12; row++)
        {
            costs.Add(net.TrainStep(inputs.AsSpan(row * 4, 4), targets.AsSpan(row * 3, 3)));
        }

        Report.Values("objective before each step", (ReadOnlySpan<float>)costs.ToArray());
        Report.Number("optimizer steps", net.Optimizer.StepCount);
        Report.Values("parameters", (ReadOnlySpan<float>)net.Parameters);
        Report.Digest("first moment", net.Optimizer.FirstMoment);
        Report.Digest("second moment", net.Optimizer.SecondMoment);
        Expect.That(net.Objective(inputs, targets) < costs[0], "Adam lowers the objective");
    }

    private static void MomentumWithL2()
    {
        Report.Section("TrainBatch with momentum and L2, double 3-6-5-2 GELU/Tanh/Identity, exponential cost");
        var net = new MomentumRegressor();
        net.L2Regularization = 1e-3;
        net.Optimizer.LearningRate = 0.02;
        net.Optimizer.Momentum = 0.8;
        double[] inputs = SampleData.Uniform<double>(10 * MomentumRegressor.InputSize, seed: 51, low: -1, high: 1);
        double[] targets = SampleData.Uniform<double>(10 * MomentumRegressor.OutputSize, seed: 52, low: -0.5, high: 0.5);
        var costs = new double[30];
        for (int step = 0; step < costs.Length; step++)
        {
            costs[step] = net.TrainBatch(inputs, targets);
        }

        Report.Values("objective before each step", (ReadOnlySpan<double>)costs);
        Report.Values("parameters", (ReadOnlySpan<double>)net.Parameters);
        Report.Number("Σ θ²", Report.SumOfSquares((ReadOnlySpan<double>)net.Parameters));
        Report.Digest("velocity", net.Optimizer.Velocity);

        net.Optimizer.Nesterov = true;
        net.Optimizer.Reset();
        double nesterov = 0;
        for (int step = 0; step < 10; step++)
        {
            nesterov = net.TrainBatch(inputs, targets);
        }

        Report.Number("Nesterov, objective before step 10", nesterov);
        Report.Number("objective after", net.Objective(inputs, targets));
        Expect.That(net.Objective(inputs, targets) < costs[0], "momentum lowers the objective");
    }

    private static void Fit()
    {
        Report.Section("NetworkTrainer.Fit, Adam, float 4-8-3 softmax");
        var net = new AdamClassifier();
        net.Optimizer.LearningRate = 0.02f;
        (float[] inputs, float[] targets) = ClassifierData(rows: 40, seed: 61);
        (float[] validationInputs, float[] validationTargets) = ClassifierData(rows: 12, seed: 62);
        var options = new FitOptions { Epochs = 6, BatchSize = 8, ShuffleSeed = 3, Patience = 0 };
        var log = new EpochLog();
        FitResult result = NetworkTrainer.Fit(net, inputs, targets, options, validationInputs, validationTargets, log);
        foreach (string line in log.Lines)
        {
            Console.WriteLine(line);
        }

        Report.Text("stop reason", result.StopReason.ToString());
        Report.Number("epochs run", result.EpochsRun);
        Report.Number("best epoch", result.BestEpoch);
        Report.Number("train cost", result.TrainCost);
        Report.Number("validation cost", result.ValidationCost ?? double.NaN);
        Report.Values("parameters", (ReadOnlySpan<float>)net.Parameters);
        Expect.That(result.StopReason == FitStopReason.Completed && result.EpochsRun == 6, "Fit runs its 6 epochs");
    }

    /// <summary>Inputs in [−1, 1)⁴ labelled by which of three sums is largest, one-hot.</summary>
    private static (float[] Inputs, float[] Targets) ClassifierData(int rows, ulong seed)
    {
        float[] inputs = SampleData.Uniform<float>(rows * 4, seed, low: -1, high: 1);
        var labels = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> x = inputs.AsSpan(r * 4, 4);
            float s0 = x[0] + x[1], s1 = x[2] - x[0], s2 = x[3] - x[1];
            labels[r] = s0 >= s1 && s0 >= s2 ? 0 : s1 >= s2 ? 1 : 2;
        }

        return (inputs, SampleData.OneHot<float>(labels, 3));
    }

    /// <summary>
    /// Records each epoch's costs as text when Fit reports it (synchronously, unlike <see cref="Progress{T}"/>,
    /// which posts to the thread pool). The elapsed time is left out: it is the one thing that differs between runs.
    /// </summary>
    private sealed class EpochLog : IProgress<EpochReport>
    {
        public List<string> Lines { get; } = new();

        public void Report(EpochReport value) =>
            Lines.Add(
                "epoch " + AotCheck.Report.Format(value.Epoch) +
                ": train " + AotCheck.Report.Format(value.TrainCost) +
                ", validation " + AotCheck.Report.Format(value.ValidationCost ?? double.NaN));
    }
}
