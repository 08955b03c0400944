using System;
using System.Buffers;
using System.Numerics;
using NetGen.Training;

namespace NetGen.Evaluation;

/// <summary>
/// Predicted classes and evaluations of a network over rows, through its own <see cref="INetwork{T}.ForwardBatch"/> and
/// <see cref="ITrainableNetwork{T}.Cost"/>. Outputs go to a scratch buffer on the stack, a chunk of rows at a time, so
/// no call allocates (a network with more than 512 outputs borrows an array from <see cref="ArrayPool{T}.Shared"/>
/// instead). They only read the network, like <see cref="INetwork{T}.ForwardBatch"/>: several threads may call them on
/// one generated network at once while no thread changes its parameters.
/// </summary>
/// <example>
/// <code>
/// int digit = net.PredictClass(pixels);                        // one row of 64 inputs
/// var predicted = new int[testRows];
/// net.PredictClasses(testInputs, predicted);                   // row-major, one class per row
/// EvaluationResult test = net.Evaluate(testInputs, testLabels);
/// Console.WriteLine($"accuracy {test.Accuracy:P1}, mean cost {test.Cost:G4}");
/// </code>
/// </example>
public static class NetworkEvaluation
{
    /// <summary>
    /// Returns the class <paramref name="network"/> predicts for one input row: the argmax of its output (first maximum
    /// on ties, the first NaN if any; see <see cref="Classification.ArgMax{T}(ReadOnlySpan{T})"/>), or, for a network
    /// with a single output (a sigmoid's probability of class 1), 1 when ŷ ≥ 0.5 and 0 otherwise (NaN included).
    /// </summary>
    /// <typeparam name="T">The element type of the network.</typeparam>
    /// <param name="network">The classifier.</param>
    /// <param name="input">One row of <see cref="INetwork{T}.InputSize"/> values.</param>
    /// <returns>The predicted class, in [0, <see cref="INetwork{T}.OutputSize"/>) (0 or 1 for a single output).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> does not have <see cref="INetwork{T}.InputSize"/> values.</exception>
    public static int PredictClass<T>(this INetwork<T> network, ReadOnlySpan<T> input)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        int outputSize = network.OutputSize;
        T[]? rented = null;
        Span<T> output = outputSize <= RowScorer.StackElements
            ? stackalloc T[outputSize]
            : (rented = ArrayPool<T>.Shared.Rent(outputSize));
        try
        {
            output = output[..outputSize];
            network.Forward(input, output);
            return RowScorer.PredictedClass<T>(output);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>
    /// Writes the class <paramref name="network"/> predicts for each row of <paramref name="inputs"/> (row-major) into
    /// <paramref name="classes"/>, as <see cref="PredictClass{T}"/> does for one row.
    /// </summary>
    /// <typeparam name="T">The element type of the network.</typeparam>
    /// <param name="network">The classifier.</param>
    /// <param name="inputs">Whole rows of <see cref="INetwork{T}.InputSize"/> values; may be empty.</param>
    /// <param name="classes">Receives one class per input row: its length is the number of rows.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="inputs"/> is not whole rows, or <paramref name="classes"/> does not have one element per row.
    /// </exception>
    public static void PredictClasses<T>(this INetwork<T> network, ReadOnlySpan<T> inputs, Span<int> classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        int rows = SpanChecks.RowCount(inputs, network.InputSize, nameof(inputs));
        if (classes.Length != rows)
        {
            throw new ArgumentException(
                $"Expected length {rows} (one class per row of {nameof(inputs)}), but the span has length {classes.Length}.",
                nameof(classes));
        }

        T[]? rented = null;
        int length = RowScorer.ScratchLength(network.OutputSize, rows, extra: 0);
        Span<T> scratch = length <= RowScorer.StackElements
            ? stackalloc T[length]
            : (rented = ArrayPool<T>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            RowScorer.PredictClasses(network, inputs, classes, scratch);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>
    /// Evaluates <paramref name="network"/> on rows with target rows: accuracy (argmax of each output against argmax
    /// of its target, for classifiers with one-hot targets), mean squared error and mean cost.
    /// </summary>
    /// <remarks>
    /// The outputs are computed once with <see cref="INetwork{T}.ForwardBatch"/> for accuracy and squared error, and
    /// the cost with <see cref="ITrainableNetwork{T}.Cost"/> of each row (a second forward pass), so that it is exactly
    /// the cost the network trains on. Sums are in <see cref="double"/>. Allocates nothing.
    /// </remarks>
    /// <typeparam name="T">The element type of the network.</typeparam>
    /// <param name="network">The network to evaluate.</param>
    /// <param name="inputs">At least one row of <see cref="INetwork{T}.InputSize"/> values, row-major.</param>
    /// <param name="targets">One row of <see cref="INetwork{T}.OutputSize"/> values per input row.</param>
    /// <returns>The rows, the correct predictions, the mean squared error and the mean cost.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="inputs"/> is empty or not whole rows, or <paramref name="targets"/> does not match it.
    /// </exception>
    public static EvaluationResult Evaluate<T>(this ITrainableNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        int inputSize = network.InputSize, outputSize = network.OutputSize;
        int rows = NetworkTrainer.CheckRows(inputs, targets, inputSize, outputSize, nameof(inputs), nameof(targets));
        T[]? rented = null;
        int length = RowScorer.ScratchLength(outputSize, rows, extra: 0);
        Span<T> scratch = length <= RowScorer.StackElements
            ? stackalloc T[length]
            : (rented = ArrayPool<T>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            (int correct, double squaredError) = RowScorer.Score(network, inputs, targets, default, useLabels: false, scratch);
            double cost = 0;
            for (int r = 0; r < rows; r++)
            {
                cost += double.CreateTruncating(
                    network.Cost(inputs.Slice(r * inputSize, inputSize), targets.Slice(r * outputSize, outputSize)));
            }

            return new EvaluationResult(rows, correct, squaredError / ((double)rows * outputSize), cost / rows);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>
    /// Evaluates a classifier on rows with integer labels, as
    /// <see cref="Evaluate{T}(ITrainableNetwork{T}, ReadOnlySpan{T}, ReadOnlySpan{T})"/> does with their one-hot target
    /// rows (for a single output, the target is the label itself, 0 or 1), without building those rows.
    /// </summary>
    /// <typeparam name="T">The element type of the network.</typeparam>
    /// <param name="network">The classifier.</param>
    /// <param name="inputs">At least one row of <see cref="INetwork{T}.InputSize"/> values, row-major.</param>
    /// <param name="labels">
    /// The class of each input row, in [0, <see cref="INetwork{T}.OutputSize"/>) (0 or 1 for a single output).
    /// </param>
    /// <returns>The rows, the correct predictions, the mean squared error and the mean cost.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="inputs"/> is empty or not whole rows, or <paramref name="labels"/> does not have one label per row.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is out of range (the message names its index and value).</exception>
    public static EvaluationResult Evaluate<T>(this ITrainableNetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<int> labels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        int inputSize = network.InputSize, outputSize = network.OutputSize;
        int rows = SpanChecks.RowCount(inputs, inputSize, nameof(inputs));
        if (rows == 0)
        {
            throw new ArgumentException($"Expected at least one row of {inputSize} elements, but the span is empty.", nameof(inputs));
        }

        if (labels.Length != rows)
        {
            throw new ArgumentException(
                $"Expected length {rows} (one label per row of {nameof(inputs)}), but the span has length {labels.Length}.",
                nameof(labels));
        }

        Classification.CheckLabels(labels, RowScorer.ClassCount(outputSize), nameof(labels));
        T[]? rented = null;
        int length = RowScorer.ScratchLength(outputSize, rows, extra: outputSize);
        Span<T> scratch = length <= RowScorer.StackElements + outputSize
            ? stackalloc T[length]
            : (rented = ArrayPool<T>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            // The first row of the scratch holds a label's target row for Cost; the rest takes the outputs.
            Span<T> target = scratch[..outputSize];
            (int correct, double squaredError) = RowScorer.Score(network, inputs, default, labels, useLabels: true, scratch[outputSize..]);
            double cost = 0;
            target.Clear();
            for (int r = 0; r < rows; r++)
            {
                int label = labels[r];
                if (outputSize == 1)
                {
                    target[0] = T.CreateTruncating(label);
                }
                else
                {
                    target[label] = T.One;
                }

                cost += double.CreateTruncating(network.Cost(inputs.Slice(r * inputSize, inputSize), target));
                if (outputSize > 1)
                {
                    target[label] = T.Zero;
                }
            }

            return new EvaluationResult(rows, correct, squaredError / ((double)rows * outputSize), cost / rows);
        }
        finally
        {
            Return(rented);
        }
    }

    private static void Return<T>(T[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }
}
