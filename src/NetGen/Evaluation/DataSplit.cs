using System;
using NetGen.Training;

namespace NetGen.Evaluation;

/// <summary>A seeded split of row-major data into a training part and a test part, the same on every platform and runtime.</summary>
public static class DataSplit
{
    /// <summary>
    /// Splits whole rows of <paramref name="inputs"/> and their target rows into a training part and a test part, in an
    /// order drawn from <paramref name="seed"/>. Each input row stays paired with its target row.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The rows are shuffled by <see cref="Shuffle"/> with <paramref name="seed"/>; the first
    /// round(<paramref name="testFraction"/> × N) rows of that order (halves rounded away from zero) form the test part
    /// and the others the training part, each in the shuffled order. The result depends only on N,
    /// <paramref name="testFraction"/> and <paramref name="seed"/>, never on the runtime (<see cref="Random"/> does not
    /// promise that across .NET versions), so a split can be written down and reproduced.
    /// </para>
    /// <para>
    /// Labels split like any targets, with <typeparamref name="TTarget"/> <see cref="int"/> and
    /// <paramref name="targetSize"/> 1; one-hot them afterwards with <see cref="Classification.OneHot{T}(ReadOnlySpan{int}, int)"/>.
    /// The split is not stratified.
    /// </para>
    /// </remarks>
    /// <typeparam name="TInput">The element type of the inputs.</typeparam>
    /// <typeparam name="TTarget">The element type of the targets.</typeparam>
    /// <param name="inputs">The input rows, row-major: N rows of <paramref name="inputSize"/> values, N ≥ 2.</param>
    /// <param name="inputSize">The values per input row; greater than 0.</param>
    /// <param name="targets">N target rows of <paramref name="targetSize"/> values, row-major.</param>
    /// <param name="targetSize">The values per target row; greater than 0.</param>
    /// <param name="testFraction">The share of rows for the test part, in (0, 1); both parts must get at least one row.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <returns>The four arrays and the original index of every row of each part.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="inputSize"/> or <paramref name="targetSize"/> is 0 or negative, or <paramref name="testFraction"/>
    /// is not a number in (0, 1).
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="inputs"/> is not whole rows, <paramref name="targets"/> does not have one row per input row, or
    /// the fraction leaves one part without rows.
    /// </exception>
    public static TrainTestSplit<TInput, TTarget> TrainTest<TInput, TTarget>(
        ReadOnlySpan<TInput> inputs, int inputSize, ReadOnlySpan<TTarget> targets, int targetSize, double testFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetSize);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(testFraction), testFraction, "The test fraction must be greater than 0 and less than 1.");
        }

        int rows = SpanChecks.RowCount(inputs, inputSize, nameof(inputs));
        long expected = (long)rows * targetSize;
        if (targets.Length != expected)
        {
            throw new ArgumentException(
                $"Expected length {expected} ({rows} rows of {targetSize}, one per row of {nameof(inputs)}), "
                + $"but the span has length {targets.Length}.",
                nameof(targets));
        }

        int testCount = (int)Math.Round(testFraction * rows, MidpointRounding.AwayFromZero);
        if (testCount < 1 || testCount > rows - 1)
        {
            throw new ArgumentException(
                $"A test fraction of {testFraction} of {rows} rows gives {testCount} test and {rows - testCount} training rows; "
                + "each part needs at least one.",
                nameof(testFraction));
        }

        int[] order = new int[rows];
        Shuffle(order, seed);
        int[] testRows = order[..testCount], trainRows = order[testCount..];
        return new TrainTestSplit<TInput, TTarget>(
            Gather(inputs, trainRows, inputSize), Gather(targets, trainRows, targetSize),
            Gather(inputs, testRows, inputSize), Gather(targets, testRows, targetSize),
            trainRows, testRows);
    }

    /// <summary>
    /// Fills <paramref name="order"/> with a permutation of 0..n−1 (n its length) that depends only on n and
    /// <paramref name="seed"/>: the order <see cref="TrainTest{TInput, TTarget}"/> splits. Allocates nothing.
    /// </summary>
    /// <remarks>
    /// The algorithm, so that it can be reproduced anywhere: a SplitMix64 generator (Steele, Lea and Flood, 2014) whose
    /// state starts at mix(s), s = <paramref name="seed"/> as a 32-bit unsigned number widened to 64 bits, and each
    /// draw adds 0x9E3779B97F4A7C15 to the state and returns mix(state), where mix(z) is
    /// z ^= z &gt;&gt; 30; z *= 0xBF58476D1CE4E5B9; z ^= z &gt;&gt; 27; z *= 0x94D049BB133111EB; z ^= z &gt;&gt; 31
    /// (unsigned 64-bit arithmetic). Starting from the identity, for i = n − 1 down to 1, <c>order[i]</c> is swapped
    /// with <c>order[j]</c>, j uniform in [0, i] by Lemire's method: the high 64 bits of the 128-bit product of a draw
    /// and i + 1, drawing again while the low 64 bits are below 2^64 mod (i + 1).
    /// </remarks>
    /// <param name="order">Receives the permutation.</param>
    /// <param name="seed">The seed.</param>
    public static void Shuffle(Span<int> order, int seed) => SplitMix64.Permutation(order, (uint)seed);

    private static T[] Gather<T>(ReadOnlySpan<T> source, int[] rows, int rowLength)
    {
        var destination = new T[(long)rows.Length * rowLength];
        for (int i = 0; i < rows.Length; i++)
        {
            source.Slice(rows[i] * rowLength, rowLength).CopyTo(destination.AsSpan(i * rowLength, rowLength));
        }

        return destination;
    }
}
