using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NetGen.CompilerServices;

/// <summary>Argument checks used by generated networks: one comparison inline, the throw out of line.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpanChecks
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="span"/> has length <paramref name="expected"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfLengthIsNot<T>(ReadOnlySpan<T> span, int expected, string paramName)
    {
        if (span.Length != expected)
        {
            ThrowWrongLength(paramName, expected, span.Length);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="span"/> has length <paramref name="expected"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfLengthIsNot<T>(Span<T> span, int expected, string paramName) =>
        ThrowIfLengthIsNot((ReadOnlySpan<T>)span, expected, paramName);

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="span"/> holds a whole number of rows of
    /// <paramref name="rowLength"/> elements; returns the number of rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RowCount<T>(ReadOnlySpan<T> span, int rowLength, string paramName)
    {
        int rows = span.Length / rowLength;
        if (rows * rowLength != span.Length)
        {
            ThrowNotWholeRows(paramName, rowLength, span.Length);
        }

        return rows;
    }

    /// <summary>
    /// Returns the number of rows of a non-empty batch: <paramref name="inputs"/> whole rows of
    /// <paramref name="inputSize"/>, <paramref name="targets"/> the same number of rows of <paramref name="outputSize"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The batch is empty, or the spans are not matching whole rows.</exception>
    public static int BatchRows<T>(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int inputSize, int outputSize)
    {
        int rows = RowCount(inputs, inputSize, nameof(inputs));
        if (rows == 0)
        {
            throw new ArgumentException("The batch is empty: give at least one row.", nameof(inputs));
        }

        ThrowIfLengthIsNot(targets, rows * outputSize, nameof(targets));
        return rows;
    }

    /// <summary>Returns <paramref name="value"/> if it is finite and ≥ 0; throws otherwise.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public static T NonNegative<T>(T value, string paramName)
        where T : System.Numerics.IFloatingPointIeee754<T> =>
        T.IsFinite(value) && value >= T.Zero
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, "Must be a finite number greater than or equal to zero.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowWrongLength(string paramName, int expected, int actual) =>
        throw new ArgumentException($"Expected length {expected}, but the span has length {actual}.", paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotWholeRows(string paramName, int rowLength, int actual) =>
        throw new ArgumentException(
            $"Expected a multiple of {rowLength} elements (whole rows of {rowLength}), but the span has length {actual}.",
            paramName);
}
