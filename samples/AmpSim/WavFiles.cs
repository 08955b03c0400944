using NAudio.Wave;

namespace AmpSim;

/// <summary>Writes mono 32-bit float WAV files with NAudio.</summary>
internal static class WavFiles
{
    public static void Write(string path, float[] samples, int sampleRate)
    {
        using var writer = new WaveFileWriter(path, WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, 1));
        writer.WriteSamples(samples, 0, samples.Length);
    }
}
