using System;
using NetGen.Evaluation;
using Xunit;

namespace NetGen.Tests.Evaluation;

/// <summary>Classification.ArgMax and Classification.OneHot: ties, NaN, exact one-hot rows and the argument checks.</summary>
public sealed class ClassificationTests
{
    [Theory]
    [InlineData(new float[] { 0.1f, 0.7f, 0.2f }, 1)]
    [InlineData(new float[] { 3f }, 0)]
    [InlineData(new float[] { 0.4f, 0.4f, 0.1f, 0.4f }, 0)]   // ties: the first maximum
    [InlineData(new float[] { 0.1f, 0.5f, 0.5f }, 1)]
    [InlineData(new float[] { float.NegativeInfinity, float.NegativeInfinity }, 0)]
    [InlineData(new float[] { -5f, float.PositiveInfinity, 9f }, 1)]
    [InlineData(new float[] { -3f, -1f, -2f }, 1)]
    public void ArgMax_IsTheFirstMaximum(float[] row, int expected)
    {
        Assert.Equal(expected, Classification.ArgMax<float>(row));
        Assert.Equal(expected, Classification.ArgMax<double>(Array.ConvertAll(row, v => (double)v)));
    }

    [Fact]
    public void ArgMax_TreatsSignedZerosAsEqual()
    {
        Assert.Equal(0, Classification.ArgMax<float>([-0f, 0f]));
        Assert.Equal(0, Classification.ArgMax<float>([0f, -0f]));
        Assert.Equal(1, Classification.ArgMax<double>([-1, -0.0, 0.0]));
    }

    [Theory]
    [InlineData(new float[] { 0.1f, float.NaN, 0.9f }, 1)]
    [InlineData(new float[] { float.NaN, 5f }, 0)]
    [InlineData(new float[] { 0.9f, 0.2f, float.NaN, float.NaN }, 2)]
    [InlineData(new float[] { float.PositiveInfinity, float.NaN }, 1)]
    public void ArgMax_OfARowWithNaN_IsItsFirstNaN(float[] row, int expected)
    {
        Assert.Equal(expected, Classification.ArgMax<float>(row));
    }

    [Fact]
    public void ArgMax_OfAnEmptyRow_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Classification.ArgMax<float>([]));
        Assert.Equal("row", exception.ParamName);
    }

    [Fact]
    public void ArgMaxOfRows_MatchesTheFirstMaximumOfEachRow()
    {
        const int rows = 200, width = 7;
        var random = new Random(5);
        var values = new float[rows * width];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(4);   // few distinct values, so many rows have ties
        }

        var classes = new int[rows];
        Classification.ArgMax<float>(values, width, classes);

        for (int r = 0; r < rows; r++)
        {
            Assert.Equal(Blobs.FirstMaxByHand(values.AsSpan(r * width, width)), classes[r]);
        }
    }

    [Fact]
    public void ArgMaxOfRows_OfNoRows_WritesNothing()
    {
        Classification.ArgMax<float>([], 3, Span<int>.Empty);
    }

    [Fact]
    public void ArgMaxOfRows_WithWrongSizes_NamesTheArgumentAndTheExpectedLength()
    {
        var partial = Assert.Throws<ArgumentException>(() => Classification.ArgMax<float>(new float[7], 3, new int[2]));
        Assert.Equal("rows", partial.ParamName);
        Assert.Contains("multiple of 3", partial.Message, StringComparison.Ordinal);

        var classes = Assert.Throws<ArgumentException>(() => Classification.ArgMax<float>(new float[6], 3, new int[3]));
        Assert.Equal("classes", classes.ParamName);
        Assert.Contains("Expected length 2", classes.Message, StringComparison.Ordinal);

        var rowLength = Assert.Throws<ArgumentOutOfRangeException>(() => Classification.ArgMax<float>(new float[6], 0, new int[3]));
        Assert.Equal("rowLength", rowLength.ParamName);
    }

    [Fact]
    public void OneHot_WritesExactlyOneOnePerRow()
    {
        int[] labels = [2, 0, 1, 1, 3];
        var destination = new double[labels.Length * 4];
        Array.Fill(destination, double.NaN);   // every value must be written

        Classification.OneHot<double>(labels, 4, destination);

        Assert.Equal(
            [0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1],
            destination);
        Assert.Equal(Blobs.OneHotByHand(labels, 4), Classification.OneHot<float>(labels, 4));
        Assert.Empty(Classification.OneHot<float>([], 4));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MinValue)]
    public void OneHot_OfALabelOutOfRange_NamesItsIndexAndValue_AndWritesNothing(int bad)
    {
        int[] labels = [0, 2, bad, 1];
        var destination = new float[12];

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Classification.OneHot<float>(labels, 3, destination));

        Assert.Equal("labels", exception.ParamName);
        Assert.Equal(bad, exception.ActualValue);
        Assert.Contains($"labels[2] is {bad}", exception.Message, StringComparison.Ordinal);
        Assert.Contains("[0, 3)", exception.Message, StringComparison.Ordinal);
        Assert.All(destination, v => Assert.Equal(0f, v));
        Assert.Throws<ArgumentOutOfRangeException>(() => Classification.OneHot<float>(labels, 3));
    }

    [Fact]
    public void OneHot_WithAWrongDestinationOrClassCount_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Classification.OneHot<float>([0, 1], 3, new float[5]));
        Assert.Equal("destination", exception.ParamName);
        Assert.Contains("Expected length 6 (2 labels × 3 classes)", exception.Message, StringComparison.Ordinal);
        Assert.Equal("classCount", Assert.Throws<ArgumentOutOfRangeException>(() => Classification.OneHot<float>([0], 0)).ParamName);
    }
}
