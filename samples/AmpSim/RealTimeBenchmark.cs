using System;
using System.Diagnostics;
using NetGen.Nam;

namespace AmpSim;

/// <summary>Times Process the way a plugin calls it: one block at a time, on a warm model, median of several runs.</summary>
internal static class RealTimeBenchmark
{
    private const int Runs = 7;

    /// <summary>Nanoseconds per sample: the median over <see cref="Runs"/> runs of one second of audio in blocks.</summary>
    public static double NanosecondsPerSample(NamModel model, float[] audio, int blockSize, int sampleRate)
    {
        var output = new float[blockSize];
        model.ResetState();
        RunBlocks(model.Process, audio, output, sampleRate / 10);   // warm-up: a tenth of a second
        var times = new double[Runs];
        for (int r = 0; r < Runs; r++)
        {
            long start = Stopwatch.GetTimestamp();
            RunBlocks(model.Process, audio, output, sampleRate);
            times[r] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / sampleRate;
        }

        Array.Sort(times);
        return times[Runs / 2];
    }

    /// <summary>Seconds that <paramref name="voices"/> streams, interleaved block by block, take for one second of audio each.</summary>
    public static double SecondsForVoices(NamModel model, int voices, float[] audio, int blockSize, int sampleRate)
    {
        var streams = new NamStream[voices];
        for (int v = 0; v < voices; v++)
        {
            streams[v] = model.CreateStream();
            streams[v].Process(audio.AsSpan(0, blockSize), new float[blockSize]);   // each voice warmed up
        }

        var output = new float[blockSize];
        long start = Stopwatch.GetTimestamp();
        for (int first = 0; first + blockSize <= sampleRate; first += blockSize)
        {
            ReadOnlySpan<float> block = audio.AsSpan(first % (audio.Length - blockSize), blockSize);
            foreach (NamStream stream in streams)
            {
                stream.Process(block, output);
            }
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private delegate void Processor(ReadOnlySpan<float> input, Span<float> output);

    private static void RunBlocks(Processor process, float[] audio, float[] output, int samples)
    {
        int blockSize = output.Length;
        for (int done = 0; done + blockSize <= samples; done += blockSize)
        {
            process(audio.AsSpan(done % (audio.Length - blockSize), blockSize), output);
        }
    }
}
