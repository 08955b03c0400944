using System;
using System.Numerics;
using NetGen.CompilerServices;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>
/// The sequence layers' one-pass products against a plain double-precision sum, at every column count that picks a
/// different mix of the eight-, six-, four- and one-vector blocks and the scalar tail.
/// </summary>
public class RowMathTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int vectors in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 16, 20, 22 })
        {
            foreach (int extra in new[] { 0, 1, 3 })
            {
                data.Add(vectors, extra, 17);
            }
        }

        data.Add(6, 0, 1);
        data.Add(6, 0, 2);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Product_Float_EqualsPlainSum(int vectors, int extra, int rows) =>
        Check<float>(vectors * Vector<float>.Count + extra, rows, 2e-6);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Product_Double_EqualsPlainSum(int vectors, int extra, int rows) =>
        Check<double>(vectors * Vector<double>.Count + extra, rows, 1e-14);

    private static void Check<T>(int cols, int rows2, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (cols == 0)
        {
            return;
        }

        const int Rows1 = 3;
        var random = new Random(cols * 31 + rows2);
        T[] Fill(int n)
        {
            var values = new T[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = T.CreateChecked((random.NextDouble() * 2) - 1);
            }

            return values;
        }

        T[] b = Fill(cols), x1 = Fill(Rows1), w1 = Fill(Rows1 * cols), x2 = Fill(rows2), w2 = Fill(rows2 * cols);
        foreach (bool start in new[] { true, false })
        {
            var y = new T[cols];
            RowMath.Product(ref y[0], ref b[0], start, ref x1[0], Rows1, ref w1[0], ref x2[0], rows2, ref w2[0], cols);
            for (int c = 0; c < cols; c++)
            {
                double expected = start ? double.CreateChecked(b[c]) : 0;
                for (int i = 0; i < Rows1; i++)
                {
                    expected += double.CreateChecked(x1[i]) * double.CreateChecked(w1[(i * cols) + c]);
                }

                for (int i = 0; i < rows2; i++)
                {
                    expected += double.CreateChecked(x2[i]) * double.CreateChecked(w2[(i * cols) + c]);
                }

                Assert.True(
                    Math.Abs(double.CreateChecked(y[c]) - expected) <= tolerance,
                    $"column {c} of {cols}, start {start}: {y[c]} vs {expected}");
            }
        }
    }
}
