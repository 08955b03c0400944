using System;

namespace NetGen.Training;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014): a 64-bit counter
/// advanced by the golden-ratio increment and passed through a mixing function. Small, fast, a struct (no
/// allocation), and the same sequence on every platform and runtime, unlike <see cref="Random"/>.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    /// <summary>Starts from <paramref name="seed"/>, mixed first so that neighbouring seeds start far apart.</summary>
    public SplitMix64(ulong seed) => _state = Mix(seed);

    /// <summary>
    /// Fills <paramref name="order"/> with a permutation of 0..n−1 that depends only on <paramref name="seed"/>:
    /// Fisher–Yates from the identity, for i = n−1 down to 1 swapping <c>order[i]</c> with <c>order[j]</c>,
    /// j = <see cref="NextBelow"/>(i + 1) of a generator started from <paramref name="seed"/>.
    /// </summary>
    public static void Permutation(Span<int> order, ulong seed)
    {
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var random = new SplitMix64(seed);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.NextBelow(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>
    /// A uniformly distributed integer in [0, <paramref name="bound"/>), by Lemire's multiply-and-reject method
    /// ("Fast random integer generation in an interval", 2019): exact, and almost never more than one draw.
    /// </summary>
    public int NextBelow(int bound)
    {
        ulong range = (ulong)bound;
        ulong high = Math.BigMul(Next(), range, out ulong low);
        if (low < range)
        {
            // Reject the 2^64 mod range lowest products, which would make some results more likely.
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                high = Math.BigMul(Next(), range, out low);
            }
        }

        return (int)high;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
