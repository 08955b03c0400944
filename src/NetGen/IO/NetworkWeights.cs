using System;
using System.IO;
using System.Numerics;

namespace NetGen.IO;

/// <summary>
/// Saves and loads a network's parameters in the NetGen binary weight format (specified in docs/weight-format.md):
/// a little-endian header that describes the network (element type, layer sizes, activations, LeakySlope, bias,
/// parameter count), the parameters in <see cref="INetwork{T}.Parameters"/> order, and a CRC-32 of everything
/// before it.
/// </summary>
/// <remarks>
/// Loading checks every header field against the target network and throws <see cref="WeightFileException"/>
/// naming the first field that differs, with the expected and the found value. The parameters are decoded into a
/// temporary buffer and copied into the network only after the checksum and the end of the data have been
/// verified, so a failed load never changes the network. Saved values round-trip bit for bit (NaN payloads and
/// signed zeros included). The loss, τ and optimizer settings are not part of the file: they are declared by the
/// network's attribute, not learned.
/// </remarks>
public static class NetworkWeights
{
    /// <summary>Writes the network's weights to <paramref name="stream"/>, starting at its current position.</summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are saved.</param>
    /// <param name="stream">A writable stream; it is flushed but not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The stream is not writable, the network describes itself inconsistently, or a parameter is NaN or infinite
    /// (no loader reads such a file; nothing is written).
    /// </exception>
    /// <exception cref="IOException">Writing to the stream fails.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Save<T>(INetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream must be writable.", nameof(stream));
        }

        FiniteParameters.CheckSavable(network);
        WeightFileWriter.Write(network, stream);
    }

    /// <summary>
    /// Writes the network's weights to the file at <paramref name="path"/>, atomically: the data goes to a temporary
    /// file in the same directory, which is flushed to disk and then renamed over <paramref name="path"/>. If
    /// anything fails, the temporary file is deleted and an existing file at <paramref name="path"/> keeps its old
    /// content; a process killed midway leaves at most that temporary file, which the next save overwrites. Not for
    /// two saves to one path at the same moment: the second fails with <see cref="IOException"/>.
    /// </summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are saved.</param>
    /// <param name="path">The file to create or replace.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="path"/> is empty or names no file, the network describes itself inconsistently, or a parameter is
    /// NaN or infinite (the file is not touched).
    /// </exception>
    /// <exception cref="IOException">The file cannot be written or replaced.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file or its directory is denied.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Save<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        FiniteParameters.CheckSavable(network);
        AtomicFile.Replace(path, stream => WeightFileWriter.Write(network, stream));
    }

    /// <summary>
    /// Reads weights from <paramref name="stream"/> into the network. The weight data must run to the end of the
    /// stream; the network's parameters change only if the whole file is valid for it. Messages of
    /// <see cref="WeightFileException"/> end with the file's path when <paramref name="stream"/> is a
    /// <see cref="FileStream"/> (also in <see cref="NetworkFileException.FileName"/>), and otherwise say that the data
    /// was read from a stream.
    /// </summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="stream">A readable stream positioned at the start of the weight data; it is not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The stream is not readable, or the network describes itself inconsistently.</exception>
    /// <exception cref="WeightFileException">
    /// The data is not a NetGen weight file, has another version, does not match the network (element type, layer
    /// sizes, activations, LeakySlope, bias, parameter count), is truncated, fails its checksum or has trailing bytes.
    /// </exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(INetwork<T> network, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        Load(network, stream, WeightFileFormat.FileNameOf(stream));
    }

    /// <summary>
    /// Reads weights from the file at <paramref name="path"/> into the network; its parameters change only if the
    /// whole file is valid for it. Messages of <see cref="WeightFileException"/> end with the path, which is also its
    /// <see cref="NetworkFileException.FileName"/>.
    /// </summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="path">The weight file.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the network describes itself inconsistently.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="WeightFileException">The file is invalid or does not match the network (see <see cref="Load{T}(INetwork{T}, Stream)"/>).</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = WeightFileFormat.OpenRead(path);
        Load(network, stream, path);
    }

    private static void Load<T>(INetwork<T> network, Stream stream, string? source)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        T[] parameters = WeightFileReader.Read(network, stream, source);
        parameters.CopyTo(network.Parameters);
    }
}
