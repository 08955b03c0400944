using System;
using System.Numerics;

namespace NetGen.Evaluation;

/// <summary>
/// The per-row arithmetic of predictions and evaluations, over outputs computed a chunk of rows at a time with
/// <see cref="INetwork{T}.ForwardBatch"/> into a caller's scratch span.
/// </summary>
internal static class RowScorer
{
    /// <summary>The scratch elements callers put on the stack; networks with wider outputs use a pooled array.</summary>
    public const int StackElements = 512;

    /// <summary>
    /// The class an output row predicts: its argmax, or with a single output (a sigmoid's probability of class 1)
    /// 1 when ŷ ≥ 0.5 and 0 otherwise (NaN included).
    /// </summary>
    public static int PredictedClass<T>(ReadOnlySpan<T> output)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        output.Length == 1 ? (output[0] >= T.CreateTruncating(0.5) ? 1 : 0) : Classification.ArgMax(output);

    /// <summary>The number of classes of a network with <paramref name="outputSize"/> outputs: 2 for a single output.</summary>
    public static int ClassCount(int outputSize) => outputSize == 1 ? 2 : outputSize;

    /// <summary>
    /// The scratch length for <paramref name="rows"/> rows of outputs: as many whole output rows as fit in
    /// <see cref="StackElements"/> (at least one, at most <paramref name="rows"/>), plus <paramref name="extra"/>. The
    /// chunks of rows do not depend on <paramref name="extra"/>, so that evaluations with labels and with target rows
    /// compute the same outputs.
    /// </summary>
    public static int ScratchLength(int outputSize, int rows, int extra) =>
        (outputSize * Math.Clamp(rows, 1, Math.Max(1, StackElements / outputSize))) + extra;

    /// <summary>Writes the predicted class of each input row into <paramref name="classes"/>, one per row.</summary>
    public static void PredictClasses<T>(INetwork<T> network, ReadOnlySpan<T> inputs, Span<int> classes, Span<T> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int inputSize = network.InputSize, outputSize = network.OutputSize, rows = classes.Length;
        int chunk = scratch.Length / outputSize;
        for (int first = 0; first < rows; first += chunk)
        {
            int count = Math.Min(chunk, rows - first);
            Span<T> outputs = scratch[..(count * outputSize)];
            network.ForwardBatch(inputs.Slice(first * inputSize, count * inputSize), outputs);
            for (int r = 0; r < count; r++)
            {
                classes[first + r] = PredictedClass<T>(outputs.Slice(r * outputSize, outputSize));
            }
        }
    }

    /// <summary>
    /// Over whole matching rows: how many rows predict the class of their target row, and Σ (ŷ − y)² over every output.
    /// With <paramref name="useLabels"/> the targets are <paramref name="labels"/> (checked by the caller) read as one-hot
    /// rows, or as 0 and 1 for a single output; otherwise <paramref name="targets"/>.
    /// </summary>
    public static (int Correct, double SquaredError) Score<T>(
        INetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, ReadOnlySpan<int> labels, bool useLabels, Span<T> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int inputSize = network.InputSize, outputSize = network.OutputSize, rows = inputs.Length / inputSize;
        int chunk = scratch.Length / outputSize, correct = 0;
        double squaredError = 0;
        for (int first = 0; first < rows; first += chunk)
        {
            int count = Math.Min(chunk, rows - first);
            Span<T> outputs = scratch[..(count * outputSize)];
            network.ForwardBatch(inputs.Slice(first * inputSize, count * inputSize), outputs);
            for (int r = 0; r < count; r++)
            {
                ReadOnlySpan<T> output = outputs.Slice(r * outputSize, outputSize);
                int predicted = PredictedClass(output);
                if (useLabels)
                {
                    int label = labels[first + r];
                    correct += predicted == label ? 1 : 0;
                    for (int j = 0; j < outputSize; j++)
                    {
                        // The label's target row: one-hot, or the label itself for a single output.
                        T target = outputSize == 1 ? T.CreateTruncating(label) : j == label ? T.One : T.Zero;
                        squaredError += Square(output[j], target);
                    }
                }
                else
                {
                    ReadOnlySpan<T> target = targets.Slice((first + r) * outputSize, outputSize);
                    correct += predicted == PredictedClass(target) ? 1 : 0;
                    for (int j = 0; j < outputSize; j++)
                    {
                        squaredError += Square(output[j], target[j]);
                    }
                }
            }
        }

        return (correct, squaredError);
    }

    private static double Square<T>(T output, T target)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double difference = double.CreateTruncating(output) - double.CreateTruncating(target);
        return difference * difference;
    }
}
