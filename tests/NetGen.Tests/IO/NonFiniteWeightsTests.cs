using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using System.Linq;
using NetGen.IO;
using NetGen.Onnx;
using NetGen.Tests.Sequence;
using Xunit;
using static NetGen.Tests.IO.WeightTestSupport;

namespace NetGen.Tests.IO;

/// <summary>
/// One rule for non-finite weights in every format: loaders refuse NaN and ±∞ naming where they are (the JSON and
/// ONNX tests cover those formats' readers), and savers refuse to write a file no loader would read back.
/// </summary>
public sealed class NonFiniteWeightsTests
{
    public static TheoryData<int> NonFiniteBits => new()
    {
        0x7FC1_2345,                   // quiet NaN with a payload
        unchecked((int)0xFFC0_0001),   // negative NaN
        0x7F80_0000,                   // +∞
        unchecked((int)0xFF80_0000),   // −∞
    };

    [Theory]
    [MemberData(nameof(NonFiniteBits))]
    public void BinarySave_RefusesANonFiniteWeight_NamingIt_AndWritesNothing(int bits)
    {
        var network = new IoFloatNoBiasNet();
        network.Parameters[5] = BitConverter.Int32BitsToSingle(bits);
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "w.ngw");
        using var stream = new MemoryStream();

        var toPath = Assert.Throws<ArgumentException>(() => NetworkWeights.Save(network, path));
        var toStream = Assert.Throws<ArgumentException>(() => NetworkWeights.Save(network, stream));

        Assert.Contains($"parameter 5 (layer 1 W[1][1]) is {Text(bits)}", toPath.Message, StringComparison.Ordinal);
        Assert.Equal("network", toStream.ParamName);
        Assert.Empty(Directory.GetFiles(directory.Path));
        Assert.Equal(0, stream.Length);
    }

    [Theory]
    [MemberData(nameof(NonFiniteBits))]
    public void BinaryLoad_RefusesAFileHoldingANonFiniteWeight_NamingIt(int bits)
    {
        // A valid file (checksum included) whose parameter 5 another writer made non-finite.
        var source = new IoFloatNoBiasNet();
        source.InitializeParameters(seed: 3);
        byte[] file = SaveToBytes(source);
        const int header = 25 + (5 * 3);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(header + (4 * 5)), bits);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 4), Crc32.HashToUInt32(file.AsSpan(0, file.Length - 4)));
        var target = new IoFloatNoBiasNet();
        float[] before = target.Parameters.ToArray();

        var error = Assert.Throws<WeightFileException>(() => LoadFromBytes(target, file));

        Assert.Contains($"not finite: parameter 5 (layer 1 W[1][1]) is {Text(bits)}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, target.Parameters.ToArray());
    }

    [Fact]
    public void OnnxSave_RefusesANonFiniteWeight_DenseAndSequence()
    {
        var dense = new IoFloatBiasNet();
        dense.Parameters[^1] = float.NaN;
        var sequence = new AmpModelD();
        sequence.Parameters[3] = double.NegativeInfinity;

        Assert.Contains("parameter 25 (layer 2 b[1]) is NaN",
            Assert.Throws<ArgumentException>(() => OnnxModel.Save(dense, new MemoryStream())).Message, StringComparison.Ordinal);
        Assert.Contains("parameter 3 is -Infinity",
            Assert.Throws<ArgumentException>(() => OnnxModel.Save(sequence, new MemoryStream())).Message, StringComparison.Ordinal);
    }

    private static string Text(int bits) =>
        BitConverter.Int32BitsToSingle(bits).ToString(null, System.Globalization.CultureInfo.InvariantCulture);
}
