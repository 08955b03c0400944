using System;
using System.Globalization;
using System.Numerics;
using Xunit;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// Objective, ObjectiveGradient, TrainBatch and TrainStep(input, target) reject empty batches, partial rows and
/// wrong lengths with an ArgumentException naming the parameter, and a rejected call changes nothing.
/// </summary>
public sealed class ObjectiveArgumentTests
{
    public static TheoryData<string, OptimizerKind> KindsAndTypes => OptimizerUpdateTests.KindsAndTypes;

    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void BatchMembers_RejectBadShapes(string type, OptimizerKind kind)
    {
        if (type == "float")
        {
            BadShapes(OptimizerNetworks.Xor<float>(kind));
            BadShapes(OptimizerNetworks.Score<float>(kind));
        }
        else
        {
            BadShapes(OptimizerNetworks.Xor<double>(kind));
            BadShapes(OptimizerNetworks.Score<double>(kind));
        }
    }

    private static void BadShapes<T>(ITrainableNetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        network.L2Regularization = T.CreateChecked(1e-3);
        int n = network.InputSize, m = network.OutputSize, p = network.ParameterCount;
        var gradient = new T[p];
        T[] before = network.Parameters.ToArray();

        // (inputs length, targets length, parameter named, expected length in the message or null)
        (int Inputs, int Targets, string Name, int? Expected)[] cases =
        [
            (0, 0, "inputs", null),           // empty batch
            (0, m, "inputs", null),           // empty batch, targets for one row
            (n + 1, m, "inputs", n),          // not whole rows
            ((2 * n) - 1, 2 * m, "inputs", n),
            (2 * n, m, "targets", 2 * m),     // one target row short
            (2 * n, 3 * m, "targets", 2 * m), // one target row too many
            (n, 0, "targets", m),
        ];

        foreach ((int inputs, int targets, string name, int? expected) in cases)
        {
            var x = new T[inputs];
            var y = new T[targets];
            string what = $"{network.GetType().Name}: inputs {inputs}, targets {targets}";
            Check(Assert.Throws<ArgumentException>(() => network.Objective(x, y)), name, expected, what);
            Check(Assert.Throws<ArgumentException>(() => network.ObjectiveGradient(x, y, gradient)), name, expected, what);
            Check(Assert.Throws<ArgumentException>(() => network.TrainBatch(x, y)), name, expected, what);
        }

        // Wrong gradient length with a valid batch.
        T[] xs = new T[3 * n], ys = new T[3 * m];
        foreach (int length in new[] { 0, p - 1, p + 1 })
        {
            Check(Assert.Throws<ArgumentException>(() => network.ObjectiveGradient(xs, ys, new T[length])), "gradient", p, $"gradient length {length}");
        }

        // TrainStep(input, target) takes exactly one row.
        foreach ((int inputs, int targets, string name, int expected) in new[]
                 {
                     (0, m, "input", n), (n - 1, m, "input", n), (2 * n, 2 * m, "input", n),
                     (n, 0, "target", m), (n, m + 1, "target", m),
                 })
        {
            Check(
                Assert.Throws<ArgumentException>(() => network.TrainStep(new T[inputs], new T[targets])),
                name,
                expected,
                $"TrainStep: input {inputs}, target {targets}");
        }

        // Nothing was trained by the rejected calls.
        Assert.Equal(0, network.Optimizer.StepCount);
        Assert.Equal(before, network.Parameters.ToArray());

        // And the same calls with the right shapes work.
        network.Objective(xs, ys);
        network.ObjectiveGradient(xs, ys, gradient);
        network.TrainBatch(xs, ys);
        network.TrainStep(new T[n], new T[m]);
        Assert.Equal(2, network.Optimizer.StepCount);
    }

    private static void Check(ArgumentException e, string name, int? expected, string what)
    {
        Assert.True(e.ParamName == name, $"{what}: ParamName '{e.ParamName}', expected '{name}' ({e.Message}).");
        if (expected is int length)
        {
            Assert.True(
                e.Message.Contains(length.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                $"{what}: the message does not state {length}: {e.Message}");
        }
    }
}
