using System;
using System.Numerics;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// The L2 penalty: Objective = (1/N)·Σ J_row + (λ/2)·Σ W² over the weights only, its gradient, training with it,
/// and the L2Regularization setter.
/// </summary>
public sealed class RegularizationTests(ITestOutputHelper output)
{
    public static TheoryData<string, OptimizerKind> KindsAndTypes => OptimizerUpdateTests.KindsAndTypes;

    public static TheoryData<string, double> TypesAndLambdas
    {
        get
        {
            var data = new TheoryData<string, double>();
            foreach (string type in new[] { "float", "double" })
            {
                foreach (double lambda in new[] { 0, 1e-3, 0.37 })
                {
                    data.Add(type, lambda);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TypesAndLambdas))]
    public void Objective_IsMeanCostPlusHalfLambdaTimesSumOfSquaredWeights(string type, double lambda)
    {
        if (type == "float")
        {
            ObjectiveMatchesIndependentFormula<float>(lambda);
        }
        else
        {
            ObjectiveMatchesIndependentFormula<double>(lambda);
        }
    }

    [Theory]
    [MemberData(nameof(TypesAndLambdas))]
    public void ObjectiveGradient_AddsLambdaTimesWeights_AndNothingToBiases(string type, double lambda)
    {
        if (type == "float")
        {
            PenaltyGradient<float>(lambda);
        }
        else
        {
            PenaltyGradient<double>(lambda);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-3)]
    [InlineData(0.1)]
    public void GradientCheck_OfTheObjective_Passes(double lambda)
    {
        var random = new Random(5);
        foreach (OptimizerKind kind in new[] { OptimizerKind.Sgd, OptimizerKind.Adam })
        {
            foreach (ITrainableNetwork<double> network in new[] { OptimizerNetworks.Xor<double>(kind), OptimizerNetworks.Score<double>(kind) })
            {
                network.InitializeParameters(11);
                network.L2Regularization = lambda;
                double[] inputs = GeneratedOptimizerTests.RandomValues<double>(random, 5 * network.InputSize, -1, 1);
                double[] targets = GeneratedOptimizerTests.RandomValues<double>(random, 5 * network.OutputSize, 0.1, 0.9);
                double[] before = network.Parameters.ToArray();
                GradientCheckResult result = GradientCheck.RunObjective(network, inputs, targets);
                output.WriteLine($"{network.GetType().Name}, λ = {lambda}: relative error {result.RelativeError:E2}");
                Assert.True(result.RelativeError < 1e-7, $"{network.GetType().Name}, λ = {lambda}: {result}");
                Assert.Equal(before, network.Parameters.ToArray());
            }
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void Training_WithL2_LowersTheObjective(string type, OptimizerKind kind)
    {
        (double start, double end) = type == "float"
            ? TrainWithL2<float>(kind)
            : TrainWithL2<double>(kind);
        output.WriteLine($"XOR {type} {kind}, λ = 1e-3, η = {GeneratedOptimizerTests.TrainingRate(kind)}: objective {start:G4} → {end:G4}");

        // XOR needs large weights, so the penalty keeps the regularized minimum well above 0 (every optimizer
        // ends near 0.024 from 0.148); half the start is a clear decrease that no stalled or diverging run reaches.
        Assert.True(end < start / 2, $"{kind}: objective {start} → {end}, expected below {start / 2}.");
    }

    [Theory]
    [InlineData("float")]
    [InlineData("double")]
    public void L2Regularization_RejectsNegativeNaNAndInfinity(string type)
    {
        if (type == "float")
        {
            SetterValidation<float>();
        }
        else
        {
            SetterValidation<double>();
        }
    }

    /// <summary>
    /// Random parameters, a random batch of 5 rows; the objective recomputed in double with plain loops over the
    /// generated layout (W1 [2][4], b1, W2 [4][1], b2).
    /// </summary>
    private static void ObjectiveMatchesIndependentFormula<T>(double lambda)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(41);
        foreach (OptimizerKind kind in OptimizerNetworks.Kinds)
        {
            ITrainableNetwork<T> network = OptimizerNetworks.Xor<T>(kind);
            network.InitializeParameters(100 + (int)kind);
            network.L2Regularization = T.CreateChecked(lambda);
            const int rows = 5;
            T[] inputs = GeneratedOptimizerTests.RandomValues<T>(random, rows * 2, -2, 2);
            T[] targets = GeneratedOptimizerTests.RandomValues<T>(random, rows, 0, 1);
            double[] theta = OptimizerAssert.ToDouble<T>(network.Parameters);
            double l = double.CreateChecked(T.CreateChecked(lambda));

            double mean = 0, errorSum = 0;
            for (int r = 0; r < rows; r++)
            {
                double y = XorForward(theta, double.CreateChecked(inputs[2 * r]), double.CreateChecked(inputs[(2 * r) + 1]));
                double error = y - double.CreateChecked(targets[r]);
                mean += 0.5 * error * error / rows;
                errorSum += Math.Abs(error) / rows;
            }

            double squares = 0;
            for (int i = 0; i < theta.Length; i++)
            {
                if (OptimizerNetworks.XorIsWeight(i))
                {
                    squares += theta[i] * theta[i];
                }
            }

            double expected = mean + (0.5 * l * squares);

            // double: both sides use the same exp and tanh and differ in summation order only (a few ulps of J).
            // float: ŷ is within 1e−5 of the double value (the forward tolerance of the other numerical tests), which
            // moves each J_row by |ŷ − y|·1e−5; the float sums add a few ulps of J.
            double tolerance = typeof(T) == typeof(float)
                ? 1e-5 * (errorSum + expected)
                : OptimizerAssert.DoubleTolerance * expected;
            double actual = double.CreateChecked(network.Objective(inputs, targets));
            Assert.True(
                Math.Abs(actual - expected) <= tolerance,
                $"{typeof(T).Name} {kind}, λ = {lambda}: Objective {actual:R}, expected {expected:R} (mean cost {mean:R}, penalty {0.5 * l * squares:R}).");

            // ObjectiveGradient returns the same J.
            var gradient = new T[network.ParameterCount];
            Assert.Equal(network.Objective(inputs, targets), network.ObjectiveGradient(inputs, targets, gradient));
        }
    }

    /// <summary>2 → 4 → 1: a = tanh(x·W1 + b1), ŷ = σ(a·W2 + b2).</summary>
    private static double XorForward(double[] theta, double x0, double x1)
    {
        double z2 = theta[16];
        for (int j = 0; j < 4; j++)
        {
            double z1 = (x0 * theta[j]) + (x1 * theta[4 + j]) + theta[8 + j];
            z2 += Math.Tanh(z1) * theta[12 + j];
        }

        return 1 / (1 + Math.Exp(-z2));
    }

    /// <summary>
    /// ObjectiveGradient with λ minus ObjectiveGradient with λ = 0 at the same parameters is λ·W for every weight
    /// and exactly 0 for every bias.
    /// </summary>
    private static void PenaltyGradient<T>(double lambda)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ITrainableNetwork<T> network = OptimizerNetworks.Xor<T>(OptimizerKind.Sgd);
        network.InitializeParameters(3);
        var random = new Random(8);
        T[] inputs = GeneratedOptimizerTests.RandomValues<T>(random, 6 * 2, -1, 1);
        T[] targets = GeneratedOptimizerTests.RandomValues<T>(random, 6, 0, 1);
        var plain = new T[network.ParameterCount];
        var penalized = new T[network.ParameterCount];

        // ObjectiveGradient overwrites: garbage in the buffer must not survive.
        penalized.AsSpan().Fill(T.CreateChecked(123));
        network.ObjectiveGradient(inputs, targets, plain);
        network.L2Regularization = T.CreateChecked(lambda);
        network.ObjectiveGradient(inputs, targets, penalized);

        T l = T.CreateChecked(lambda);
        for (int i = 0; i < plain.Length; i++)
        {
            if (OptimizerNetworks.XorIsWeight(i))
            {
                double expected = double.CreateChecked(plain[i]) + double.CreateChecked(l * network.Parameters[i]);
                double scale = Math.Abs(double.CreateChecked(plain[i])) + Math.Abs(double.CreateChecked(l * network.Parameters[i]));
                Assert.True(
                    Math.Abs(double.CreateChecked(penalized[i]) - expected) <= OptimizerAssert.Tolerance<T>() * scale,
                    $"{typeof(T).Name} λ = {lambda}, weight {i}: ∂J/∂W {penalized[i]}, expected {expected:R}.");
            }
            else
            {
                Assert.True(plain[i] == penalized[i], $"{typeof(T).Name} λ = {lambda}, bias {i}: {penalized[i]} with λ, {plain[i]} without.");
            }
        }
    }

    private static (double Start, double End) TrainWithL2<T>(OptimizerKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ITrainableNetwork<T> network = OptimizerNetworks.Xor<T>(kind);
        network.L2Regularization = T.CreateChecked(1e-3);
        return GeneratedOptimizerTests.Train(network, kind, OptimizerNetworks.XorInputs<T>(), OptimizerNetworks.XorTargets<T>());
    }

    private static void SetterValidation<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ITrainableNetwork<T> network = OptimizerNetworks.Xor<T>(OptimizerKind.Adam);
        Assert.Equal(T.Zero, network.L2Regularization);
        network.L2Regularization = T.CreateChecked(0.25);
        foreach (T value in new[] { -T.CreateChecked(1e-3), -T.Epsilon, T.NaN, T.PositiveInfinity, T.NegativeInfinity })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => network.L2Regularization = value);
            Assert.Equal("L2Regularization", e.ParamName);
            Assert.Equal(T.CreateChecked(0.25), network.L2Regularization);
        }

        network.L2Regularization = T.Zero;
        Assert.Equal(T.Zero, network.L2Regularization);

        // The generated property directly, not only through the interface.
        var direct = new XorSgdNetD();
        Assert.Throws<ArgumentOutOfRangeException>(() => direct.L2Regularization = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => direct.L2Regularization = double.NaN);
        direct.L2Regularization = 1e-4;
        Assert.Equal(1e-4, direct.L2Regularization);
    }
}
