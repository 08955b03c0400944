using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using Xunit;

namespace NetGen.Onnx.Tests;

/// <summary>Export, then import into a fresh network of the same class, gives the same parameters bit for bit.</summary>
public class RoundTripTests
{
    public static IEnumerable<object[]> Networks() => TestModels.NetworkNames();

    [Theory]
    [MemberData(nameof(Networks))]
    public void Import_of_export_restores_every_parameter_bitwise(string name)
    {
        switch (OnnxNetworks.Create(name))
        {
            case INetwork<float> source:
                RoundTrip(source, (INetwork<float>)OnnxNetworks.Create(name));
                break;
            case INetwork<double> source:
                RoundTrip(source, (INetwork<double>)OnnxNetworks.Create(name));
                break;
        }
    }

    [Fact]
    public void Save_and_load_through_a_file_replace_it_atomically()
    {
        var source = new MixedDoubleBias();
        TestModels.Randomize(source, seed: 3);
        string directory = Path.Combine(Path.GetTempPath(), "netgen-onnx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "model.onnx");
            File.WriteAllText(path, "an older file that the save replaces");

            OnnxModel.Save(source, path);
            var target = new MixedDoubleBias();
            OnnxModel.Load(target, path);

            Assert.Equal(TestModels.Bits<double>(source.Parameters), TestModels.Bits<double>(target.Parameters));
            Assert.Equal(TestModels.Export(source), File.ReadAllBytes(path));
            Assert.Equal(new[] { "model.onnx" }, Directory.GetFiles(directory).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Export_is_deterministic_and_leaves_the_stream_open_after_the_model()
    {
        var network = new SoftmaxFloatBias();
        TestModels.Randomize(network, seed: 4);
        using var stream = new MemoryStream();
        stream.WriteByte(0xAB);

        OnnxModel.Save(network, stream);

        Assert.True(stream.CanWrite);
        Assert.Equal(TestModels.Export(network), stream.ToArray().AsSpan(1).ToArray());
    }

    private static void RoundTrip<T>(INetwork<T> source, INetwork<T> target)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TestModels.Randomize(source, seed: 21);
        Assert.NotEqual(TestModels.Bits<T>(source.Parameters), TestModels.Bits<T>(target.Parameters));

        TestModels.Import(target, TestModels.Export(source));

        Assert.Equal(TestModels.Bits<T>(source.Parameters), TestModels.Bits<T>(target.Parameters));
    }
}
