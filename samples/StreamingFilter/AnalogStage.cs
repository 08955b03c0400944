using System;

namespace StreamingFilter;

/// <summary>
/// The system to learn, a nonlinear filter with memory: a one-pole low-pass at <see cref="Cutoff"/> Hz into a tanh
/// soft clipper with gain <see cref="Drive"/>, at 48 kHz. y = tanh(drive·s), s ← s + a·(x − s), a = 1 − e^(−2π·fc/fs).
/// </summary>
internal static class AnalogStage
{
    public const int SampleRate = 48_000;
    public const double Cutoff = 1_500;
    public const double Drive = 3;

    public static float[] Process(float[] input)
    {
        double a = 1 - Math.Exp(-2 * Math.PI * Cutoff / SampleRate), s = 0;
        var output = new float[input.Length];
        for (int t = 0; t < input.Length; t++)
        {
            s += a * (input[t] - s);
            output[t] = (float)Math.Tanh(Drive * s);
        }

        return output;
    }

    /// <summary>
    /// A test signal: plucked notes (decaying sums of harmonics) at random pitches and levels, with a little noise,
    /// deterministic for a seed.
    /// </summary>
    public static float[] Plucks(int frames, int seed)
    {
        var random = new Random(seed);
        var signal = new float[frames];
        int noteLength = SampleRate / 8;
        for (int start = 0; start < frames; start += noteLength)
        {
            double f = 82.4 * Math.Pow(2, random.Next(0, 36) / 12.0), level = 0.2 + (0.8 * random.NextDouble());
            for (int t = start; t < Math.Min(frames, start + noteLength); t++)
            {
                double time = (t - start) / (double)SampleRate, decay = Math.Exp(-6 * time), v = 0;
                for (int h = 1; h <= 4; h++)
                {
                    v += Math.Sin(2 * Math.PI * f * h * time) / h;
                }

                signal[t] = (float)((level * decay * v * 0.6) + (0.01 * ((random.NextDouble() * 2) - 1)));
            }
        }

        return signal;
    }
}
