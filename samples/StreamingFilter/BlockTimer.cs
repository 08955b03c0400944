using System;
using System.Diagnostics;

namespace StreamingFilter;

/// <summary>Times the model the way a plugin runs it: blocks of frames, one Step per sample, on a separate state.</summary>
internal static class BlockTimer
{
    /// <summary>The median over 200 blocks (after 1 s of warm-up) of the time one block takes, in µs.</summary>
    public static double MedianMicroseconds(NetGen.ISequenceNetwork<float> model, float[] input, int blockSize)
    {
        var state = model.CreateState();
        var output = new float[blockSize];
        var watch = Stopwatch.StartNew();
        int block = 0;
        while (watch.ElapsedMilliseconds < 1000)
        {
            RunBlock(model, state, input, block++, output);
        }

        var times = new double[200];
        for (int i = 0; i < times.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            RunBlock(model, state, input, block++, output);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }

    private static void RunBlock(NetGen.ISequenceNetwork<float> model, NetGen.SequenceState<float> state, float[] input, int block, float[] output)
    {
        int start = (block * output.Length) % (input.Length - output.Length);
        for (int t = 0; t < output.Length; t++)
        {
            model.Step(state, input.AsSpan(start + t, 1), output.AsSpan(t, 1));
        }
    }
}
