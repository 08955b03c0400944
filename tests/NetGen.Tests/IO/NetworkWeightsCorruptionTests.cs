using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using NetGen.IO;
using Xunit;
using static NetGen.Tests.IO.WeightTestSupport;

namespace NetGen.Tests.IO;

/// <summary>
/// Every damaged or mismatched file is rejected with a <see cref="WeightFileException"/> that names the field, and
/// the target network keeps its parameters.
/// </summary>
public sealed class NetworkWeightsCorruptionTests
{
    /// <summary>A valid 124-byte file for <see cref="IoFloatNoBiasNet"/> (header 40, 20 floats, checksum 4).</summary>
    private static byte[] SmallFile()
    {
        var source = new IoFloatNoBiasNet();
        source.InitializeParameters(seed: 11);
        byte[] file = SaveToBytes(source);
        Assert.Equal(124, file.Length);
        return file;
    }

    [Fact]
    public void TruncatedAtEveryLength_IsRejected()
    {
        byte[] file = SmallFile();
        var target = new IoFloatNoBiasNet();

        for (int length = 0; length < file.Length; length++)
        {
            byte[] truncated = file.AsSpan(0, length).ToArray();
            AssertRejected(target, () => LoadFromBytes(target, truncated), "truncated", $"ends after {length} bytes", "124 bytes");
        }
    }

    [Theory]
    [InlineData(0, "'magic'")]
    [InlineData(5, "'magic'")]
    [InlineData(9, "'version'")]
    [InlineData(10, "'element type'")]
    [InlineData(12, "'layer count'")]
    [InlineData(20, "'layer sizes'")]
    [InlineData(25, "'activations'")]
    [InlineData(30, "'LeakySlope'")]
    [InlineData(35, "'has-bias'")]
    [InlineData(38, "'parameter count'")]
    [InlineData(40, "'parameters'")]
    [InlineData(100, "'parameters'")]
    [InlineData(121, "'checksum'")]
    public void Truncated_NamesTheFieldItEndsIn(int length, string field)
    {
        byte[] truncated = SmallFile().AsSpan(0, length).ToArray();
        var target = new IoFloatNoBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, truncated), "truncated", field);
    }

    [Fact]
    public void EverySingleBitFlip_IsDetected()
    {
        byte[] file = SmallFile();
        var target = new IoFloatNoBiasNet();
        byte[] before = Snapshot(target);

        for (int bit = 0; bit < file.Length * 8; bit++)
        {
            byte[] damaged = (byte[])file.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<WeightFileException>(() => LoadFromBytes(target, damaged));
        }

        AssertParameters(before, target, "after 992 rejected loads");
    }

    [Fact]
    public void BitFlipInTheParameters_IsReportedAsAChecksumMismatch()
    {
        byte[] damaged = SmallFile();
        damaged[60] ^= 0x10;
        var target = new IoFloatNoBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, damaged), "corrupted", "'checksum'", "expected 0x", "found 0x");
    }

    [Fact]
    public void WrongMagic_IsRejected()
    {
        byte[] file = SmallFile();
        "PK\u0003\u0004"u8.CopyTo(file);
        var target = new IoFloatNoBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "Not a NetGen weight file", "'magic'", "4E455447454E5700", "504B0304");
    }

    [Fact]
    public void WrongVersion_IsRejectedEvenWithAValidChecksum()
    {
        byte[] file = SmallFile();
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), 2);
        file = Reseal(file);
        var target = new IoFloatNoBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "'version'", "expected 1, found 2");
    }

    [Fact]
    public void FloatFileIntoDoubleNetwork_IsRejected()
    {
        byte[] file = SaveToBytes(new IoFloatNoBiasNet());
        var target = new IoDoubleNoBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "'element type'", "expected float64 (2)", "found float32 (1)");
    }

    [Fact]
    public void DoubleFileIntoFloatNetwork_IsRejected()
    {
        byte[] file = SaveToBytes(new IoDoubleBiasNet());
        var target = new IoFloatBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "'element type'", "expected float32 (1)", "found float64 (2)");
    }

    [Fact]
    public void OtherLayerSizes_AreRejected()
    {
        byte[] file = SaveToBytes(new IoFloatWiderNet());
        var target = new IoFloatBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "'layer sizes'", "expected 3 → 4 → 2", "found 3 → 5 → 2");
    }

    [Fact]
    public void OtherLayerCount_IsRejected()
    {
        byte[] file = SaveToBytes(new IoFloatDeeperNet());
        var target = new IoFloatBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "'layer count'", "expected 3 (3 → 4 → 2)", "found 4 (3 → 4 → 4 → 2)");
    }

    [Fact]
    public void OtherActivations_AreRejected()
    {
        byte[] file = SaveToBytes(new IoFloatSigmoidNet());
        var target = new IoFloatBiasNet();

        AssertRejected(
            target,
            () => LoadFromBytes(target, file),
            "'activations'",
            "expected Tanh (2), Identity (0)",
            "found Sigmoid (1), Identity (0) (weight layer 1 differs)");
    }

    [Fact]
    public void UndefinedActivationValue_IsRejected()
    {
        byte[] file = SmallFile();
        file[26] = 42;
        file = Reseal(file);
        var target = new IoFloatNoBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "'activations'", "42 (not an Activation value)");
    }

    [Fact]
    public void OtherLeakySlope_IsRejected()
    {
        byte[] file = SaveToBytes(new IoFloatSlopeNet());
        var target = new IoFloatBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "'LeakySlope'", "expected 0.01", "found 0.2");
    }

    [Fact]
    public void FileWithoutBiasIntoNetworkWithBias_IsRejected()
    {
        byte[] file = SaveToBytes(new IoFloatNoBiasNet());
        var target = new IoFloatBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "'has-bias'", "expected 1 (biases)", "found 0 (no biases)");
    }

    [Fact]
    public void FileWithBiasIntoNetworkWithoutBias_IsRejected()
    {
        byte[] file = SaveToBytes(new IoDoubleBiasNet());
        var target = new IoDoubleNoBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "'has-bias'", "expected 0 (no biases)", "found 1 (biases)");
    }

    [Fact]
    public void WrongParameterCount_IsRejected()
    {
        byte[] file = SmallFile();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(36), 21);
        file = Reseal(file);
        var target = new IoFloatNoBiasNet();

        AssertRejected(target, () => LoadFromBytes(target, file), "'parameter count'", "expected 20, found 21");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(100, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    public void TrailingGarbage_IsRejected(int extra, bool seekable)
    {
        byte[] file = SmallFile().Concat(Enumerable.Repeat((byte)0xAB, extra)).ToArray();
        var target = new IoFloatNoBiasNet();

        WeightFileException exception = AssertRejected(
            target, () => NetworkWeights.Load(target, new TrickleStream(file, maxPerRead: 16, seekable)), "trailing data", "exactly 124 bytes");
        if (seekable)
        {
            Assert.Contains($"{extra} more byte(s)", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ThroughAPath_TheMessageNamesTheFile()
    {
        using var directory = new TempDirectory();
        string path = directory.File("wider.ngw");
        NetworkWeights.Save(new IoFloatWiderNet(), path);
        var target = new IoFloatBiasNet();

        AssertRejected(target, () => NetworkWeights.Load(target, path), "'layer sizes'", path);
    }

    [Fact]
    public void AValidFileStillLoadsAfterRejectedOnes()
    {
        var source = new IoFloatNoBiasNet();
        source.InitializeParameters(seed: 11);
        byte[] file = SmallFile();
        var target = new IoFloatNoBiasNet();
        Assert.Throws<WeightFileException>(() => LoadFromBytes(target, file.AsSpan(0, 50).ToArray()));

        LoadFromBytes(target, file);

        AssertParameters(Snapshot(source), target, "the valid file after a rejected one");
    }
}
