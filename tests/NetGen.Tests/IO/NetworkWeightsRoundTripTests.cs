using System;
using System.Buffers.Binary;
using System.IO;
using System.Numerics;
using System.Text;
using NetGen.IO;
using Xunit;
using static NetGen.Tests.IO.WeightTestSupport;

namespace NetGen.Tests.IO;

/// <summary>Save → load gives the same parameters bit for bit, and the bytes are the documented format.</summary>
public sealed class NetworkWeightsRoundTripTests
{
    [Fact]
    public void RoundTrip_FloatWithBias() => RoundTrip(() => new IoFloatBiasNet(), elementSize: 4);

    [Fact]
    public void RoundTrip_FloatWithoutBias() => RoundTrip(() => new IoFloatNoBiasNet(), elementSize: 4);

    [Fact]
    public void RoundTrip_DoubleWithBias() => RoundTrip(() => new IoDoubleBiasNet(), elementSize: 8);

    [Fact]
    public void RoundTrip_DoubleWithoutBias() => RoundTrip(() => new IoDoubleNoBiasNet(), elementSize: 8);

    [Fact]
    public void RoundTrip_LargeNetworkThroughAFile()
    {
        var source = new IoLargeNet();
        source.InitializeParameters(seed: 99);
        var target = new IoLargeNet();
        using var directory = new TempDirectory();
        string path = directory.File("large.ngw");

        NetworkWeights.Save(source, path);
        NetworkWeights.Load(target, path);

        AssertParameters(Snapshot(source), target, "large network through a file");
        Assert.Equal(29 + (5 * 3) + (IoLargeNet.ParameterCount * 4), new FileInfo(path).Length);
        Assert.Equal(new[] { "large.ngw" }, OtherFiles(directory.Path));
    }

    [Fact]
    public void RoundTrip_SpecialFloatValuesAreKeptBitForBit()
    {
        // NaN and infinities are refused (NonFiniteWeightsTests); every finite value survives bit for bit.
        var source = new IoFloatNoBiasNet();
        Span<float> p = source.Parameters;
        p[0] = BitConverter.Int32BitsToSingle(unchecked((int)0x8000_0001));   // negative subnormal
        p[1] = BitConverter.Int32BitsToSingle(0x007F_FFFF);   // largest subnormal
        p[2] = -0f;
        p[3] = float.Epsilon;                                 // smallest subnormal
        p[4] = BitConverter.Int32BitsToSingle(0x0080_0000);   // smallest normal
        p[5] = -float.Epsilon;
        p[6] = float.MaxValue;
        p[7] = float.MinValue;
        var target = new IoFloatNoBiasNet();

        LoadFromBytes(target, SaveToBytes(source));

        AssertParameters(Snapshot(source), target, "special float values");
    }

    [Fact]
    public void RoundTrip_SpecialDoubleValuesAreKeptBitForBit()
    {
        var source = new IoDoubleBiasNet();
        Span<double> p = source.Parameters;
        p[0] = BitConverter.Int64BitsToDouble(0x000F_FFFF_DEAD_BEEF);   // a subnormal with a payload-like pattern
        p[1] = -0d;
        p[2] = double.Epsilon;
        p[3] = double.MinValue;
        p[4] = -double.Epsilon;
        p[5] = double.MaxValue;
        p[^1] = 1.0 / 3.0;
        var target = new IoDoubleBiasNet();

        LoadFromBytes(target, SaveToBytes(source));

        AssertParameters(Snapshot(source), target, "special double values");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(7, true)]
    public void Load_ReadsStreamsThatReturnFewBytesPerRead(int maxPerRead, bool seekable)
    {
        var source = new IoLargeNet();
        source.InitializeParameters(seed: 5);
        byte[] file = SaveToBytes(source);
        var target = new IoLargeNet();
        using var stream = new TrickleStream(file, maxPerRead, seekable);

        NetworkWeights.Load(target, stream);

        AssertParameters(Snapshot(source), target, $"{maxPerRead} byte(s) per Read");
        Assert.True(stream.ReadCalls >= file.Length / maxPerRead, "the stream really was read in small pieces");
    }

    [Fact]
    public void Save_WritesTheDocumentedLayout_FloatWithBias()
    {
        var network = new IoFloatBiasNet();
        network.InitializeParameters(seed: 3);
        byte[] file = SaveToBytes(network);

        // docs/weight-format.md, field by field.
        Assert.Equal(148, file.Length);                                               // 40 + 26·4 + 4
        Assert.Equal("NETGENW\0", Encoding.ASCII.GetString(file, 0, 8));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8)));    // version
        Assert.Equal(1, file[10]);                                                    // float32
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(11)));   // layer count
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(13)));
        Assert.Equal(4u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(17)));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(21)));
        Assert.Equal((byte)Activation.Tanh, file[25]);
        Assert.Equal((byte)Activation.Identity, file[26]);
        Assert.Equal(0.01, BinaryPrimitives.ReadDoubleLittleEndian(file.AsSpan(27)));  // LeakySlope
        Assert.Equal(1, file[35]);                                                    // has-bias
        Assert.Equal(26u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(36))); // parameter count
        for (int i = 0; i < 26; i++)
        {
            Assert.Equal(
                BitConverter.SingleToInt32Bits(network.Parameters[i]),
                BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(40 + (4 * i))));
        }

        Assert.Equal(ReferenceCrc32(file.AsSpan(0, 144)), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(144)));
    }

    [Fact]
    public void Save_WritesTheDocumentedLayout_DoubleWithoutBias()
    {
        var network = new IoDoubleNoBiasNet();
        byte[] file = SaveToBytes(network);

        Assert.Equal(40 + (20 * 8) + 4, file.Length);
        Assert.Equal(2, file[10]);                                                    // float64
        Assert.Equal(0, file[35]);                                                    // no bias
        Assert.Equal(20u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(36)));
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(
                BitConverter.DoubleToInt64Bits(network.Parameters[i]),
                BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(40 + (8 * i))));
        }

        Assert.Equal(ReferenceCrc32(file.AsSpan(0, file.Length - 4)), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(file.Length - 4)));
    }

    [Fact]
    public void ReferenceCrc32_MatchesTheStandardCheckValue() =>
        Assert.Equal(0xCBF4_3926u, ReferenceCrc32("123456789"u8));

    [Fact]
    public void Save_LeavesTheStreamOpenAtTheEndOfTheData()
    {
        var network = new IoFloatNoBiasNet();
        using var stream = new MemoryStream();
        stream.Write("prefix"u8);

        NetworkWeights.Save(network, stream);

        Assert.True(stream.CanWrite);
        Assert.Equal(6 + 124, stream.Position);
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        var network = new IoFloatNoBiasNet();
        using var readOnly = new MemoryStream(new byte[4], writable: false);
        using var writeOnly = new WriteOnlyStream();

        Assert.Throws<ArgumentNullException>("network", () => NetworkWeights.Save<float>(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>("stream", () => NetworkWeights.Save(network, (Stream)null!));
        Assert.Throws<ArgumentNullException>("path", () => NetworkWeights.Save(network, (string)null!));
        Assert.Throws<ArgumentException>("path", () => NetworkWeights.Save(network, string.Empty));
        Assert.Throws<ArgumentException>("stream", () => NetworkWeights.Save(network, readOnly));
        Assert.Throws<ArgumentNullException>("network", () => NetworkWeights.Load<float>(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>("stream", () => NetworkWeights.Load(network, (Stream)null!));
        Assert.Throws<ArgumentException>("path", () => NetworkWeights.Load(network, string.Empty));
        Assert.Throws<ArgumentException>("stream", () => NetworkWeights.Load(network, writeOnly));
        Assert.Throws<FileNotFoundException>(() => NetworkWeights.Load(network, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }

    private static void RoundTrip<T>(Func<INetwork<T>> create, int elementSize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        INetwork<T> source = create();
        source.InitializeParameters(seed: 2024);
        INetwork<T> target = create();
        Assert.False(Snapshot(source).AsSpan().SequenceEqual(Snapshot(target)), "the two networks start out different");

        byte[] file = SaveToBytes(source);
        LoadFromBytes(target, file);

        AssertParameters(Snapshot(source), target, "after the round trip");
        int layers = source.LayerSizes.Length;
        Assert.Equal(29 + (5 * layers) + (source.ParameterCount * elementSize), file.Length);
        Assert.Equal(file, SaveToBytes(target));

        var input = new T[source.InputSize];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = T.CreateChecked(0.25 * (i + 1));
        }

        var expected = new T[source.OutputSize];
        var actual = new T[source.OutputSize];
        source.Forward(input, expected);
        target.Forward(input, actual);
        Assert.Equal(expected, actual);
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
