using System;

namespace AmpSim;

/// <summary>
/// The amp the capture was trained on (training/synthetic_amp.py), at 48 kHz: a first-order high-pass at 100 Hz, gain
/// 5 into tanh(u + 0.35) − tanh(0.35) (an asymmetric soft clipper), a second-order Butterworth low-pass at 5 kHz and
/// gain 0.5. Both filters are bilinear transforms. Computed in double from silence.
/// </summary>
internal static class SyntheticAmp
{
    public const int SampleRate = 48_000;
    private const double HighPassHz = 100, LowPassHz = 5_000, Drive = 5, Bias = 0.35, OutputGain = 0.5;

    public static float[] Process(float[] input)
    {
        double k = Math.Tan(Math.PI * HighPassHz / SampleRate);
        double hb0 = 1 / (1 + k), ha1 = (k - 1) / (k + 1);
        k = Math.Tan(Math.PI * LowPassHz / SampleRate);
        double q = 1 / Math.Sqrt(2), norm = 1 / (1 + (k / q) + (k * k));
        double lb0 = k * k * norm, la1 = 2 * ((k * k) - 1) * norm, la2 = (1 - (k / q) + (k * k)) * norm;

        var output = new float[input.Length];
        double hx1 = 0, hy1 = 0, lx1 = 0, lx2 = 0, ly1 = 0, ly2 = 0;
        for (int t = 0; t < input.Length; t++)
        {
            double x = input[t];
            double high = (hb0 * (x - hx1)) - (ha1 * hy1);
            hx1 = x;
            hy1 = high;
            double shaped = Math.Tanh((Drive * high) + Bias) - Math.Tanh(Bias);
            double low = (lb0 * (shaped + (2 * lx1) + lx2)) - (la1 * ly1) - (la2 * ly2);
            lx2 = lx1;
            lx1 = shaped;
            ly2 = ly1;
            ly1 = low;
            output[t] = (float)(OutputGain * low);
        }

        return output;
    }
}
