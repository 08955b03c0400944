using System;
using System.IO;
using System.Numerics;
using System.Text;

namespace NetGen.IO;

/// <summary>
/// The constants of the NetGen binary weight format (docs/weight-format.md) and the descriptions of networks and
/// values that the error messages share.
/// </summary>
internal static class WeightFileFormat
{
    /// <summary>The first eight bytes of every file: "NETGENW" and a zero byte.</summary>
    public static ReadOnlySpan<byte> Magic => "NETGENW\0"u8;

    /// <summary>The only format version written and read.</summary>
    public const ushort Version = 1;

    /// <summary>Element type code of IEEE 754 binary32 parameters.</summary>
    public const byte Float32 = 1;

    /// <summary>Element type code of IEEE 754 binary64 parameters.</summary>
    public const byte Float64 = 2;

    /// <summary>Bytes of the CRC-32 that ends the file.</summary>
    public const int ChecksumSize = sizeof(uint);

    /// <summary>
    /// Bytes before the parameters for a network of <paramref name="layerCount"/> layer sizes: magic 8, version 2,
    /// element type 1, layer count 2, sizes 4 each, activations 1 per weight layer, LeakySlope 8, has-bias 1,
    /// parameter count 4.
    /// </summary>
    public static long HeaderSize(int layerCount) =>
        8 + 2 + 1 + 2 + (4L * layerCount) + (layerCount - 1) + 8 + 1 + 4;

    /// <summary>The exact length of the file that describes a network.</summary>
    public static long FileSize(int layerCount, int parameterCount, int elementSize) =>
        HeaderSize(layerCount) + ((long)parameterCount * elementSize) + ChecksumSize;

    /// <summary>The element type code of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static byte ElementTypeOf<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            return Float32;
        }

        if (typeof(T) == typeof(double))
        {
            return Float64;
        }

        throw new NotSupportedException(
            $"Weight files hold float or double parameters; networks of {typeof(T).Name} are not supported.");
    }

    /// <summary>Bytes per parameter for an element type code written by <see cref="ElementTypeOf{T}"/>.</summary>
    public static int ElementSize(byte elementType) => elementType == Float32 ? sizeof(float) : sizeof(double);

    /// <summary>"float32 (1)", "float64 (2)" or "7 (unknown)".</summary>
    public static string DescribeElementType(byte code) => code switch
    {
        Float32 => "float32 (1)",
        Float64 => "float64 (2)",
        _ => $"{code} (not a known element type)",
    };

    /// <summary>"2 → 3 → 1".</summary>
    public static string DescribeSizes(ReadOnlySpan<int> sizes)
    {
        var text = new StringBuilder();
        for (int i = 0; i < sizes.Length; i++)
        {
            if (i > 0)
            {
                text.Append(" → ");
            }

            text.Append(sizes[i]);
        }

        return text.ToString();
    }

    /// <summary>"2 → 3 → 1" for sizes read from a file as unsigned values.</summary>
    public static string DescribeSizes(ReadOnlySpan<uint> sizes)
    {
        var text = new StringBuilder();
        for (int i = 0; i < sizes.Length; i++)
        {
            if (i > 0)
            {
                text.Append(" → ");
            }

            text.Append(sizes[i]);
        }

        return text.ToString();
    }

    /// <summary>"Tanh (2)" or "42 (not an Activation value)".</summary>
    public static string DescribeActivation(int value) =>
        Enum.IsDefined((Activation)value) ? $"{(Activation)value} ({value})" : $"{value} (not an Activation value)";

    /// <summary>"Tanh (2), Identity (0)".</summary>
    public static string DescribeActivations(ReadOnlySpan<Activation> activations)
    {
        var text = new StringBuilder();
        for (int i = 0; i < activations.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(DescribeActivation((int)activations[i]));
        }

        return text.ToString();
    }

    /// <summary>"Tanh (2), Identity (0)" for activation bytes read from a file.</summary>
    public static string DescribeActivations(ReadOnlySpan<byte> activations)
    {
        var text = new StringBuilder();
        for (int i = 0; i < activations.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(DescribeActivation(activations[i]));
        }

        return text.ToString();
    }

    /// <summary>Hex bytes with the printable ASCII next to them: 4E-45-54 ("NET").</summary>
    public static string DescribeBytes(ReadOnlySpan<byte> bytes)
    {
        var printable = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            if (b is >= 0x20 and < 0x7F)
            {
                printable.Append((char)b);
            }
            else
            {
                printable.Append(b == 0 ? "\\0" : ".");
            }
        }

        return $"{Convert.ToHexString(bytes)} (\"{printable}\")";
    }

    /// <summary>
    /// Ends a message about data that cannot be loaded with where the data came from: " (file: path)" for a file,
    /// " (read from a stream)" when <paramref name="source"/> is null. Every loader, binary, JSON or ONNX, names its
    /// source this way.
    /// </summary>
    public static string WithSource(string message, string? source) =>
        source is null ? $"{message} (read from a stream)" : $"{message} (file: {source})";

    /// <summary>
    /// The path of the file that <paramref name="stream"/> reads when it is a <see cref="FileStream"/> opened by
    /// path, for <see cref="WithSource"/>; null for any other stream (a FileStream made from a handle has no path).
    /// </summary>
    public static string? FileNameOf(Stream stream) =>
        stream is FileStream file && Path.IsPathRooted(file.Name) ? file.Name : null;

    /// <summary>
    /// Opens <paramref name="path"/> for reading. A directory is a <see cref="FileNotFoundException"/> naming it
    /// (opening it would report a denied access, which says nothing about the mistake).
    /// </summary>
    public static FileStream OpenRead(string path)
    {
        RefuseDirectory(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.SequentialScan);
    }

    /// <summary>The whole file, with <see cref="OpenRead"/>'s rule for directories.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        RefuseDirectory(path);
        return File.ReadAllBytes(path);
    }

    private static void RefuseDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' is a directory, not a file.", path);
        }
    }
}
