using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Numerics;
using System.Threading;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>
/// One sequence network serves many threads at once when each has its own state (<c>CreateState</c>): every thread's
/// outputs equal, bit for bit, a sequential run from a zero state, whether it steps frame by frame or processes blocks,
/// while the others run.
/// </summary>
public sealed class SequenceConcurrencyTests
{
    [Fact]
    public void ConcurrentStates_OnOneStack_GiveTheSequentialResults() =>
        AssertConcurrentRunsAgree<double>(new StackD(), seed: 11);

    [Fact]
    public void ConcurrentStates_OnOneFloatLstm_GiveTheSequentialResults() =>
        AssertConcurrentRunsAgree<float>(new AmpModel(), seed: 12);

    [Fact]
    public void ConcurrentStates_OnOneFloatGru_GiveTheSequentialResults() =>
        AssertConcurrentRunsAgree<float>(new GruModel(), seed: 13);

    private static void AssertConcurrentRunsAgree<T>(ISequenceNetwork<T> network, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int threads = 4, frames = 200, repetitions = 25;
        network.InitializeParameters(seed);
        var random = new Random(seed);
        T[] inputs = Enumerable.Range(0, frames * network.InputSize).Select(_ => T.CreateTruncating(random.NextDouble() * 2 - 1)).ToArray();
        var expected = new T[frames * network.OutputSize];
        network.Process(network.CreateState(), inputs, expected);

        var failures = new ConcurrentQueue<string>();
        using var start = new Barrier(threads);
        Thread[] workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var outputs = new T[expected.Length];
            start.SignalAndWait();
            for (int repetition = 0; repetition < repetitions; repetition++)
            {
                SequenceState<T> state = network.CreateState();
                Array.Clear(outputs);
                if (t % 2 == 0)
                {
                    // Frame by frame, as an audio callback does.
                    for (int f = 0; f < frames; f++)
                    {
                        network.Step(state, inputs.AsSpan(f * network.InputSize, network.InputSize), outputs.AsSpan(f * network.OutputSize, network.OutputSize));
                    }
                }
                else
                {
                    // Blocks of 16 frames.
                    for (int f = 0; f < frames; f += 16)
                    {
                        int n = Math.Min(16, frames - f);
                        network.Process(state, inputs.AsSpan(f * network.InputSize, n * network.InputSize), outputs.AsSpan(f * network.OutputSize, n * network.OutputSize));
                    }
                }

                if (!outputs.AsSpan().SequenceEqual(expected))
                {
                    failures.Enqueue($"thread {t}, repetition {repetition}");
                    return;
                }
            }
        })).ToArray();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        Assert.Empty(failures);
    }
}
