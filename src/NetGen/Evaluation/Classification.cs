using System;
using System.Numerics;

namespace NetGen.Evaluation;

/// <summary>
/// Class indices and one-hot rows: the argmax of an output row or of each row of a batch, and the one-hot targets of
/// integer labels. Nothing here allocates except <see cref="OneHot{T}(ReadOnlySpan{int}, int)"/>, which returns a new array.
/// </summary>
public static class Classification
{
    /// <summary>
    /// Returns the index of the largest value of <paramref name="row"/>. Ties go to the first maximum, and a NaN counts as
    /// larger than any number, so a row holding NaN gives the index of its first NaN (as NumPy's and PyTorch's argmax
    /// do): an output that diverged is not read as a confident class. −0 and +0 are equal.
    /// </summary>
    /// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="row">One output row, for example the probabilities of a softmax layer; at least one value.</param>
    /// <returns>An index in [0, <paramref name="row"/>.Length).</returns>
    /// <exception cref="ArgumentException"><paramref name="row"/> is empty.</exception>
    public static int ArgMax<T>(ReadOnlySpan<T> row)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (row.IsEmpty)
        {
            throw new ArgumentException("Expected at least one value, but the span is empty.", nameof(row));
        }

        int best = 0;
        T max = row[0];
        if (T.IsNaN(max))
        {
            return 0;
        }

        for (int i = 1; i < row.Length; i++)
        {
            T value = row[i];
            if (T.IsNaN(value))
            {
                return i;
            }

            if (value > max)
            {
                (best, max) = (i, value);
            }
        }

        return best;
    }

    /// <summary>
    /// Writes the <see cref="ArgMax{T}(ReadOnlySpan{T})"/> of each row of <paramref name="rows"/> (row-major, rows of
    /// <paramref name="rowLength"/> values) into <paramref name="classes"/>, one index per row.
    /// </summary>
    /// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="rows">The rows, for example the outputs of <see cref="INetwork{T}.ForwardBatch"/>.</param>
    /// <param name="rowLength">The values per row; greater than 0.</param>
    /// <param name="classes">Receives one index per row: its length is the number of rows.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is 0 or negative.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="rows"/> is not whole rows, or <paramref name="classes"/> does not have one element per row.
    /// </exception>
    public static void ArgMax<T>(ReadOnlySpan<T> rows, int rowLength, Span<int> classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowLength);
        int count = SpanChecks.RowCount(rows, rowLength, nameof(rows));
        if (classes.Length != count)
        {
            throw new ArgumentException(
                $"Expected length {count} (one class per row of {nameof(rows)}), but the span has length {classes.Length}.",
                nameof(classes));
        }

        for (int r = 0; r < count; r++)
        {
            classes[r] = ArgMax(rows.Slice(r * rowLength, rowLength));
        }
    }

    /// <summary>
    /// Writes the one-hot rows of <paramref name="labels"/> into <paramref name="destination"/>, row-major: row i is all
    /// zeros except a one at column <c>labels[i]</c>. The labels are checked before anything is written.
    /// </summary>
    /// <typeparam name="T">The element type of the targets.</typeparam>
    /// <param name="labels">The class of each row, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes, the length of a row (a classifier's output size); greater than 0.</param>
    /// <param name="destination">Receives the rows: <paramref name="labels"/>.Length × <paramref name="classCount"/> values.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="classCount"/> is 0 or negative, or a label is outside [0, <paramref name="classCount"/>) (the
    /// message names its index and value).
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> does not have the length of the rows.</exception>
    public static void OneHot<T>(ReadOnlySpan<int> labels, int classCount, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        CheckLabels(labels, classCount, nameof(labels));
        long expected = (long)labels.Length * classCount;
        if (destination.Length != expected)
        {
            throw new ArgumentException(
                $"Expected length {expected} ({labels.Length} labels × {classCount} classes), "
                + $"but the span has length {destination.Length}.",
                nameof(destination));
        }

        destination.Clear();
        for (int i = 0; i < labels.Length; i++)
        {
            destination[(i * classCount) + labels[i]] = T.One;
        }
    }

    /// <summary>
    /// Returns the one-hot rows of <paramref name="labels"/>, row-major, in a new array of
    /// <paramref name="labels"/>.Length × <paramref name="classCount"/> values; see
    /// <see cref="OneHot{T}(ReadOnlySpan{int}, int, Span{T})"/>.
    /// </summary>
    /// <typeparam name="T">The element type of the targets.</typeparam>
    /// <param name="labels">The class of each row, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes; greater than 0.</param>
    /// <returns>The one-hot targets.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="classCount"/> is 0 or negative, or a label is outside [0, <paramref name="classCount"/>).
    /// </exception>
    public static T[] OneHot<T>(ReadOnlySpan<int> labels, int classCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        CheckLabels(labels, classCount, nameof(labels));
        var targets = new T[(long)labels.Length * classCount];
        OneHot(labels, classCount, targets.AsSpan());
        return targets;
    }

    /// <summary>Throws unless every label is in [0, <paramref name="classCount"/>).</summary>
    internal static void CheckLabels(ReadOnlySpan<int> labels, int classCount, string paramName)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                ThrowLabelOutOfRange(paramName, i, labels[i], classCount);
            }
        }
    }

    /// <summary>Throws the exception of a label outside [0, <paramref name="classCount"/>).</summary>
    internal static void ThrowLabelOutOfRange(string paramName, int index, int label, int classCount) =>
        throw new ArgumentOutOfRangeException(
            paramName, label, $"{paramName}[{index}] is {label}, but a label must be in [0, {classCount}) for {classCount} classes.");
}
