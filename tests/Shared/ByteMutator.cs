using System;

// Compiled into the fuzz tests of several test projects (linked).
namespace NetGen.Tests.Shared;

/// <summary>The byte-level mutations the fuzz tests apply to valid files, one of four kinds by case number.</summary>
internal static class ByteMutator
{
    /// <summary>
    /// Case <paramref name="i"/> of <paramref name="seed"/>: truncated at a random length, 1–8 bits flipped, 1–4 bytes
    /// overwritten, or 1–15 random bytes inserted (by <paramref name="i"/> mod 4).
    /// </summary>
    public static byte[] Mutate(byte[] seed, Random random, int i)
    {
        byte[] bytes = (byte[])seed.Clone();
        switch (i % 4)
        {
            case 0:
                return bytes[..random.Next(0, bytes.Length)];
            case 1:
                for (int flips = random.Next(1, 9); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 2:
                for (int writes = random.Next(1, 5); writes > 0; writes--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            default:
                int at = random.Next(bytes.Length);
                byte[] inserted = new byte[random.Next(1, 16)];
                random.NextBytes(inserted);
                return [.. bytes[..at], .. inserted, .. bytes[at..]];
        }
    }
}
