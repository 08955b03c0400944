using System;
using System.Collections.Generic;
using System.Numerics;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Optimizers;

/// <summary>StepCount, Reset, hyperparameter validation and Step's argument checks of every optimizer.</summary>
public sealed class OptimizerLifecycleTests
{
    private const int Count = 13;

    public static TheoryData<string, OptimizerKind> KindsAndTypes => OptimizerUpdateTests.KindsAndTypes;

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void StepCount_CountsSteps_AndReset_StartsOver(string type, OptimizerKind kind)
    {
        if (type == "float")
        {
            ResetMatchesFreshOptimizer<float>(kind);
        }
        else
        {
            ResetMatchesFreshOptimizer<double>(kind);
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void Step_WithWrongSpanLengths_ThrowsNamingTheParameter(string type, OptimizerKind kind)
    {
        if (type == "float")
        {
            WrongLengths<float>(kind);
        }
        else
        {
            WrongLengths<double>(kind);
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void Hyperparameters_RejectInvalidValues(string type, OptimizerKind kind)
    {
        if (type == "float")
        {
            Validation<float>(kind);
        }
        else
        {
            Validation<double>(kind);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructors_RejectNonPositiveParameterCount(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdOptimizer<float>(count));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MomentumOptimizer<double>(count, nesterov: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer<float>(count));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RmsPropOptimizer<double>(count));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void AdamConstructor_RejectsInvalidWeightDecay(double weightDecay)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer<double>(Count, weightDecay));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer<float>(Count, weightDecay));
    }

    private static void ResetMatchesFreshOptimizer<T>(OptimizerKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerSettings settings = OptimizerSettings.NonDefault(kind);
        GradientOptimizer<T> used = settings.Create<T>(Count);
        var random = new Random(31 + (int)kind);
        var theta = new T[Count];
        var gradient = new T[Count];
        Assert.Equal(0, used.StepCount);
        for (int step = 1; step <= 5; step++)
        {
            OptimizerUpdateTests.RandomGradient(random, gradient);
            used.Step(theta, gradient);
            Assert.Equal(step, used.StepCount);
        }

        bool hasState = OptimizerAssert.First(used).Length + OptimizerAssert.Second(used).Length > 0;
        Assert.Equal(kind != OptimizerKind.Sgd, hasState);
        Assert.True(HasNonZero(OptimizerAssert.First(used)) || HasNonZero(OptimizerAssert.Second(used)) || !hasState, "the steps left no state to reset");

        used.Reset();
        Assert.Equal(0, used.StepCount);
        Assert.False(HasNonZero(OptimizerAssert.First(used)), "first state not zeroed by Reset");
        Assert.False(HasNonZero(OptimizerAssert.Second(used)), "second state not zeroed by Reset");
        Assert.Equal(T.CreateChecked(settings.LearningRate), used.LearningRate);

        // After Reset the optimizer behaves exactly like a fresh one with the same hyperparameters, for several steps
        // (Adam's bias correction restarts at t = 1).
        GradientOptimizer<T> fresh = settings.Create<T>(Count);
        for (int i = 0; i < Count; i++)
        {
            theta[i] = T.CreateChecked(random.NextDouble() - 0.5);
        }

        T[] freshTheta = (T[])theta.Clone();
        for (int step = 1; step <= 3; step++)
        {
            OptimizerUpdateTests.RandomGradient(random, gradient);
            used.Step(theta, gradient);
            fresh.Step(freshTheta, gradient);
            Assert.Equal(step, used.StepCount);
            Assert.Equal(freshTheta, theta);
            Assert.Equal(OptimizerAssert.First(fresh).ToArray(), OptimizerAssert.First(used).ToArray());
            Assert.Equal(OptimizerAssert.Second(fresh).ToArray(), OptimizerAssert.Second(used).ToArray());
        }
    }

    private static void WrongLengths<T>(OptimizerKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        GradientOptimizer<T> optimizer = OptimizerSettings.Defaults(kind).Create<T>(Count);
        var right = new T[Count];
        foreach (int length in new[] { 0, Count - 1, Count + 1 })
        {
            var wrong = new T[length];
            var e = Assert.Throws<ArgumentException>(() => optimizer.Step(wrong, right));
            Assert.Equal("parameters", e.ParamName);
            Assert.Contains(Count.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);

            e = Assert.Throws<ArgumentException>(() => optimizer.Step(right, wrong));
            Assert.Equal("gradients", e.ParamName);
            Assert.Contains(Count.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        }

        // A rejected call is not a step.
        Assert.Equal(0, optimizer.StepCount);
        optimizer.Step(right, right);
        Assert.Equal(1, optimizer.StepCount);
    }

    private static void Validation<T>(OptimizerKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        GradientOptimizer<T> optimizer = OptimizerSettings.Defaults(kind).Create<T>(Count);
        T[] notPositive = [T.Zero, -T.One, T.NaN, T.PositiveInfinity, T.NegativeInfinity, -T.Epsilon];
        T[] notDecay = [-T.CreateChecked(0.1), T.One, T.CreateChecked(1.5), T.NaN, T.PositiveInfinity, T.NegativeInfinity];
        T[] notNonNegative = [-T.CreateChecked(0.01), T.NaN, T.PositiveInfinity, T.NegativeInfinity];

        Rejects(nameof(optimizer.LearningRate), notPositive, v => optimizer.LearningRate = v, () => optimizer.LearningRate);
        Accepts(v => optimizer.LearningRate = v, () => optimizer.LearningRate, T.Epsilon, T.CreateChecked(1e6));

        switch (optimizer)
        {
            case MomentumOptimizer<T> momentum:
                Rejects(nameof(momentum.Momentum), notDecay, v => momentum.Momentum = v, () => momentum.Momentum);
                Accepts(v => momentum.Momentum = v, () => momentum.Momentum, T.Zero, T.CreateChecked(0.999));
                break;
            case AdamOptimizer<T> adam:
                Rejects(nameof(adam.Beta1), notDecay, v => adam.Beta1 = v, () => adam.Beta1);
                Rejects(nameof(adam.Beta2), notDecay, v => adam.Beta2 = v, () => adam.Beta2);
                Rejects(nameof(adam.Epsilon), notPositive, v => adam.Epsilon = v, () => adam.Epsilon);
                Rejects(nameof(adam.WeightDecay), notNonNegative, v => adam.WeightDecay = v, () => adam.WeightDecay);
                Accepts(v => adam.Beta1 = v, () => adam.Beta1, T.Zero, T.CreateChecked(0.5));
                Accepts(v => adam.Beta2 = v, () => adam.Beta2, T.Zero, T.CreateChecked(0.9999));
                Accepts(v => adam.Epsilon = v, () => adam.Epsilon, T.Epsilon, T.One);
                Accepts(v => adam.WeightDecay = v, () => adam.WeightDecay, T.Zero, T.CreateChecked(0.5));
                break;
            case RmsPropOptimizer<T> rmsProp:
                Rejects(nameof(rmsProp.Rho), notDecay, v => rmsProp.Rho = v, () => rmsProp.Rho);
                Rejects(nameof(rmsProp.Epsilon), notPositive, v => rmsProp.Epsilon = v, () => rmsProp.Epsilon);
                Accepts(v => rmsProp.Rho = v, () => rmsProp.Rho, T.Zero, T.CreateChecked(0.99));
                Accepts(v => rmsProp.Epsilon = v, () => rmsProp.Epsilon, T.Epsilon, T.One);
                break;
        }
    }

    /// <summary>Each value throws ArgumentOutOfRangeException naming the property, and the property keeps its value.</summary>
    private static void Rejects<T>(string name, IEnumerable<T> values, Action<T> set, Func<T> get)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (T value in values)
        {
            T before = get();
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => set(value));
            Assert.Equal(name, e.ParamName);
            Assert.Equal(before, get());
        }
    }

    private static void Accepts<T>(Action<T> set, Func<T> get, params T[] values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (T value in values)
        {
            set(value);
            Assert.Equal(value, get());
        }
    }

    private static bool HasNonZero<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (T value in values)
        {
            if (value != T.Zero)
            {
                return true;
            }
        }

        return false;
    }
}
