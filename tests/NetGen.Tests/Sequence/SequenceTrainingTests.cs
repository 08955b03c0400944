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
