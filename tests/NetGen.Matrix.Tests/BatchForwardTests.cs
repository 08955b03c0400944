using System;
using NetGen.Matrix.Tests.Networks;
using NetGen.Matrix.Tests.Support;
using Xunit;

namespace NetGen.Matrix.Tests;

/// <summary>
/// ForwardBatch, which runs six rows at a time through separate kernels, against row-by-row Forward for every
/// matrix network: 13 rows give two six-row passes and one single row.
/// </summary>
public sealed class BatchForwardTests
{
    private const int Rows = 13;

    public static TheoryData<string> Networks => MatrixCatalog.Names;

    [Theory]
    [MemberData(nameof(Networks))]
    public void ForwardBatch_MatchesForwardRowByRow(string name)
    {
        MatrixCase c = MatrixCase.Prepare(MatrixCatalog.Get(name));
        double error = c.Network switch
        {
            NetworkHandle<double> d => MaxRowError(d.Network),
            NetworkHandle<float> f => MaxRowError(f.Network),
            _ => throw new InvalidOperationException(),
        };

        // Single-row kernels split a long sum into partial sums (independent FMA chains) while the four-row kernels
        // add every input row in order, so the rows agree to the forward tolerance, not bit for bit.
        Assert.True(error < ForwardTests.Tolerance(c.Spec), $"{name}: worst row ‖Δŷ‖∞/‖ŷ‖∞ = {error:E3}");
    }

    private static double MaxRowError<T>(ITrainableNetwork<T> network)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int n = network.InputSize, m = network.OutputSize;
        var inputs = new T[Rows * n];
        var random = new Random(11);
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
        }

        var batch = new T[Rows * m];
        network.ForwardBatch(inputs, batch);
        var row = new T[m];
        double worst = 0;
        for (int r = 0; r < Rows; r++)
        {
            network.Forward(inputs.AsSpan(r * n, n), row);
            double difference = 0, magnitude = 0;
            for (int j = 0; j < m; j++)
            {
                difference = Math.Max(difference, Math.Abs(double.CreateTruncating(batch[r * m + j] - row[j])));
                magnitude = Math.Max(magnitude, Math.Abs(double.CreateTruncating(row[j])));
            }

            worst = Math.Max(worst, magnitude == 0 ? difference : difference / magnitude);
        }

        return worst;
    }
}
