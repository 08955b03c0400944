using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NetGen;

/// <summary>Argument checks used by generated networks: one comparison inline, the throw out of line.</summary>
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
