using System;
using System.Linq;
using NetGen.CompilerServices;
using Xunit;

namespace NetGen.Tests.Models;

/// <summary>
/// The string form of trained parameters: each value's bits as UTF-16 code units, low half first. Read in place on
/// little-endian processors; the reassembly that big-endian processors use gives the same values, checked here.
/// </summary>
public class TrainedDataTests
{
    private static readonly float[] Singles = [0.3f, -0.4f, 0f, -0f, float.Epsilon, float.MaxValue, 1e-30f, -123.456f];
    private static readonly double[] Doubles = [0.1, -2.5e-300, 0, -0.0, double.Epsilon, double.MaxValue, Math.PI];

    [Fact]
    public void Floats_ReadBackBitForBit_InPlaceAndReassembled()
    {
        string bits = Encode(Singles.Select(v => (ulong)BitConverter.SingleToUInt32Bits(v)), 2);

        Assert.Equal(Singles.Select(BitConverter.SingleToUInt32Bits), TrainedData.Read<float>(bits).ToArray().Select(BitConverter.SingleToUInt32Bits));
        Assert.Equal(Singles.Select(BitConverter.SingleToUInt32Bits), TrainedData.Reassemble<float>(bits).Select(BitConverter.SingleToUInt32Bits));
    }

    [Fact]
    public void Doubles_ReadBackBitForBit_InPlaceAndReassembled()
    {
        string bits = Encode(Doubles.Select(BitConverter.DoubleToUInt64Bits), 4);

        Assert.Equal(Doubles.Select(BitConverter.DoubleToUInt64Bits), TrainedData.Read<double>(bits).ToArray().Select(BitConverter.DoubleToUInt64Bits));
        Assert.Equal(Doubles.Select(BitConverter.DoubleToUInt64Bits), TrainedData.Reassemble<double>(bits).Select(BitConverter.DoubleToUInt64Bits));
    }

    [Fact]
    public void PartialValue_IsRefused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => TrainedData.Read<double>("\u0001\u0002\u0003"));
        Assert.Equal("bits", error.ParamName);
    }

    /// <summary>The generator's encoding, written independently: <paramref name="units"/> code units per value, low first.</summary>
    private static string Encode(System.Collections.Generic.IEnumerable<ulong> patterns, int units) =>
        string.Concat(patterns.SelectMany(p => Enumerable.Range(0, units).Select(k => (char)((p >> (16 * k)) & 0xFFFF))));
}
