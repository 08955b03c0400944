using System;
using System.Diagnostics;

namespace NetGen.Benchmarks.Plain;

/// <summary>
/// Times a loop the way a user's program runs it: a second of warm-up, then batches of about
/// <see cref="BatchMilliseconds"/> ms, and the median time per call over <see cref="Batches"/> batches. The loop is the
/// caller's own code (<see cref="Batch"/> runs <c>count</c> calls from call number <c>first</c> on), so nothing stands
/// between it and the generated member it calls; the timer runs once per batch.
/// </summary>
internal static class PlainTimer
{
    public const int Batches = 41;
    public const double BatchMilliseconds = 2;

    /// <summary>Runs calls number <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1; returns a value to keep.</summary>
    public delegate float Batch(long first, long count);

    /// <summary>Median nanoseconds per call.</summary>
    public static double Measure(Batch batch)
    {
        float sink = 0;
        long next = 0;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
        {
            sink += batch(next, 64);
            next += 64;
        }

        long perBatch = 1;
        while (true)
        {
            long start = Stopwatch.GetTimestamp();
            sink += batch(next, perBatch);
            next += perBatch;
            if (Stopwatch.GetElapsedTime(start).TotalMilliseconds >= BatchMilliseconds)
            {
                break;
            }

            perBatch *= 2;
        }

        double[] times = new double[Batches];
        for (int b = 0; b < Batches; b++)
        {
            long start = Stopwatch.GetTimestamp();
            sink += batch(next, perBatch);
            next += perBatch;
            times[b] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / perBatch;
        }

        Sink = sink;
        Array.Sort(times);
        return times[Batches / 2];
    }

    /// <summary>Keeps the loops' results alive.</summary>
    public static float Sink { get; private set; }
}
