using System;
using System.Collections.Concurrent;
using System.Threading;
using Xunit;

namespace NetGen.Tests;

/// <summary>
/// Forward and ForwardBatch keep their scratch on the stack, so one instance can serve several threads at once: every
/// thread's outputs equal the sequential ones bit for bit while the others run.
/// </summary>
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

    [Theory]
    [InlineData(nameof(TanhNet))]
    [InlineData(nameof(LoopNet))]
    public void ConcurrentForwardBatch_GivesTheSequentialResults(string name)
    {
        const int threads = 4, rows = 37, repetitions = 100;
        NetworkCase c = NetworkCases.Create(name);
        (float[] inputs, _) = TestData.Samples(c, rows, seed: 702);
        var expected = new float[rows * c.Spec.OutputSize];
        c.Network.ForwardBatch(inputs, expected);

        var failures = new ConcurrentQueue<string>();
        using var start = new Barrier(threads);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int thread = t;
            workers[t] = new Thread(() =>
            {
                var outputs = new float[expected.Length];
                start.SignalAndWait();
                for (int k = 0; k < repetitions; k++)
                {
                    Array.Clear(outputs);
                    c.Network.ForwardBatch(inputs, outputs);
                    if (!outputs.AsSpan().SequenceEqual(expected))
                    {
                        failures.Enqueue($"thread {thread}, repetition {k}");
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
