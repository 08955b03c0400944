using System;
using System.Numerics;
using NetGen.Training;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// The optimizers inside generated networks: the attribute picks the concrete type, TrainBatch is
/// ObjectiveGradient followed by one optimizer step, and every optimizer trains XOR and the study-score data.
/// </summary>
public sealed class GeneratedOptimizerTests(ITestOutputHelper output)
{
    /// <summary>Full-batch steps for the training tests.</summary>
    internal const int TrainingSteps = 2000;

    public static TheoryData<string, OptimizerKind> KindsAndTypes => OptimizerUpdateTests.KindsAndTypes;

    public static TheoryData<string, OptimizerKind, int, double> TrainBatchCases
    {
        get
        {
            var data = new TheoryData<string, OptimizerKind, int, double>();
            foreach (string type in new[] { "float", "double" })
            {
                foreach (OptimizerKind kind in OptimizerNetworks.Kinds)
                {
                    foreach (int rows in new[] { 1, 3, 4 })
                    {
                        data.Add(type, kind, rows, 0);
                    }

                    data.Add(type, kind, 4, 1e-3);
                }
            }

            return data;
        }
    }

    /// <summary>
    /// A learning rate per optimizer that trains both problems well in <see cref="TrainingSteps"/> full-batch
    /// steps (found by scanning 0.001 .. 3 in steps of about 3×). Adaptive methods need far smaller rates than SGD.
    /// </summary>
    internal static double TrainingRate(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Sgd => 1.0,
        OptimizerKind.Momentum or OptimizerKind.Nesterov => 0.1,
        OptimizerKind.Adam or OptimizerKind.AdamW => 0.03,
        OptimizerKind.RmsProp => 0.003,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Fact]
    public void OptimizerProperty_HasTheConcreteTypeOfTheAttribute()
    {
        // Compile-time: the generated property is typed with the concrete optimizer.
        SgdOptimizer<float> sgd = new XorSgdNet().Optimizer;
        MomentumOptimizer<float> momentum = new XorMomentumNet().Optimizer;
        MomentumOptimizer<float> nesterov = new XorNesterovNet().Optimizer;
        AdamOptimizer<float> adam = new XorAdamNet().Optimizer;
        AdamOptimizer<float> adamW = new XorAdamWNet().Optimizer;
        RmsPropOptimizer<float> rmsProp = new XorRmsPropNet().Optimizer;
        SgdOptimizer<double> sgdD = new ScoreSgdNetD().Optimizer;
        MomentumOptimizer<double> nesterovD = new ScoreNesterovNetD().Optimizer;
        AdamOptimizer<double> adamWD = new ScoreAdamWNetD().Optimizer;
        RmsPropOptimizer<double> rmsPropD = new ScoreRmsPropNetD().Optimizer;

        Assert.False(momentum.Nesterov);
        Assert.True(nesterov.Nesterov);
        Assert.True(nesterovD.Nesterov);
        Assert.Equal(0f, adam.WeightDecay);
        Assert.Equal(0.01f, adamW.WeightDecay);
        Assert.Equal(0.01, adamWD.WeightDecay);
        Assert.Equal(XorSgdNet.ParameterCount, sgd.ParameterCount);
        Assert.Equal(ScoreSgdNetD.ParameterCount, sgdD.ParameterCount);
        Assert.Equal(0.001f, rmsProp.LearningRate);
        Assert.Equal(0.001, rmsPropD.LearningRate);
    }

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void InterfaceOptimizer_IsTheSameConfiguredInstance(string type, OptimizerKind kind)
    {
        if (type == "float")
        {
            CheckOptimizerInstance(OptimizerNetworks.Xor<float>(kind), kind);
            CheckOptimizerInstance(OptimizerNetworks.Score<float>(kind), kind);
        }
        else
        {
            CheckOptimizerInstance(OptimizerNetworks.Xor<double>(kind), kind);
            CheckOptimizerInstance(OptimizerNetworks.Score<double>(kind), kind);
        }
    }

    [Theory]
    [MemberData(nameof(TrainBatchCases))]
    public void TrainBatch_IsObjectiveGradientThenOneReferenceStep(string type, OptimizerKind kind, int rows, double l2)
    {
        if (type == "float")
        {
            TrainBatchMatchesReference<float>(kind, rows, l2);
        }
        else
        {
            TrainBatchMatchesReference<double>(kind, rows, l2);
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void TrainStep_IsTrainBatchOfOneRow(string type, OptimizerKind kind)
    {
        if (type == "float")
        {
            TrainStepMatchesTrainBatch<float>(kind);
        }
        else
        {
            TrainStepMatchesTrainBatch<double>(kind);
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void SgdStep_IgnoresOptimizerAndL2(string type, OptimizerKind kind)
    {
        if (type == "float")
        {
            FusedStepIsPlainSgd<float>(kind);
        }
        else
        {
            FusedStepIsPlainSgd<double>(kind);
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void EveryOptimizer_LearnsXor(string type, OptimizerKind kind)
    {
        (double start, double end) = type == "float"
            ? LearnXor(OptimizerNetworks.Xor<float>(kind), kind)
            : LearnXor(OptimizerNetworks.Xor<double>(kind), kind);
        output.WriteLine($"XOR {type} {kind}, η = {TrainingRate(kind)}: objective {start:G4} → {end:G4} after {TrainingSteps} steps");
    }

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void EveryOptimizer_FitsTheStudyScores(string type, OptimizerKind kind)
    {
        (double start, double end) = type == "float"
            ? Train(OptimizerNetworks.Score<float>(kind), kind, OptimizerNetworks.ScoreInputs<float>(), OptimizerNetworks.ScoreTargets<float>())
            : Train(OptimizerNetworks.Score<double>(kind), kind, OptimizerNetworks.ScoreInputs<double>(), OptimizerNetworks.ScoreTargets<double>());
        output.WriteLine($"Scores {type} {kind}, η = {TrainingRate(kind)}: objective {start:G4} → {end:G4} after {TrainingSteps} steps");

        // The untrained network is off by about 0.5 per score (objective ≈ 0.15); a fit to within a few points is
        // below 1e−3, and every optimizer gets at least a hundred times below the start.
        Assert.True(end < start / 100, $"{kind}: objective {start} → {end}, expected below {start / 100}.");
    }

    /// <summary>Full-batch training; returns the objective before and after.</summary>
    internal static (double Start, double End) Train<T>(ITrainableNetwork<T> network, OptimizerKind kind, T[] inputs, T[] targets)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        network.Optimizer.LearningRate = T.CreateChecked(TrainingRate(kind));
        double start = double.CreateChecked(network.Objective(inputs, targets));
        for (int step = 0; step < TrainingSteps; step++)
        {
            double cost = double.CreateChecked(network.TrainBatch(inputs, targets));
            Assert.True(double.IsFinite(cost), $"{kind}: objective {cost} at step {step}.");
        }

        Assert.Equal(TrainingSteps, network.Optimizer.StepCount);
        return (start, double.CreateChecked(network.Objective(inputs, targets)));
    }

    private static (double Start, double End) LearnXor<T>(ITrainableNetwork<T> network, OptimizerKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] inputs = OptimizerNetworks.XorInputs<T>(), targets = OptimizerNetworks.XorTargets<T>();
        (double start, double end) = Train(network, kind, inputs, targets);

        // Untrained: ≈ 0.146 (outputs near 0.5). Every optimizer ends at least a hundred times lower and
        // reproduces the truth table to within 0.1.
        Assert.True(end < start / 100, $"{kind}: objective {start} → {end}, expected below {start / 100}.");
        Span<T> y = stackalloc T[1];
        for (int r = 0; r < 4; r++)
        {
            network.Forward(inputs.AsSpan(2 * r, 2), y);
            double error = Math.Abs(double.CreateChecked(y[0] - targets[r]));
            Assert.True(error < 0.1, $"{kind}: XOR row {r} output {y[0]}, target {targets[r]}.");
        }

        return (start, end);
    }

    private static void CheckOptimizerInstance<T>(ITrainableNetwork<T> network, OptimizerKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        GradientOptimizer<T> optimizer = network.Optimizer;
        Assert.Same(optimizer, network.Optimizer);
        Assert.Equal(network.ParameterCount, optimizer.ParameterCount);
        Assert.Equal(0, optimizer.StepCount);
        Type expected = kind switch
        {
            OptimizerKind.Sgd => typeof(SgdOptimizer<T>),
            OptimizerKind.Momentum or OptimizerKind.Nesterov => typeof(MomentumOptimizer<T>),
            OptimizerKind.Adam or OptimizerKind.AdamW => typeof(AdamOptimizer<T>),
            OptimizerKind.RmsProp => typeof(RmsPropOptimizer<T>),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Assert.IsType(expected, optimizer);
        if (optimizer is MomentumOptimizer<T> momentum)
        {
            Assert.Equal(kind == OptimizerKind.Nesterov, momentum.Nesterov);
        }

        if (optimizer is AdamOptimizer<T> adam)
        {
            Assert.Equal(T.CreateChecked(kind == OptimizerKind.AdamW ? 0.01 : 0), adam.WeightDecay);
        }

        // The generated property and the interface property are the same object: a step through one shows in the other.
        T[] inputs = OptimizerNetworks.Convert<T>(new double[network.InputSize]);
        T[] targets = OptimizerNetworks.Convert<T>(new double[network.OutputSize]);
        network.TrainBatch(inputs, targets);
        Assert.Equal(1, optimizer.StepCount);
    }

    /// <summary>
    /// Ten TrainBatch calls with non-default hyperparameters (set through the Optimizer property). Before each,
    /// ObjectiveGradient at the same parameters gives J and g; TrainBatch must return exactly J and leave exactly
    /// the parameters that the reference formula computes from the parameters before the step and g.
    /// </summary>
    private static void TrainBatchMatchesReference<T>(OptimizerKind kind, int rows, double l2)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ITrainableNetwork<T> network = OptimizerNetworks.Xor<T>(kind);
        network.L2Regularization = T.CreateChecked(l2);
        OptimizerSettings settings = OptimizerSettings.NonDefault(kind);
        settings.Apply(network.Optimizer);
        ReferenceOptimizer reference = settings.Reference<T>(network.ParameterCount);
        double tolerance = OptimizerAssert.Tolerance<T>();

        var random = new Random(77 + rows);
        T[] inputs = RandomValues<T>(random, rows * network.InputSize, -1, 1);
        T[] targets = RandomValues<T>(random, rows * network.OutputSize, 0.1, 0.9);
        var gradient = new T[network.ParameterCount];
        for (int step = 1; step <= 10; step++)
        {
            T expectedCost = network.ObjectiveGradient(inputs, targets, gradient);
            double[] expected = OptimizerAssert.ToDouble<T>(network.Parameters);
            double[] scale = OptimizerAssert.Abs(expected);
            reference.Step(expected, OptimizerAssert.ToDouble<T>(gradient));
            for (int i = 0; i < scale.Length; i++)
            {
                scale[i] += reference.UpdateScale[i];
            }

            T cost = network.TrainBatch(inputs, targets);
            Assert.Equal(expectedCost, cost);
            Assert.Equal(step, network.Optimizer.StepCount);
            OptimizerAssert.Close<T>(network.Parameters, expected, scale, tolerance, $"{typeof(T).Name} {kind}, {rows} rows, λ = {l2}, step {step}: θ");
        }
    }

    private static void TrainStepMatchesTrainBatch<T>(OptimizerKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ITrainableNetwork<T> byStep = OptimizerNetworks.Xor<T>(kind), byBatch = OptimizerNetworks.Xor<T>(kind);
        byStep.L2Regularization = byBatch.L2Regularization = T.CreateChecked(1e-3);
        T[] inputs = OptimizerNetworks.XorInputs<T>(), targets = OptimizerNetworks.XorTargets<T>();
        for (int step = 0; step < 8; step++)
        {
            int r = step % 4;
            T a = byStep.TrainStep(inputs.AsSpan(2 * r, 2), targets.AsSpan(r, 1));
            T b = byBatch.TrainBatch(inputs.AsSpan(2 * r, 2), targets.AsSpan(r, 1));
            Assert.Equal(b, a);
            Assert.Equal(byBatch.Parameters.ToArray(), byStep.Parameters.ToArray());
        }

        Assert.Equal(8, byStep.Optimizer.StepCount);
    }

    /// <summary>SgdStep(input, target, η) stays θ − η·∂J/∂θ of the sample: no optimizer state, no L2 term.</summary>
    private static void FusedStepIsPlainSgd<T>(OptimizerKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ITrainableNetwork<T> network = OptimizerNetworks.Xor<T>(kind);
        network.L2Regularization = T.CreateChecked(0.5);
        T[] input = OptimizerNetworks.Convert<T>([0.3, -0.7]), target = OptimizerNetworks.Convert<T>([0.8]);
        T rate = T.CreateChecked(0.25);
        for (int step = 0; step < 3; step++)
        {
            var gradient = new T[network.ParameterCount];
            T expectedCost = network.AccumulateGradients(input, target, gradient);
            double[] expected = OptimizerAssert.ToDouble<T>(network.Parameters);
            double[] scale = new double[expected.Length];
            for (int i = 0; i < expected.Length; i++)
            {
                double change = double.CreateChecked(rate * gradient[i]);
                scale[i] = Math.Abs(expected[i]) + Math.Abs(change);
                expected[i] -= change;
            }

            T cost = network.SgdStep(input, target, rate);
            NumericClose(expectedCost, cost, $"{kind}: SgdStep cost");
            OptimizerAssert.Close<T>(network.Parameters, expected, scale, OptimizerAssert.Tolerance<T>(), $"{typeof(T).Name} {kind}: SgdStep θ");
        }

        Assert.Equal(0, network.Optimizer.StepCount);
        Assert.Equal(-1, OptimizerAssert.First(network.Optimizer).IndexOfAnyExcept(T.Zero));
        Assert.Equal(-1, OptimizerAssert.Second(network.Optimizer).IndexOfAnyExcept(T.Zero));
    }

    private static void NumericClose<T>(T expected, T actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double e = double.CreateChecked(expected), a = double.CreateChecked(actual);
        double tolerance = OptimizerAssert.Tolerance<T>() * Math.Max(1, Math.Abs(e));
        Assert.True(Math.Abs(e - a) <= tolerance, $"{what}: expected {e:R}, actual {a:R}.");
    }

    internal static T[] RandomValues<T>(Random random, int count, double low, double high)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = T.CreateChecked(low + ((high - low) * random.NextDouble()));
        }

        return values;
    }
}
