using System;
using System.Linq;
using NetGen.Optimization;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>The library's training tools on sequence networks: GradientCheck, L-BFGS and the optimizers.</summary>
public class SequenceTrainingTests
{
    [Fact]
    public void GradientCheck_OfASequenceNetwork_ReportsAgreement_AndRestoresTheParameters()
    {
        var net = new StackD();
        SequenceGradientTests.Randomize(net, seed: 21);
        (double[] inputs, double[] targets) = SequenceGradientTests.Sequence(net, frames: 6, seed: 22);
        double[] before = net.Parameters.ToArray();

        GradientCheckResult result = GradientCheck.RunObjective(net, inputs, targets, epsilon: 1e-5);

        Assert.True(result.RelativeError < 1e-7, $"relative error {result.RelativeError:E3}");
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void GradientCheck_FindsAWrongGradient()
    {
        // A network whose gradient is deliberately broken would need a hook; instead, check that the check is not
        // vacuous: its numeric gradient of a changed objective (other targets) disagrees with the analytic one.
        var net = new GruModelD();
        SequenceGradientTests.Randomize(net, seed: 23);
        (double[] inputs, double[] targets) = SequenceGradientTests.Sequence(net, frames: 5, seed: 24);
        var analytic = new double[GruModelD.ParameterCount];
        net.ObjectiveGradient(inputs, targets.Select(t => t + 1).ToArray(), analytic);
        GradientCheckResult result = GradientCheck.RunObjective(net, inputs, targets, epsilon: 1e-5);
        var right = new double[GruModelD.ParameterCount];
        net.ObjectiveGradient(inputs, targets, right);
        Assert.True(result.RelativeError < 1e-7);
        double wrong = Math.Sqrt(analytic.Zip(right, (a, b) => (a - b) * (a - b)).Sum()) / Math.Sqrt(right.Sum(v => v * v));
        Assert.True(wrong > 1e-2, "the targets matter to the gradient");
    }

    [Fact]
    public void Lbfgs_FitsAnLstmToAFilterWithMemory()
    {
        var net = new Lstm8D();
        (double[] x, double[] y) = LowPassIntoClipper(frames: 200, seed: 25);
        double start = net.Objective(x, y);

        LbfgsResult result = Lbfgs.Minimize(net, x, y, new LbfgsOptions { MaxIterations = 150 });

        double end = net.Objective(x, y);
        Assert.Equal(end, result.Cost, 12);
        Assert.True(end < start / 20, $"J went from {start:G4} to {end:G4} ({result.StopReason}).");
    }

    [Fact]
    public void Lbfgs_NullSequenceNetwork_Throws() =>
        Assert.Equal("network", Assert.Throws<ArgumentNullException>(
            () => Lbfgs.Minimize((ISequenceNetwork<double>)null!, new double[1], new double[1])).ParamName);

    [Fact]
    public void TrainSequence_WithAdam_LowersTheObjective()
    {
        var net = new AdamLstm();
        net.Optimizer.LearningRate = 0.02f;
        (double[] xd, double[] yd) = LowPassIntoClipper(frames: 128, seed: 26);
        float[] x = xd.Select(v => (float)v).ToArray(), y = yd.Select(v => (float)v).ToArray();
        float first = net.TrainSequence(x, y), last = first;
        for (int i = 0; i < 150; i++)
        {
            last = net.TrainSequence(x, y);
        }

        Assert.True(last < first / 5, $"J went from {first:G4} to {last:G4}.");
        Assert.Equal(151, net.Optimizer.StepCount);
    }

    [Fact]
    public void WarmupObjective_GradientMatchesCentralDifferences_AndWarmupZeroIsThePlainObjective()
    {
        var net = new StackD();
        SequenceGradientTests.Randomize(net, seed: 27);
        (double[] x, double[] y) = SequenceGradientTests.Sequence(net, frames: 11, seed: 28);
        var gradient = new double[StackD.ParameterCount];
        double j = net.ObjectiveGradient(x, y, gradient, warmup: 4);
        NumericAssert.Close(net.Objective(x, y, warmup: 4), j, 1e-15, "J");
        for (int i = 0; i < StackD.ParameterCount; i += 7)
        {
            double original = net.Parameters[i];
            net.Parameters[i] = original + 1e-5;
            double plus = net.Objective(x, y, warmup: 4);
            net.Parameters[i] = original - 1e-5;
            double minus = net.Objective(x, y, warmup: 4);
            net.Parameters[i] = original;
            NumericAssert.Close((plus - minus) / 2e-5, gradient[i], 1e-7 * Math.Max(1, Math.Abs(gradient[i])), $"∂J/∂θ[{i}]");
        }

        var plain = new double[StackD.ParameterCount];
        Assert.Equal(net.ObjectiveGradient(x, y, plain), net.ObjectiveGradient(x, y, gradient, warmup: 0));
        Assert.Equal(plain, gradient);
        Assert.Equal("warmup", Assert.Throws<ArgumentOutOfRangeException>(() => net.Objective(x, y, warmup: 11)).ParamName);
        Assert.Equal("warmup", Assert.Throws<ArgumentOutOfRangeException>(() => net.ObjectiveGradient(x, y, gradient, warmup: -1)).ParamName);
    }

    [Fact]
    public void Fit_OverWindowsOfARecording_LearnsTheFilter_AndStopsEarlyOnValidation()
    {
        var net = new AdamLstm();
        net.Optimizer.LearningRate = 0.01f;
        (double[] xd, double[] yd) = LowPassIntoClipper(frames: 3000, seed: 29);
        float[] x = xd.Select(v => (float)v).ToArray(), y = yd.Select(v => (float)v).ToArray();
        (double[] vxd, double[] vyd) = LowPassIntoClipper(frames: 600, seed: 30);
        float[] vx = vxd.Select(v => (float)v).ToArray(), vy = vyd.Select(v => (float)v).ToArray();
        float start = net.Objective(x, y);
        var reports = new System.Collections.Generic.List<NetGen.Training.EpochReport>();

        NetGen.Training.FitResult result = NetGen.Training.NetworkTrainer.Fit(
            net, x, y, new NetGen.Training.SequenceFitOptions { Epochs = 30, WindowLength = 200, Warmup = 20, Patience = 5 },
            vx, vy, new SynchronousProgress(reports));

        Assert.Equal(result.EpochsRun, reports.Count);
        Assert.True(result.TrainCost < start / 10, $"J over the recording went from {start:G4} to {result.TrainCost:G4} ({result.StopReason}).");
        Assert.Equal(net.Objective(x, y), result.TrainCost, 5);
        Assert.Equal(net.Objective(vx, vy), result.ValidationCost!.Value, 5);
        Assert.Equal(reports.Min(r => r.ValidationCost!.Value), result.ValidationCost!.Value, 12);
        Assert.Equal(reports.Count * 16L, net.Optimizer.StepCount);   // (3000 − 200) / 180 + 1 = 16 windows per epoch
    }

    [Fact]
    public void Fit_RefusesWindowsThatCannotWork()
    {
        var net = new AdamLstm();
        float[] x = new float[100], y = new float[100];
        Assert.Throws<ArgumentOutOfRangeException>(() => NetGen.Training.NetworkTrainer.Fit(
            net, x, y, new NetGen.Training.SequenceFitOptions { WindowLength = 10, Warmup = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetGen.Training.NetworkTrainer.Fit(
            net, x, y, new NetGen.Training.SequenceFitOptions { Epochs = 0 }));
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => NetGen.Training.NetworkTrainer.Fit(
            net, x, y.AsSpan(1), new NetGen.Training.SequenceFitOptions())).ParamName);
    }

    private sealed class SynchronousProgress(System.Collections.Generic.List<NetGen.Training.EpochReport> reports)
        : IProgress<NetGen.Training.EpochReport>
    {
        public void Report(NetGen.Training.EpochReport value) => reports.Add(value);
    }

    /// <summary>A one-pole low-pass (memory) into tanh (a soft clipper), driven by a random signal.</summary>
    internal static (double[] Inputs, double[] Targets) LowPassIntoClipper(int frames, int seed)
    {
        var random = new Random(seed);
        var x = new double[frames];
        var y = new double[frames];
        double state = 0;
        for (int t = 0; t < frames; t++)
        {
            x[t] = (random.NextDouble() * 2) - 1;
            state += 0.2 * (x[t] - state);
            y[t] = Math.Tanh(2 * state);
        }

        return (x, y);
    }
}
