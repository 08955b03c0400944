using System;
using System.IO;

namespace NetGen.Benchmarks.Nam;

/// <summary>
/// The input both players are timed on, written once as raw float32 so that NetGen and NAM core read the same samples.
/// </summary>
internal static class NamSignal
{
    public const double NoteSeconds = 0.25;
    private static readonly double[] Frequencies = [82.41, 110.0, 146.83, 196.0, 246.94, 329.63, 164.81, 220.0];

    /// <summary>
    /// Two seconds of plucked notes (six decaying harmonics, a new note every 0.25 s, noise of 1e-3), of which the
    /// last 0.25 s is exact silence.
    /// </summary>
    public static float[] Timing(double sampleRate)
    {
        int n = (int)(2 * sampleRate);
        int silence = (int)(NoteSeconds * sampleRate);
        float[] x = Notes(sampleRate, n, seed: 12345);
        Array.Clear(x, n - silence, silence);
        return x;
    }

    /// <summary>
    /// Three equal parts of 0.25 s: a loud note; its continuation decaying to subnormal values (times exp(−400 t), no
    /// noise); exact silence.
    /// </summary>
    public static float[] Segments(double sampleRate)
    {
        int part = (int)(NoteSeconds * sampleRate);
        float[] x = new float[3 * part];
        Notes(sampleRate, part, seed: 54321).CopyTo(x, 0);
        for (int i = 0; i < part; i++)
        {
            double t = i / sampleRate;
            x[part + i] = (float)(Pluck(Frequencies[0], NoteSeconds + t) * Math.Exp(-400 * t));
        }

        return x;
    }

    public static void Write(string path, float[] samples)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (float value in samples)
        {
            writer.Write(value);
        }
    }

    public static float[] Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        float[] values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * 4);
        return values;
    }

    private static float[] Notes(double sampleRate, int n, int seed)
    {
        var random = new Random(seed);
        int noteLength = (int)(NoteSeconds * sampleRate);
        float[] x = new float[n];
        for (int i = 0; i < n; i++)
        {
            double t = (i % noteLength) / sampleRate;
            double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            x[i] = (float)(Pluck(Frequencies[i / noteLength % Frequencies.Length], t) + 1e-3 * noise);
        }

        return x;
    }

    /// <summary>A plucked string: six harmonics at 1/h, decaying as exp(−6 t), peak about 0.5.</summary>
    private static double Pluck(double frequency, double t)
    {
        double v = 0;
        for (int h = 1; h <= 6; h++)
        {
            v += Math.Sin(2 * Math.PI * frequency * h * t) / h;
        }

        return 0.35 * Math.Exp(-6 * t) * v;
    }
}
