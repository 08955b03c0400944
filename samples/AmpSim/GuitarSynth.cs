using System;

namespace AmpSim;

/// <summary>
/// A plucked guitar by Karplus–Strong: each string is a delay line one period long, filled with a burst of noise and
/// fed back through a two-point average, which loses the high harmonics first. Deterministic.
/// </summary>
internal static class GuitarSynth
{
    /// <summary>A strummed E major chord, four single notes, a last note left to ring, then silence.</summary>
    public static float[] Phrase(int sampleRate)
    {
        var signal = new float[(int)(4.5 * sampleRate)];
        var random = new Random(12);
        double[] chord = [82.41, 123.47, 164.81, 207.65, 246.94, 329.63];
        for (int s = 0; s < chord.Length; s++)
        {
            Pluck(signal, sampleRate, random, chord[s], start: 0.05 + (0.012 * s), length: 1.6, level: 0.22);
        }

        double[] notes = [220.0, 277.18, 329.63, 440.0];
        for (int n = 0; n < notes.Length; n++)
        {
            Pluck(signal, sampleRate, random, notes[n], start: 1.75 + (0.3 * n), length: 0.3, level: 0.45);
        }

        Pluck(signal, sampleRate, random, 110.0, start: 3.0, length: 1.0, level: 0.5);
        return signal;
    }

    /// <summary>Adds one string, plucked at <paramref name="start"/> s and muted over 20 ms after <paramref name="length"/> s.</summary>
    private static void Pluck(float[] signal, int sampleRate, Random random, double frequency, double start, double length, double level)
    {
        var line = new double[(int)Math.Round(sampleRate / frequency)];
        double previous = 0;
        for (int i = 0; i < line.Length; i++)
        {
            // A slightly smoothed burst: a softer pick than white noise.
            previous = (0.6 * ((2 * random.NextDouble()) - 1)) + (0.4 * previous);
            line[i] = level * previous;
        }

        int first = (int)(start * sampleRate), ring = (int)(length * sampleRate), damp = sampleRate / 50;
        for (int t = 0; t < ring + damp && first + t < signal.Length; t++)
        {
            int i = t % line.Length;
            double value = line[i];
            line[i] = 0.996 * 0.5 * (value + line[(i + 1) % line.Length]);
            double mute = t < ring ? 1 : 1 - ((t - ring) / (double)damp);   // the player's hand stops the string
            signal[first + t] += (float)(mute * value);
        }
    }
}
