using System;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>
/// Backpropagation through time against central differences of the objective, in double, for every layer kind
/// stacked, with and without bias, with L2, and with a recurrent last layer.
/// </summary>
public class SequenceGradientTests
{
    public static TheoryData<string> Networks => new()
    {
        nameof(StackD), nameof(StackNoBiasD), nameof(RecurrentLastD), nameof(Lstm8D), nameof(GruModelD), nameof(TcnModelD), nameof(StackedLstmD),
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void ObjectiveGradient_MatchesCentralDifferences(string name)
    {
        ISequenceNetwork<double> net = Create(name);
        Randomize(net, seed: 7);
        (double[] inputs, double[] targets) = Sequence(net, frames: 11, seed: 3);
        net.L2Regularization = 0.03;

        var analytic = new double[net.ParameterCount];
        double objective = net.ObjectiveGradient(inputs, targets, analytic);
        NumericAssert.Close(net.Objective(inputs, targets), objective, 1e-14, "J of ObjectiveGradient vs Objective");

        // ε = 1e−5: truncation ε²·J‴ ≈ 1e−10, cancellation 1e−16·J/ε ≈ 1e−11, so the numeric gradient is good to
        // about 1e−10 absolute, and the relative error ‖g − n‖/‖g + n‖ below 1e−7 is what a correct gradient gives.
        const double epsilon = 1e-5;
        double differenceSquared = 0, sumSquared = 0;
        Span<double> parameters = net.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            double original = parameters[i];
            parameters[i] = original + epsilon;
            double plus = net.Objective(inputs, targets);
            parameters[i] = original - epsilon;
            double minus = net.Objective(inputs, targets);
            parameters[i] = original;
            double numeric = (plus - minus) / (2 * epsilon);
            differenceSquared += (analytic[i] - numeric) * (analytic[i] - numeric);
            sumSquared += (analytic[i] + numeric) * (analytic[i] + numeric);
            Assert.True(Math.Abs(analytic[i] - numeric) <= 1e-7 * Math.Max(1, Math.Abs(numeric)),
                $"{name} ∂J/∂θ[{i}]: backpropagation {analytic[i]:R}, central difference {numeric:R}.");
        }

        double relative = Math.Sqrt(differenceSquared) / Math.Sqrt(sumSquared);
        Assert.True(relative < 1e-7, $"{name}: relative error {relative:E3}.");
    }

    internal static ISequenceNetwork<double> Create(string name) => name switch
    {
        nameof(StackD) => new StackD(),
        nameof(StackNoBiasD) => new StackNoBiasD(),
        nameof(RecurrentLastD) => new RecurrentLastD(),
        nameof(Lstm8D) => new Lstm8D(),
        nameof(GruModelD) => new GruModelD(),
        nameof(TcnModelD) => new TcnModelD(),
        nameof(StackedLstmD) => new StackedLstmD(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Parameters uniform in ±0.8, wider than the initialization, so gates leave their linear range.</summary>
    internal static void Randomize<T>(ISequenceNetwork<T> net, int seed)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        Span<T> parameters = net.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = T.CreateTruncating((random.NextDouble() * 1.6) - 0.8);
        }
    }

    internal static (double[] Inputs, double[] Targets) Sequence<T>(ISequenceNetwork<T> net, int frames, int seed)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var inputs = new double[frames * net.InputSize];
        var targets = new double[frames * net.OutputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (random.NextDouble() * 2) - 1;
        }

        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = (random.NextDouble() * 2) - 1;
        }

        return (inputs, targets);
    }
}
