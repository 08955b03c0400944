using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.IO.Hashing;
using System.Numerics;

namespace NetGen.IO;

/// <summary>
/// Reads the NetGen binary weight format (docs/weight-format.md) for one target network: every field is checked
/// against the network in file order, the parameters are decoded into a new array, and the checksum and the end of
/// the stream are verified. The network itself is never written here.
/// </summary>
internal sealed class WeightFileReader
{
    /// <summary>Parameters are read and decoded in chunks of at most this many bytes.</summary>
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream stream;
    private readonly string? source;
    private readonly long expectedLength;
    private readonly Crc32 crc = new();
    private long position;

    private WeightFileReader(Stream stream, string? source, long expectedLength)
    {
        this.stream = stream;
        this.source = source;
        this.expectedLength = expectedLength;
    }

    /// <summary>
    /// Reads a whole weight file for <paramref name="network"/> from <paramref name="stream"/> and returns its
    /// parameters; throws <see cref="WeightFileException"/> at the first field that is wrong.
    /// </summary>
    public static T[] Read<T>(INetwork<T> network, Stream stream, string? source)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte elementType = WeightFileFormat.ElementTypeOf<T>();
        int elementSize = WeightFileFormat.ElementSize(elementType);
        NetworkShape.Validate(network);
        ReadOnlySpan<int> sizes = network.LayerSizes;
        long expectedLength = WeightFileFormat.FileSize(sizes.Length, network.ParameterCount, elementSize);
        return new WeightFileReader(stream, source, expectedLength).Read(network, elementType, elementSize);
    }

    private T[] Read<T>(INetwork<T> network, byte elementType, int elementSize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<int> sizes = network.LayerSizes;
        ReadOnlySpan<Activation> activations = network.Activations;
        Span<byte> field = stackalloc byte[8];

        // Magic: a file of some other kind is named as such before anything else is compared.
        Span<byte> magic = field.Slice(0, WeightFileFormat.Magic.Length);
        ReadField(magic, "magic");
        if (!magic.SequenceEqual(WeightFileFormat.Magic))
        {
            throw Fail(
                $"Not a NetGen weight file: field 'magic': expected {WeightFileFormat.DescribeBytes(WeightFileFormat.Magic)}, " +
                $"found {WeightFileFormat.DescribeBytes(magic)}." + FileKind.Hint(magic, FileKind.Kind.NetGenWeights));
        }

        ReadField(field.Slice(0, sizeof(ushort)), "version");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(field);
        if (version != WeightFileFormat.Version)
        {
            throw Fail(
                $"Unsupported NetGen weight file: field 'version': expected {WeightFileFormat.Version}, found {version}.");
        }

        ReadField(field.Slice(0, 1), "element type");
        if (field[0] != elementType)
        {
            throw Mismatch(
                "element type",
                $"{WeightFileFormat.DescribeElementType(elementType)} for an INetwork<{(elementType == WeightFileFormat.Float32 ? "float" : "double")}>",
                WeightFileFormat.DescribeElementType(field[0]));
        }

        ReadField(field.Slice(0, sizeof(ushort)), "layer count");
        ushort layerCount = BinaryPrimitives.ReadUInt16LittleEndian(field);
        if (layerCount != sizes.Length)
        {
            throw Mismatch(
                "layer count",
                $"{sizes.Length} ({WeightFileFormat.DescribeSizes(sizes)})",
                $"{layerCount}{TryPeekSizes(layerCount)}");
        }

        byte[] sizeBytes = new byte[sizeof(uint) * layerCount];
        ReadField(sizeBytes, "layer sizes");
        uint[] fileSizes = new uint[layerCount];
        bool sizesMatch = true;
        for (int l = 0; l < layerCount; l++)
        {
            fileSizes[l] = BinaryPrimitives.ReadUInt32LittleEndian(sizeBytes.AsSpan(l * sizeof(uint)));
            sizesMatch &= fileSizes[l] == (uint)sizes[l];
        }

        if (!sizesMatch)
        {
            throw Mismatch(
                "layer sizes", WeightFileFormat.DescribeSizes(sizes), WeightFileFormat.DescribeSizes(fileSizes));
        }

        byte[] fileActivations = new byte[activations.Length];
        ReadField(fileActivations, "activations");
        for (int l = 0; l < activations.Length; l++)
        {
            if (fileActivations[l] != (int)activations[l])
            {
                throw Mismatch(
                    "activations",
                    WeightFileFormat.DescribeActivations(activations),
                    $"{WeightFileFormat.DescribeActivations(fileActivations)} (weight layer {l + 1} differs)");
            }
        }

        ReadField(field.Slice(0, sizeof(double)), "LeakySlope");
        double slope = BinaryPrimitives.ReadDoubleLittleEndian(field);
        if (BitConverter.DoubleToInt64Bits(slope) != BitConverter.DoubleToInt64Bits(network.LeakySlope))
        {
            throw Mismatch("LeakySlope", network.LeakySlope.ToString("R", CultureInfo.InvariantCulture),
                slope.ToString("R", CultureInfo.InvariantCulture));
        }

        ReadField(field.Slice(0, 1), "has-bias");
        byte hasBias = field[0];
        if (hasBias != (network.HasBias ? 1 : 0))
        {
            throw Mismatch("has-bias", DescribeHasBias(network.HasBias ? (byte)1 : (byte)0), DescribeHasBias(hasBias));
        }

        ReadField(field.Slice(0, sizeof(uint)), "parameter count");
        uint parameterCount = BinaryPrimitives.ReadUInt32LittleEndian(field);
        if (parameterCount != (uint)network.ParameterCount)
        {
            throw Mismatch("parameter count", network.ParameterCount.ToString(CultureInfo.InvariantCulture),
                parameterCount.ToString(CultureInfo.InvariantCulture));
        }

        var parameters = new T[network.ParameterCount];
        int valuesPerChunk = Math.Min(parameters.Length, ChunkBytes / elementSize);
        byte[] chunk = new byte[valuesPerChunk * elementSize];
        for (int done = 0; done < parameters.Length; done += valuesPerChunk)
        {
            int count = Math.Min(valuesPerChunk, parameters.Length - done);
            Span<byte> bytes = chunk.AsSpan(0, count * elementSize);
            ReadField(bytes, "parameters");
            WeightCodec.Decode(bytes, parameters.AsSpan(done, count));
        }

        uint computed = crc.GetCurrentHashAsUInt32();
        long checkedBytes = position;
        Span<byte> checksum = field.Slice(0, WeightFileFormat.ChecksumSize);
        ReadUnchecked(checksum, "checksum");
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(checksum);
        if (stored != computed)
        {
            throw Fail(
                $"The weight file is corrupted: field 'checksum': expected 0x{computed:X8} (the CRC-32 of the " +
                $"{checkedBytes} bytes before it), found 0x{stored:X8}.");
        }

        Span<byte> probe = field.Slice(0, 1);
        if (stream.ReadAtLeast(probe, 1, throwOnEndOfStream: false) != 0)
        {
            string count = stream.CanSeek
                ? $"{stream.Length - stream.Position + 1} more byte(s)"
                : "more bytes";
            throw Fail(
                $"The weight file has trailing data: {count} after field 'checksum', which ends at offset {position} " +
                $"(a complete file for this network is exactly {expectedLength} bytes).");
        }

        int notFinite = FiniteParameters.FirstNonFinite<T>(parameters);
        if (notFinite >= 0)
        {
            throw Fail(
                $"The weight file holds a weight that is not finite: {FiniteParameters.Describe(network, parameters, notFinite)}; " +
                "NetGen reads finite weights only.");
        }

        return parameters;
    }

    /// <summary>Reads a field that the checksum covers.</summary>
    private void ReadField(Span<byte> destination, string name)
    {
        ReadUnchecked(destination, name);
        crc.Append(destination);
    }

    /// <summary>Reads exactly <paramref name="destination"/>.Length bytes, however few each Read returns.</summary>
    private void ReadUnchecked(Span<byte> destination, string name)
    {
        int read = stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        position += read;
        if (read < destination.Length)
        {
            throw Fail(
                $"The weight file is truncated: it ends after {position} bytes, inside field '{name}' " +
                $"(a complete file for this network is {expectedLength} bytes).");
        }
    }

    /// <summary>
    /// After a layer count mismatch, tries to read the file's sizes to show them; returns "" when they are not there.
    /// </summary>
    private string TryPeekSizes(ushort layerCount)
    {
        byte[] bytes = new byte[sizeof(uint) * layerCount];
        if (layerCount == 0 || stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) != bytes.Length)
        {
            return string.Empty;
        }

        uint[] sizes = new uint[layerCount];
        for (int l = 0; l < layerCount; l++)
        {
            sizes[l] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(l * sizeof(uint)));
        }

        return $" ({WeightFileFormat.DescribeSizes(sizes)})";
    }

    private static string DescribeHasBias(byte value) => value switch
    {
        0 => "0 (no biases)",
        1 => "1 (biases)",
        _ => $"{value} (neither 0 nor 1)",
    };

    private WeightFileException Mismatch(string name, string expected, string found) =>
        Fail($"The weight file does not match this network: field '{name}': expected {expected}, found {found}.");

    private WeightFileException Fail(string message) => new(WeightFileFormat.WithSource(message, source), source);
}
