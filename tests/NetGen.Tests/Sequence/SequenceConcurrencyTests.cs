using System;
using System.Linq;
using System.Threading;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>
/// One sequence network shared by threads, each streaming through its own state, computes exactly what each stream
/// computes alone; the objective and its gradient (pooled workspaces) are safe to call from many threads too.
/// </summary>
public class SequenceConcurrencyTests
{
    private const int Streams = 8;
    private const int Frames = 1_000;

    [Fact]
    public void ThreadsWithTheirOwnStates_ShareOneNetwork_BitForBit()
    {
        var net = new StackF();
        SequenceGradientTests.Randomize(net, seed: 31);
        float[][] inputs = Enumerable.Range(0, Streams).Select(s => StreamingTests.Frames(3, Frames, seed: 100 + s)).ToArray();
        float[][] expected = inputs.Select(x =>
        {
            var y = new float[Frames * 2];
            net.Process(net.CreateState(), x, y);
            return y;
        }).ToArray();

        var actual = new float[Streams][];
        using var start = new Barrier(Streams);
        RunOnThreads(s =>
        {
            SequenceState<float> state = net.CreateState();
            var y = new float[Frames * 2];
            start.SignalAndWait();
            for (int t = 0; t < Frames; t++)
            {
                net.Step(state, inputs[s].AsSpan(t * 3, 3), y.AsSpan(t * 2, 2));
            }

            actual[s] = y;
        });

        for (int s = 0; s < Streams; s++)
        {
            Assert.Equal(expected[s], actual[s]);
        }
    }

    [Fact]
    public void ObjectiveAndGradient_FromManyThreads_EqualSequentialResults()
    {
        var net = new StackD();
        SequenceGradientTests.Randomize(net, seed: 32);
        (double[] x, double[] y) = SequenceGradientTests.Sequence(net, frames: 64, seed: 33);
        var expected = new double[StackD.ParameterCount];
        double j = net.ObjectiveGradient(x, y, expected);

        var results = new (double J, double Objective, double[] Gradient)[Streams];
        RunOnThreads(s =>
        {
            var g = new double[StackD.ParameterCount];
            double cost = 0;
            for (int repeat = 0; repeat < 5; repeat++)
            {
                cost = net.ObjectiveGradient(x, y, g);
            }

            results[s] = (cost, net.Objective(x, y), g);
        });

        Assert.All(results, r =>
        {
            Assert.Equal(j, r.J);
            Assert.Equal(net.Objective(x, y), r.Objective);
            Assert.Equal(expected, r.Gradient);
        });
    }

    /// <summary>One dedicated thread per stream (the thread pool would add threads slowly on a small machine).</summary>
    private static void RunOnThreads(Action<int> body)
    {
        Exception? failure = null;
        Thread[] threads = Enumerable.Range(0, Streams).Select(s => new Thread(() =>
        {
            try
            {
                body(s);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("A stream failed.", failure);
        }
    }
}
