namespace NetGen.Matrix.Tests.Support;

/// <summary>A small deterministic random stream (SplitMix64), so every test run sees the same numbers.</summary>
internal sealed class SplitMix
{
    private ulong state;

    public SplitMix(ulong seed) => state = seed;

    /// <summary>A stream seeded from a name (FNV-1a of its UTF-16 code units) and an attempt number.</summary>
    public static SplitMix For(string name, int attempt)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return new SplitMix(hash + ((ulong)attempt * 0x9E3779B97F4A7C15UL));
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Uniform in [low, high).</summary>
    public double Next(double low, double high) => low + ((high - low) * NextDouble());
}
