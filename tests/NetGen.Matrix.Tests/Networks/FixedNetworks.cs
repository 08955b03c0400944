using System.Collections.Generic;
using static NetGen.Activation;

namespace NetGen.Matrix.Tests.Networks;

/// <summary>Networks with hand-set parameters (known values) or forced saturation, compiled with the matrix.</summary>
internal static class FixedNetworks
{
    // Known values: 2-2-2 double networks with bias, one per cost.
    public static readonly MatrixSpec KnownSquaredError =
        new("KnownSquaredError", [2, 2, 2], [Sigmoid, Sigmoid], PerLayer: false, Loss.SquaredError, IsDouble: true, Bias: true);

    public static readonly MatrixSpec KnownCrossEntropySigmoid =
        new("KnownCrossEntropySigmoid", [2, 2, 2], [Tanh, Sigmoid], PerLayer: false, Loss.CrossEntropy, IsDouble: true, Bias: true);

    public static readonly MatrixSpec KnownCrossEntropySoftmax =
        new("KnownCrossEntropySoftmax", [2, 2, 2], [Sigmoid, Softmax], PerLayer: false, Loss.CrossEntropy, IsDouble: true, Bias: true);

    public static readonly MatrixSpec KnownNegativeLogLikelihood =
        new("KnownNegativeLogLikelihood", [2, 2, 2], [Sigmoid, LogSoftmax], PerLayer: false, Loss.CrossEntropy, IsDouble: true, Bias: true);

    /// <summary>3-4-3 LogSoftmax outputs given the saturating weights: log-probabilities far below ln of the smallest float.</summary>
    public static readonly MatrixSpec LargeLogitsLogSoftmaxSingle =
        new("LargeLogitsLogSoftmaxSingle", [3, 4, 3], [Sigmoid, LogSoftmax], PerLayer: false, Loss.CrossEntropy, IsDouble: false, Bias: true);

    public static readonly MatrixSpec LargeLogitsLogSoftmaxDouble =
        new("LargeLogitsLogSoftmaxDouble", [3, 4, 3], [Sigmoid, LogSoftmax], PerLayer: false, Loss.CrossEntropy, IsDouble: true, Bias: true);

    public static readonly MatrixSpec KnownExponential =
        new("KnownExponential", [2, 2, 2], [Tanh, Identity], PerLayer: false, Loss.Exponential, IsDouble: true, Bias: true, Tau: 2.5);

    public static readonly MatrixSpec KnownHellinger =
        new("KnownHellinger", [2, 2, 2], [Sigmoid, Softplus], PerLayer: false, Loss.Hellinger, IsDouble: true, Bias: true);

    /// <summary>3-4-3 networks whose output layer is given huge weights, so outputs are exactly 0 or 1.</summary>
    public static IReadOnlyList<MatrixSpec> Saturating { get; } = BuildSaturating();

    public static IEnumerable<MatrixSpec> All
    {
        get
        {
            yield return KnownSquaredError;
            yield return KnownCrossEntropySigmoid;
            yield return KnownCrossEntropySoftmax;
            yield return KnownNegativeLogLikelihood;
            yield return LargeLogitsLogSoftmaxSingle;
            yield return LargeLogitsLogSoftmaxDouble;
            yield return KnownExponential;
            yield return KnownHellinger;
            foreach (MatrixSpec spec in Saturating)
            {
                yield return spec;
            }
        }
    }

    private static List<MatrixSpec> BuildSaturating()
    {
        var specs = new List<MatrixSpec>();
        (Activation Output, Loss Loss)[] pairs =
        [
            (Sigmoid, Loss.CrossEntropy), (Softmax, Loss.CrossEntropy),
            (Sigmoid, Loss.Hellinger), (Softmax, Loss.Hellinger), (Softplus, Loss.Hellinger),
        ];
        foreach (bool isDouble in new[] { false, true })
        {
            foreach ((Activation output, Loss loss) in pairs)
            {
                string type = isDouble ? "Double" : "Single";
                specs.Add(new MatrixSpec(
                    $"Saturated{output}{loss}{type}", [3, 4, 3], [Sigmoid, output], PerLayer: false, loss, isDouble, Bias: true));
            }
        }

        return specs;
    }
}
