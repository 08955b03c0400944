using System;
using System.Runtime.CompilerServices;
using NetGen.CompilerServices;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>Parameters, gradients and optimizer state start at a 64-byte boundary and stay there.</summary>
public sealed class AlignedArrayTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(101_770)]
    public void First_IsAtA64ByteBoundary_ForFloatAndDouble(int length)
    {
        for (int i = 0; i < 50; i++)
        {
            var floats = new AlignedArray<float>(length + i);
            var doubles = new AlignedArray<double>(length + i);
            Assert.Equal(0, AddressOf(ref floats.First) % 64);
            Assert.Equal(0, AddressOf(ref doubles.First) % 64);
            Assert.Equal(length + i, floats.Span.Length);
            Assert.Equal(length + i, doubles.Length);
            Assert.True(floats.Span.IndexOfAnyExcept(0f) < 0, "a new array is all zero");
            Assert.True(Unsafe.AreSame(ref floats.First, ref floats.Span.GetPinnableReference()) || length + i == 0);
        }
    }

    /// <summary>The array is pinned: a compacting collection does not move it off the boundary.</summary>
    [Fact]
    public void First_StaysAligned_AfterCompactingCollections()
    {
        var arrays = new AlignedArray<float>[20];
        for (int i = 0; i < arrays.Length; i++)
        {
            _ = new byte[1000 + i];
            arrays[i] = new AlignedArray<float>(100 + i);
            arrays[i].Span.Fill(i);
        }

        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        for (int i = 0; i < arrays.Length; i++)
        {
            Assert.Equal(0, AddressOf(ref arrays[i].First) % 64);
            Assert.True(arrays[i].Span.IndexOfAnyExcept((float)i) < 0);
        }
    }

    [Fact]
    public void NegativeLength_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedArray<float>(-1));
        Assert.Equal("length", e.ParamName);
    }

    /// <summary>A generated network's Parameters and its Adam optimizer's moments start at a cache line.</summary>
    [Fact]
    public void GeneratedNetwork_ParametersAndOptimizerState_StartAtACacheLine()
    {
        for (int i = 0; i < 20; i++)
        {
            var net = new StudyScoreNet();
            var mnist = new MnistNet();
            Assert.Equal(0, AddressOf(ref net.Parameters[0]) % 64);
            Assert.Equal(0, AddressOf(ref mnist.Parameters[0]) % 64);
            var adam = new NetGen.Training.AdamOptimizer<float>(13);
            Assert.Equal(0, AddressOf(ref Unsafe.AsRef(in adam.FirstMoment[0])) % 64);
        }
    }

    private static long AddressOf<T>(ref T value) => Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref value);
}
