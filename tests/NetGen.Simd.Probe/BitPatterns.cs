using System;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace NetGen.Simd.Probe;

/// <summary>The probe's line format: a key, then each value's bit pattern in hex (8 digits a float, 16 a double).</summary>
internal static class BitPatterns
{
    public static void WriteLine<T>(TextWriter writer, string key, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var line = new StringBuilder(key, key.Length + (values.Length * 17));
        foreach (T value in values)
        {
            line.Append(' ');
            line.Append(Unsafe.SizeOf<T>() == 4
                ? Unsafe.BitCast<T, uint>(value).ToString("X8", CultureInfo.InvariantCulture)
                : Unsafe.BitCast<T, ulong>(value).ToString("X16", CultureInfo.InvariantCulture));
        }

        writer.WriteLine(line);
    }
}
