using System;
using System.Linq;
using NetGen.Evaluation;
using Xunit;

namespace NetGen.Tests.Evaluation;

/// <summary>DataSplit: the documented permutation, pairing of rows, the sizes of the parts and the argument checks.</summary>
public sealed class DataSplitTests
{
    /// <summary>
    /// Permutations written down from an independent implementation of the algorithm in DataSplit.Shuffle's remarks
    /// (SplitMix64, Lemire's bounded draw, Fisher–Yates from the top), so that a change to the order on any runtime fails.
    /// </summary>
    [Theory]
    [InlineData(10, 42, new[] { 2, 3, 6, 4, 7, 9, 0, 8, 1, 5 })]
    [InlineData(7, -1, new[] { 2, 6, 4, 5, 0, 1, 3 })]
    [InlineData(12, 0, new[] { 5, 11, 6, 7, 3, 1, 2, 9, 8, 0, 4, 10 })]
    public void Shuffle_IsTheDocumentedPermutation(int n, int seed, int[] expected)
    {
        var order = new int[n];
        DataSplit.Shuffle(order, seed);
        Assert.Equal(expected, order);
    }

    [Fact]
    public void Shuffle_OfZeroOrOneRow_IsTheIdentity()
    {
        DataSplit.Shuffle(Span<int>.Empty, 3);
        var one = new int[] { 9 };
        DataSplit.Shuffle(one, 3);
        Assert.Equal([0], one);
    }

    [Fact]
    public void TrainTest_KeepsEachRowWithItsTarget_AndUsesEveryRowOnce()
    {
        const int rows = 101;
        // Row r's inputs are (r, r + 0.5), its target (−r, r, 2r), so that any mix-up is visible.
        double[] inputs = Enumerable.Range(0, rows).SelectMany(r => new[] { r, r + 0.5 }).ToArray();
        float[] targets = Enumerable.Range(0, rows).SelectMany(r => new float[] { -r, r, 2 * r }).ToArray();

        TrainTestSplit<double, float> split = DataSplit.TrainTest<double, float>(inputs, 2, targets, 3, testFraction: 0.2, seed: 7);

        Assert.Equal(20, split.TestRows.Length);   // round(0.2 × 101) = 20
        Assert.Equal(81, split.TrainRows.Length);
        Assert.Equal(Enumerable.Range(0, rows), split.TestRows.Concat(split.TrainRows).Order());
        var order = new int[rows];
        DataSplit.Shuffle(order, 7);
        Assert.Equal(order, split.TestRows.Concat(split.TrainRows));
        Check(split.TrainInputs, split.TrainTargets, split.TrainRows);
        Check(split.TestInputs, split.TestTargets, split.TestRows);

        static void Check(double[] x, float[] y, int[] original)
        {
            Assert.Equal(original.Length * 2, x.Length);
            Assert.Equal(original.Length * 3, y.Length);
            for (int i = 0; i < original.Length; i++)
            {
                int r = original[i];
                Assert.Equal([r, r + 0.5], x.AsSpan(i * 2, 2).ToArray());
                Assert.Equal([-r, r, 2 * r], y.AsSpan(i * 3, 3).ToArray());
            }
        }
    }

    [Fact]
    public void TrainTest_IsDeterministic_AndTheSeedMatters()
    {
        float[] inputs = Enumerable.Range(0, 50).Select(i => (float)i).ToArray();
        int[] labels = Enumerable.Range(0, 50).Select(i => i % 10).ToArray();

        var (trainX, trainY, testX, testY) = DataSplit.TrainTest<float, int>(inputs, 1, labels, 1, 0.3, seed: 123);
        var again = DataSplit.TrainTest<float, int>(inputs, 1, labels, 1, 0.3, seed: 123);
        var other = DataSplit.TrainTest<float, int>(inputs, 1, labels, 1, 0.3, seed: 124);

        Assert.Equal(again.TrainInputs, trainX);
        Assert.Equal(again.TrainTargets, trainY);
        Assert.Equal(again.TestInputs, testX);
        Assert.Equal(again.TestTargets, testY);
        Assert.Equal(15, testX.Length);
        Assert.NotEqual(other.TestRows, again.TestRows);
        Assert.Equal(testX.Select(v => (int)v % 10), testY);
    }

    [Theory]
    [InlineData(10, 0.25, 3)]   // 2.5 rounds away from zero
    [InlineData(10, 0.04, 0)]
    [InlineData(10, 0.96, 10)]
    [InlineData(2, 0.5, 1)]
    public void TrainTest_RoundsTheTestRows_AndRefusesAnEmptyPart(int rows, double fraction, int expectedTest)
    {
        var inputs = new float[rows];
        if (expectedTest is 0 || expectedTest == rows)
        {
            var exception = Assert.Throws<ArgumentException>(() => DataSplit.TrainTest<float, float>(inputs, 1, inputs, 1, fraction, 0));
            Assert.Equal("testFraction", exception.ParamName);
            Assert.Contains($"gives {expectedTest} test", exception.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expectedTest, DataSplit.TrainTest<float, float>(inputs, 1, inputs, 1, fraction, 0).TestRows.Length);
        }
    }

    [Fact]
    public void TrainTest_WithWrongArguments_NamesThem()
    {
        var four = new float[8];
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => Split(new float[7], 2, four, 2, 0.5)).ParamName);
        var targets = Assert.Throws<ArgumentException>(() => Split(four, 2, new float[7], 2, 0.5));
        Assert.Equal("targets", targets.ParamName);
        Assert.Contains("Expected length 8 (4 rows of 2", targets.Message, StringComparison.Ordinal);
        Assert.Equal("inputSize", Assert.Throws<ArgumentOutOfRangeException>(() => Split(four, 0, four, 2, 0.5)).ParamName);
        Assert.Equal("targetSize", Assert.Throws<ArgumentOutOfRangeException>(() => Split(four, 2, four, -1, 0.5)).ParamName);
        foreach (double fraction in new[] { 0, 1, -0.1, 1.5, double.NaN, double.PositiveInfinity })
        {
            Assert.Equal("testFraction", Assert.Throws<ArgumentOutOfRangeException>(() => Split(four, 2, four, 2, fraction)).ParamName);
        }

        static TrainTestSplit<float, float> Split(float[] inputs, int inputSize, float[] targets, int targetSize, double fraction) =>
            DataSplit.TrainTest<float, float>(inputs, inputSize, targets, targetSize, fraction, seed: 0);
    }
}
