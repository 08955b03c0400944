using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.IO;
using NetGen.Onnx;
using NetGen.Tests.Sequence;
using Xunit;

namespace NetGen.Tests.IO;

/// <summary>
/// One exception contract for every loader: content errors are the format's <see cref="NetworkFileException"/>
/// naming the file, a missing file or a directory is <see cref="FileNotFoundException"/> naming the path, and the
/// network is untouched either way.
/// </summary>
public sealed class LoadExceptionContractTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "netgen-contract-" + Guid.NewGuid().ToString("N"));

    public LoadExceptionContractTests() => Directory.CreateDirectory(_folder);

    /// <summary>Every path loader, with the network it loads into and whether its format is JSON.</summary>
    public static TheoryData<string> Loaders => new(Load.Keys);

    private static readonly Dictionary<string, (Func<object> Create, Action<object, string> Load, bool Json)> Load = new()
    {
        ["NetworkWeights"] = (() => new IoFloatBiasNet(), (n, p) => NetworkWeights.Load((IoFloatBiasNet)n, p), false),
        ["PyTorchWeights dense"] = (() => new IoFloatBiasNet(), (n, p) => PyTorchWeights.Load((IoFloatBiasNet)n, p), true),
        ["PyTorchWeights sequence"] = (() => new AmpModelD(), (n, p) => PyTorchWeights.Load((AmpModelD)n, p), true),
        ["KerasWeights"] = (() => new IoFloatBiasNet(), (n, p) => KerasWeights.Load((IoFloatBiasNet)n, p), true),
        ["RTNeuralWeights"] = (() => new AmpModelD(), (n, p) => RTNeuralWeights.Load((AmpModelD)n, p), true),
        ["OnnxModel dense"] = (() => new IoFloatBiasNet(), (n, p) => OnnxModel.Load((IoFloatBiasNet)n, p), false),
        ["OnnxModel sequence"] = (() => new AmpModelD(), (n, p) => OnnxModel.Load((AmpModelD)n, p), false),
    };

    [Theory]
    [MemberData(nameof(Loaders))]
    public void Directory_IsFileNotFound_NamingThePath_AndChangesNothing(string loader)
    {
        AssertRefused<FileNotFoundException>(loader, _folder, e => Assert.Equal(_folder, e.FileName));
    }

    [Theory]
    [MemberData(nameof(Loaders))]
    public void MissingFile_IsFileNotFound(string loader)
    {
        string path = Path.Combine(_folder, "missing.bin");
        AssertRefused<FileNotFoundException>(loader, path, e => Assert.Equal(path, e.FileName));
    }

    [Theory]
    [MemberData(nameof(Loaders))]
    public void Garbage_IsTheFormatsFileException_NamingTheFile(string loader)
    {
        string path = Write("garbage", [0x7B, 0xFF, 0x00, 0x13, 0x37, 0x22, 0x5B, 0x80, 0xC3]);
        AssertRefused<NetworkFileException>(loader, path, e => Assert.Equal(path, e.FileName));
    }

    [Theory]
    [MemberData(nameof(Loaders))]
    public void InvalidUtf8InsideJsonStrings_IsTheFormatsFileException(string loader)
    {
        if (!Load[loader].Json)
        {
            return;   // binary formats: covered by Garbage_…
        }

        // Structurally valid JSON whose first key holds a byte that is not UTF-8.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"0.we"), 0xFF, .. Encoding.UTF8.GetBytes("ight\": [[1.0]], \"in_shape\": [1], \"layers\": []}")];
        string path = Write("bad-utf8.json", bytes);

        AssertRefused<NetworkFileException>(loader, path, e =>
        {
            Assert.Equal(path, e.FileName);
            Assert.Contains("not valid UTF-8 (from byte 7)", e.Message, StringComparison.Ordinal);
        });
    }

    /// <summary>A file of another kind names that kind and the call that reads it (issue: JSON to the ONNX reader, …).</summary>
    [Theory]
    [InlineData("OnnxModel dense", "json", "looks like JSON text: a PyTorch state_dict is read by PyTorchWeights.Load")]
    [InlineData("OnnxModel sequence", "ngw", "looks like a NetGen weight file: read it with NetworkWeights.Load")]
    [InlineData("PyTorchWeights dense", "onnx", "looks like an ONNX model (binary protobuf): read it with OnnxModel.Load")]
    [InlineData("RTNeuralWeights", "ngw", "looks like a NetGen weight file")]
    [InlineData("KerasWeights", "onnx", "read it with OnnxModel.Load")]
    [InlineData("NetworkWeights", "json", "looks like JSON text")]
    [InlineData("NetworkWeights", "onnx", "looks like an ONNX model")]
    public void FileOfAnotherKind_NamesTheKindAndTheCallThatReadsIt(string loader, string kind, string expected)
    {
        var dense = new IoFloatBiasNet();
        dense.InitializeParameters(seed: 4);
        using var onnx = new MemoryStream();
        OnnxModel.Save(dense, onnx);
        byte[] bytes = kind switch
        {
            "json" => Encoding.UTF8.GetBytes("\n  {\"0.weight\": [[1.0]]}"),
            "onnx" => onnx.ToArray(),
            _ => WeightTestSupport.SaveToBytes(dense),
        };
        string path = Write("other." + kind, bytes);

        AssertRefused<NetworkFileException>(loader, path, e =>
        {
            Assert.Equal(path, e.FileName);
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        });
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The loader throws exactly <typeparamref name="TException"/> (or a subclass) and leaves the parameters as they were.</summary>
    private static void AssertRefused<TException>(string loader, string path, Action<TException> check)
        where TException : Exception
    {
        object network = Load[loader].Create();
        double[] before = WeightTestSupport.ParametersOf(network);

        Exception thrown = Assert.ThrowsAny<Exception>(() => Load[loader].Load(network, path));

        TException expected = Assert.IsAssignableFrom<TException>(thrown);
        check(expected);
        Assert.Equal(before, WeightTestSupport.ParametersOf(network));
    }
}
