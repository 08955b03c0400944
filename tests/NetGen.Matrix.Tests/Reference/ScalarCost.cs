using System;

namespace NetGen.Matrix.Tests.Reference;

/// <summary>The per-sample costs J(ŷ, y) of contract 3, written out from their formulas in double.</summary>
internal static class ScalarCost
{
    /// <summary>J for one sample.</summary>
    /// <param name="loss">The cost.</param>
    /// <param name="outputActivation">The output activation (cross entropy is binary for Sigmoid, categorical for Softmax).</param>
    /// <param name="output">ŷ.</param>
    /// <param name="target">y.</param>
    /// <param name="tau">τ of the exponential cost.</param>
    /// <param name="logFloor">The smallest positive normal value of the network's element type: ln's argument floor.</param>
    public static double Evaluate(Loss loss, Activation outputActivation, double[] output, double[] target, double tau, double logFloor)
    {
        double sum = 0;
        switch (loss)
        {
            case Loss.SquaredError:
                for (int j = 0; j < output.Length; j++)
                {
                    double e = output[j] - target[j];
                    sum += 0.5 * e * e;
                }

                return sum;

            case Loss.CrossEntropy when outputActivation == Activation.Sigmoid:
                for (int j = 0; j < output.Length; j++)
                {
                    sum += target[j] * Math.Log(Math.Max(output[j], logFloor))
                        + (1.0 - target[j]) * Math.Log(Math.Max(1.0 - output[j], logFloor));
                }

                return -sum;

            case Loss.CrossEntropy when outputActivation == Activation.Softmax:
                for (int j = 0; j < output.Length; j++)
                {
                    sum += target[j] * Math.Log(Math.Max(output[j], logFloor));
                }

                return -sum;

            case Loss.CrossEntropy when outputActivation == Activation.LogSoftmax:
                for (int j = 0; j < output.Length; j++)
                {
                    sum += target[j] * output[j];
                }

                return -sum;

            case Loss.Exponential:
                for (int j = 0; j < output.Length; j++)
                {
                    double e = output[j] - target[j];
                    sum += e * e;
                }

                return tau * Math.Exp(sum / tau);

            case Loss.Hellinger:
                for (int j = 0; j < output.Length; j++)
                {
                    double d = Math.Sqrt(output[j]) - Math.Sqrt(target[j]);
                    sum += d * d;
                }

                return sum / Math.Sqrt(2.0);

            default:
                throw new ArgumentOutOfRangeException(nameof(loss), loss, $"No reference for {loss} with a {outputActivation} output.");
        }
    }
}
