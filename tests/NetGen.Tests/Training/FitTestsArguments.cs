using System;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>Fit checks every argument before it changes anything, and names the argument that is wrong.</summary>
public sealed class FitTestsArguments
{
    // FitRegressionNet: 2 inputs, 1 output.
    private static readonly float[] Inputs = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f];
    private static readonly float[] Targets = [1f, 2f, 3f];
    private static readonly FitOptions Options = new() { Epochs = 2 };

    [Fact]
    public void NullNetwork_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => NetworkTrainer.Fit<float>(null!, Inputs, Targets, Options));
        Assert.Equal("network", e.ParamName);
    }

    [Fact]
    public void NullOptions_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => NetworkTrainer.Fit<float>(new FitRegressionNet(), Inputs, Targets, null!));
        Assert.Equal("options", e.ParamName);
    }

    [Theory]
    [InlineData(5, 3, "inputs", "multiple of 2")]           // not whole rows
    [InlineData(0, 0, "inputs", "at least one row")]       // empty
    [InlineData(6, 2, "targets", "Expected length 3")]     // too few targets
    [InlineData(6, 4, "targets", "Expected length 3")]     // too many targets
    public void TrainingDataOfTheWrongShape_Throws(int inputLength, int targetLength, string paramName, string message)
    {
        var net = new FitRegressionNet();
        float[] before = FitData.Snapshot<float>(net);

        var e = Assert.Throws<ArgumentException>(() => NetworkTrainer.Fit<float>(
            net, Inputs.AsSpan(0, Math.Min(inputLength, Inputs.Length)), new float[targetLength], Options));

        Assert.Equal(paramName, e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, FitData.Snapshot<float>(net));
    }

    [Theory]
    [InlineData(4, 0, "validationTargets", "without validation targets")]  // inputs only
    [InlineData(0, 2, "validationInputs", "without validation inputs")]    // targets only
    [InlineData(3, 2, "validationInputs", "multiple of 2")]                // not whole rows
    [InlineData(4, 3, "validationTargets", "Expected length 2")]           // rows mismatched
    [InlineData(4, 1, "validationTargets", "Expected length 2")]           // rows mismatched
    public void ValidationDataOfTheWrongShape_Throws(int inputLength, int targetLength, string paramName, string message)
    {
        var net = new FitRegressionNet();
        float[] before = FitData.Snapshot<float>(net);

        var e = Assert.Throws<ArgumentException>(() => NetworkTrainer.Fit<float>(
            net, Inputs, Targets, Options, new float[inputLength], new float[targetLength]));

        Assert.Equal(paramName, e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, FitData.Snapshot<float>(net));
    }

    public static TheoryData<FitOptions, string> BadOptions => new()
    {
        { new FitOptions { Epochs = 0 }, "Epochs" },
        { new FitOptions { Epochs = -3 }, "Epochs" },
        { new FitOptions { BatchSize = 0 }, "BatchSize" },
        { new FitOptions { BatchSize = int.MinValue }, "BatchSize" },
        { new FitOptions { Patience = -1 }, "Patience" },
        { new FitOptions { MinImprovement = -1e-9 }, "MinImprovement" },
        { new FitOptions { MinImprovement = double.NaN }, "MinImprovement" },
        { new FitOptions { MinImprovement = double.PositiveInfinity }, "MinImprovement" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void OptionsOutOfRange_Throw(FitOptions options, string property)
    {
        var net = new FitRegressionNet();
        float[] before = FitData.Snapshot<float>(net);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NetworkTrainer.Fit<float>(net, Inputs, Targets, options));

        Assert.Equal("options", e.ParamName);
        Assert.Contains($"FitOptions.{property}", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, FitData.Snapshot<float>(net));
    }

    [Fact]
    public void OptionsAtTheirLimits_AreAccepted()
    {
        FitResult result = NetworkTrainer.Fit<float>(
            new FitRegressionNet(), Inputs, Targets, new FitOptions { Epochs = 1, BatchSize = 1, Patience = 0, MinImprovement = 0, ShuffleSeed = int.MinValue });

        Assert.Equal(FitStopReason.Completed, result.StopReason);
        Assert.Equal(1, result.EpochsRun);
    }
}
