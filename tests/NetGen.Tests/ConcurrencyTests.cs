using System;
using System.Collections.Concurrent;
using System.Threading;
using Xunit;

namespace NetGen.Tests;

/// <summary>Forward keeps its scratch on the stack, so one instance can serve several threads at once.</summary>
public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData(nameof(TanhNet))]
    [InlineData(nameof(LoopNet))]
    public void ConcurrentForward_GivesTheSequentialResults(string name)
    {
        const int threads = 4, rows = 32, repetitions = 200;
        NetworkCase c = NetworkCases.Create(name);
        int inputSize = c.Spec.InputSize, outputSize = c.Spec.OutputSize;
        (float[] inputs, _) = TestData.Samples(c, rows, seed: 701);
        var expected = new float[rows * outputSize];
        for (int r = 0; r < rows; r++)
        {
            c.Network.Forward(inputs.AsSpan(r * inputSize, inputSize), expected.AsSpan(r * outputSize, outputSize));
        }

        var failures = new ConcurrentQueue<string>();
        using var start = new Barrier(threads);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int offset = t; // each thread walks the rows in a different order
            workers[t] = new Thread(() =>
            {
                var output = new float[outputSize];
                start.SignalAndWait();
                for (int k = 0; k < repetitions * rows; k++)
                {
                    int r = (k + (offset * 7)) % rows;
                    c.Network.Forward(inputs.AsSpan(r * inputSize, inputSize), output);
                    if (!output.AsSpan().SequenceEqual(expected.AsSpan(r * outputSize, outputSize)))
                    {
                        failures.Enqueue($"thread {offset}, row {r}");
                        return;
                    }
                }
            });
            workers[t].Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        Assert.Empty(failures);
    }
}
