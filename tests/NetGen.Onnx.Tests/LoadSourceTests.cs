using System;
using System.IO;
using Xunit;

namespace NetGen.Onnx.Tests;

/// <summary>
/// <see cref="OnnxModel.Load{T}(INetwork{T}, string)"/> and its stream overload say where a rejected model came
/// from, as the weight loaders do: a path (or a <see cref="FileStream"/>'s file) ends the message with
/// "(file: path)" and is <see cref="OnnxFormatException.FileName"/>; any other stream ends it with
/// "(read from a stream)" and leaves the file name null. The network keeps its parameters in every case.
/// </summary>
public sealed class LoadSourceTests
{
    /// <summary>An empty file, a truncated model and a valid model of another network, with what each message says.</summary>
    public static TheoryData<string, string> Cases() => new()
    {
        { "empty", "The ONNX model is empty" },
        { "truncated", "The data is not a valid ONNX model" },
        { "mismatched", "3 → 7 → 5" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void From_a_path_the_message_and_FileName_give_the_path(string kind, string reason)
    {
        string directory = CreateDirectory();
        try
        {
            string path = Path.Combine(directory, kind + ".onnx");
            File.WriteAllBytes(path, Model(kind));
            var target = Target();

            OnnxFormatException e = Reject(target, () => OnnxModel.Load(target, path));

            Assert.Contains(reason, e.Message);
            Assert.EndsWith($" (file: {path})", e.Message);
            Assert.Equal(path, e.FileName);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void From_a_FileStream_the_message_and_FileName_give_the_streams_file(string kind, string reason)
    {
        string directory = CreateDirectory();
        try
        {
            string path = Path.Combine(directory, kind + ".onnx");
            File.WriteAllBytes(path, Model(kind));
            var target = Target();
            OnnxFormatException e;
            using (FileStream stream = File.OpenRead(path))
            {
                e = Reject(target, () => OnnxModel.Load(target, stream));
            }

            Assert.Contains(reason, e.Message);
            Assert.EndsWith($" (file: {path})", e.Message);
            Assert.Equal(path, e.FileName);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void From_a_MemoryStream_the_message_says_stream_and_there_is_no_FileName(string kind, string reason)
    {
        var target = Target();
        using var stream = new MemoryStream(Model(kind), writable: false);

        OnnxFormatException e = Reject(target, () => OnnxModel.Load(target, stream));

        Assert.Contains(reason, e.Message);
        Assert.EndsWith(" (read from a stream)", e.Message);
        Assert.Null(e.FileName);
    }

    /// <summary>Asserts that <paramref name="load"/> throws <see cref="OnnxFormatException"/> and changes no parameter.</summary>
    private static OnnxFormatException Reject(SigmoidFloatBiasNarrow target, Action load)
    {
        long[] before = TestModels.Bits<float>(target.Parameters);

        OnnxFormatException e = Assert.Throws<OnnxFormatException>(load);

        Assert.Equal(before, TestModels.Bits<float>(target.Parameters));
        return e;
    }

    /// <summary>A 3 → 6 → 5 network with parameters that a partial load would change.</summary>
    private static SigmoidFloatBiasNarrow Target()
    {
        var network = new SigmoidFloatBiasNarrow();
        TestModels.Randomize(network, seed: 41);
        return network;
    }

    private static byte[] Model(string kind)
    {
        var other = new SigmoidFloatBias();
        TestModels.Randomize(other, seed: 42);
        byte[] model = TestModels.Export(other);
        return kind switch
        {
            "empty" => Array.Empty<byte>(),
            "truncated" => model.AsSpan(0, model.Length / 2).ToArray(),
            "mismatched" => model,
            _ => throw new ArgumentException($"Unknown kind {kind}.", nameof(kind)),
        };
    }

    private static string CreateDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "netgen-onnx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
