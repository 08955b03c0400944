using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using NetGen.IO;
using Xunit;

namespace NetGen.Tests.IO;

/// <summary>Helpers shared by the weight I/O tests.</summary>
internal static class WeightTestSupport
{
    /// <summary>A float or double test network's parameters as doubles (exact), for before-and-after comparisons.</summary>
    public static double[] ParametersOf(object network) => network switch
    {
        INetwork<float> f => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(f.Parameters.ToArray(), v => (double)v)),
        ISequenceNetwork<double> d => d.Parameters.ToArray(),
        _ => throw new ArgumentException("not a float network or a double sequence network", nameof(network)),
    };

    /// <summary>The parameters' bytes, for bitwise comparisons (NaN payloads and signed zeros included).</summary>
    public static byte[] Snapshot<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        MemoryMarshal.AsBytes((ReadOnlySpan<T>)network.Parameters).ToArray();

    /// <summary>Asserts that the parameters are bit for bit <paramref name="expected"/>.</summary>
    public static void AssertParameters<T>(byte[] expected, INetwork<T> network, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte[] actual = Snapshot(network);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            int first = expected.AsSpan().CommonPrefixLength(actual);
            Assert.Fail($"{what}: parameters differ, first at byte {first} (element {first / Marshal.SizeOf<T>()}).");
        }
    }

    /// <summary>
    /// Runs <paramref name="load"/>, which must throw <see cref="WeightFileException"/> whose message contains every
    /// fragment, and checks that the network's parameters did not change.
    /// </summary>
    public static WeightFileException AssertRejected<T>(INetwork<T> network, Action load, params string[] fragments)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte[] before = Snapshot(network);
        WeightFileException exception = Assert.Throws<WeightFileException>(load);
        foreach (string fragment in fragments)
        {
            Assert.True(
                exception.Message.Contains(fragment, StringComparison.Ordinal),
                $"The message should contain \"{fragment}\": {exception.Message}");
        }

        AssertParameters(before, network, "after a rejected load");
        return exception;
    }

    /// <summary>Saves to memory and returns the file's bytes.</summary>
    public static byte[] SaveToBytes<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        return stream.ToArray();
    }

    /// <summary>Loads from a read-only memory stream over <paramref name="bytes"/>.</summary>
    public static void LoadFromBytes<T>(INetwork<T> network, byte[] bytes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream(bytes, writable: false);
        NetworkWeights.Load(network, stream);
    }

    /// <summary>
    /// CRC-32 (IEEE 802.3: reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF), one bit at a
    /// time: an independent reference for the library's checksum.
    /// </summary>
    public static uint ReferenceCrc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFF_FFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Rewrites the last four bytes as the CRC-32 of the others, so that an edited header passes the checksum.</summary>
    public static byte[] Reseal(byte[] file)
    {
        byte[] copy = (byte[])file.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(copy.Length - 4), ReferenceCrc32(copy.AsSpan(0, copy.Length - 4)));
        return copy;
    }

    /// <summary>Files in <paramref name="directory"/> other than <paramref name="expected"/>, by name.</summary>
    public static string[] OtherFiles(string directory, params string[] expected) =>
        Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).Where(n => !expected.Contains(n)).ToArray()!;
}

/// <summary>A fresh directory under the temp path, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netgen-io-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>
/// A read-only stream over bytes that returns at most <see cref="MaxPerRead"/> bytes from each Read, and can hide
/// its length (CanSeek false), like a network or pipe stream.
/// </summary>
internal sealed class TrickleStream : Stream
{
    private readonly byte[] data;
    private readonly bool seekable;
    private int position;

    public TrickleStream(byte[] data, int maxPerRead = 1, bool seekable = false)
    {
        this.data = data;
        MaxPerRead = maxPerRead;
        this.seekable = seekable;
    }

    public int MaxPerRead { get; }

    public int ReadCalls { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => seekable ? data.Length : throw new NotSupportedException();

    public override long Position
    {
        get => seekable ? position : throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ReadCalls++;
        int n = Math.Min(Math.Min(buffer.Length, MaxPerRead), data.Length - position);
        data.AsSpan(position, n).CopyTo(buffer);
        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// A real generated network behind <see cref="INetwork{T}"/> whose <see cref="Parameters"/> getter throws from
/// its <see cref="FailOnAccess"/>-th call on: simulates a failure in the middle of writing a weight file.
/// </summary>
internal sealed class FailingNetwork<T> : INetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly INetwork<T> inner;

    public FailingNetwork(INetwork<T> inner, int failOnAccess)
    {
        this.inner = inner;
        FailOnAccess = failOnAccess;
    }

    public int FailOnAccess { get; }

    public int ParameterAccesses { get; private set; }

    public int InputSize => inner.InputSize;

    public int OutputSize => inner.OutputSize;

    public int ParameterCount => inner.ParameterCount;

    public ReadOnlySpan<int> LayerSizes => inner.LayerSizes;

    public ReadOnlySpan<Activation> Activations => inner.Activations;

    public bool HasBias => inner.HasBias;

    public double LeakySlope => inner.LeakySlope;

    public Span<T> Parameters
    {
        get
        {
            ParameterAccesses++;
            if (ParameterAccesses >= FailOnAccess)
            {
                throw new InvalidOperationException($"Simulated failure on Parameters access {ParameterAccesses}.");
            }

            return inner.Parameters;
        }
    }

    public void Forward(ReadOnlySpan<T> input, Span<T> output) => inner.Forward(input, output);

    public void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs) => inner.ForwardBatch(inputs, outputs);

    public void InitializeParameters(int seed) => inner.InitializeParameters(seed);
}
