using System;
using Xunit;

namespace NetGen.Tests;

/// <summary><see cref="GradientCheck"/> on generated float networks and on a hand-written double model.</summary>
public sealed class GradientCheckTests
{
    private static readonly double[] LinearInputs = [0.5, -1.0, 2.0, 1.5, 0.25, -0.75, -0.3, 0.8, 0.1];
    private static readonly double[] LinearTargets = [1.0, -2.0, 0.5, 0.25, -1.5, 3.0];

    [Theory]
    [InlineData(nameof(StudyScoreNet))]
    [InlineData(nameof(TanhNet))]
    [InlineData(nameof(DeepNet))]
    [InlineData(nameof(ReluNet))]
    public void FloatNetwork_CorrectGradient_SmallError(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        (float[] inputs, float[] targets) = TestData.Samples(c, rows: 4, seed: 601);

        GradientCheckResult result = GradientCheck.Run(c.Network, inputs, targets, epsilon: 1e-3);

        // Float costs carry ~7 digits, so the documented expectation is ~1e−3; a wrong gradient gives ~1e−1 or more.
        Assert.True(result.RelativeError < 1e-2, $"{name}: relative error {result.RelativeError:E3}");
        Assert.Equal(c.Spec.ParameterCount, result.ParameterCount);
    }

    [Fact]
    public void FloatNetwork_ParametersRestoredExactly()
    {
        var net = new DeepNet();
        TestData.Fill(new Random(8), net.Parameters, -1, 1); // values whose ±ε neighbours are not exact
        float[] before = net.Parameters.ToArray();
        NetworkCase c = NetworkCases.Create(nameof(DeepNet));
        (float[] inputs, float[] targets) = TestData.Samples(c, rows: 2, seed: 602);

        GradientCheck.Run<float>(net, inputs, targets, epsilon: 1e-3);

        NumericAssert.BitwiseEqual(before, net.Parameters, "DeepNet parameters");
    }

    [Fact]
    public void DoubleModel_CorrectGradient_TinyError()
    {
        LinearModel model = Model();

        GradientCheckResult result = GradientCheck.Run<double>(model, LinearInputs, LinearTargets);

        // J is quadratic in each parameter, so central differences are exact up to rounding.
        Assert.True(result.RelativeError < 1e-9, $"relative error {result.RelativeError:E3}");
        Assert.Equal(8, result.ParameterCount);
        Assert.True(result.WorstAbsoluteDifference < 1e-8, $"worst difference {result.WorstAbsoluteDifference:E3}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(7)]
    public void DoubleModel_WrongGradient_LargeErrorAtTheBrokenParameter(int broken)
    {
        LinearModel model = Model(broken);
        LinearModel correct = Model();
        var gradient = new double[8];
        for (int r = 0; r < 3; r++)
        {
            correct.AccumulateGradients(LinearInputs.AsSpan(r * 3, 3), LinearTargets.AsSpan(r * 2, 2), gradient);
        }

        GradientCheckResult result = GradientCheck.Run<double>(model, LinearInputs, LinearTargets);

        // The broken component reports −2g instead of g: |g − n| = 3|g| there, 0 elsewhere.
        Assert.Equal(broken, result.WorstParameterIndex);
        Assert.Equal(3 * Math.Abs(gradient[broken]), result.WorstAbsoluteDifference, 1e-8);
        Assert.True(result.RelativeError > 0.1, $"relative error {result.RelativeError:E3}");
    }

    [Fact]
    public void DoubleModel_ParametersRestoredExactly_EvenWhenCostThrows()
    {
        LinearModel model = Model(throwOnCostCall: 7);
        double[] before = model.Parameters.ToArray();

        Assert.Throws<InvalidOperationException>(() => GradientCheck.Run<double>(model, LinearInputs, LinearTargets));

        Assert.Equal(7, model.CostCalls);
        Assert.Equal(before, model.Parameters.ToArray());

        LinearModel healthy = Model();
        GradientCheck.Run<double>(healthy, LinearInputs, LinearTargets, epsilon: 0.1);
        Assert.Equal(before, healthy.Parameters.ToArray());
    }

    [Fact]
    public void BothGradientsZero_RelativeErrorIsZero()
    {
        // θ = 0 and y = 0: g = 0, and J(±ε) are equal, so n = 0 as well.
        var model = new LinearModel();

        GradientCheckResult result = GradientCheck.Run<double>(model, LinearInputs, new double[6]);

        Assert.Equal(0, result.RelativeError);
        Assert.Equal(0, result.WorstAbsoluteDifference);
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        LinearModel model = Model();
        double[] before = model.Parameters.ToArray();

        Assert.Equal("network", Assert.Throws<ArgumentNullException>(
            () => GradientCheck.Run<double>(null!, LinearInputs, LinearTargets)).ParamName);
        Assert.Equal("inputs", Assert.ThrowsAny<ArgumentException>(
            () => GradientCheck.Run<double>(model, new double[4], new double[2])).ParamName);
        Assert.Equal("inputs", Assert.ThrowsAny<ArgumentException>(
            () => GradientCheck.Run<double>(model, [], [])).ParamName);
        Assert.Equal("targets", Assert.ThrowsAny<ArgumentException>(
            () => GradientCheck.Run<double>(model, LinearInputs, new double[4])).ParamName);
        Assert.Equal("targets", Assert.ThrowsAny<ArgumentException>(
            () => GradientCheck.Run<double>(model, LinearInputs, new double[7])).ParamName);
        foreach (double epsilon in new[] { 0, -1e-4, double.NaN, double.PositiveInfinity })
        {
            Assert.Equal("epsilon", Assert.ThrowsAny<ArgumentException>(
                () => GradientCheck.Run<double>(model, LinearInputs, LinearTargets, epsilon)).ParamName);
        }

        Assert.Equal(before, model.Parameters.ToArray());
    }

    [Fact]
    public void EpsilonTooSmallForFloat_Throws_AndRestoresParameters()
    {
        var net = new StudyScoreNet();
        float[] before = net.Parameters.ToArray();

        ArgumentException exception = Assert.ThrowsAny<ArgumentException>(
            () => GradientCheck.Run<float>(net, [0.3f, 1f], [0.75f], epsilon: 1e-12));

        Assert.Equal("epsilon", exception.ParamName);
        NumericAssert.BitwiseEqual(before, net.Parameters, "StudyScoreNet parameters");
    }

    private static LinearModel Model(int? broken = null, int? throwOnCostCall = null)
    {
        var model = new LinearModel { BrokenParameter = broken, ThrowOnCostCall = throwOnCostCall };
        model.InitializeParameters(11);
        model.Parameters[6] = 0.3; // non-zero biases
        model.Parameters[7] = -0.2;
        return model;
    }
}
