using System;
using System.IO;
using System.Text;
using NetGen.IO;
using Xunit;
using static NetGen.Tests.IO.WeightTestSupport;

namespace NetGen.Tests.IO;

/// <summary>
/// Every weight loader says where the data it rejects came from, the same way for every format: a load from a path
/// ends the message with "(file: path)" and sets <see cref="WeightFileException.FileName"/> to the path; a load from
/// a <see cref="FileStream"/> does the same with the stream's file; a load from any other stream ends the message
/// with "(read from a stream)" and has no file name. The network keeps its parameters in every case.
/// </summary>
public sealed class WeightFileSourceTests
{
    private const string NetGenBinary = "NetGen binary";
    private const string PyTorch = "PyTorch";
    private const string Keras = "Keras";
    private const string Corrupt = "corrupt";
    private const string Mismatched = "mismatched";

    /// <summary>Each format with a file that is damaged and one that is valid but describes another network.</summary>
    public static TheoryData<string, string> Cases() => new()
    {
        { NetGenBinary, Corrupt },
        { NetGenBinary, Mismatched },
        { PyTorch, Corrupt },
        { PyTorch, Mismatched },
        { Keras, Corrupt },
        { Keras, Mismatched },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FromAPath_TheMessageAndFileNameGiveThePath(string format, string kind)
    {
        using var directory = new TempDirectory();
        string path = directory.File(kind + ".weights");
        File.WriteAllBytes(path, Bytes(format, kind));
        INetwork<float> target = Target(format);

        WeightFileException exception = AssertRejected(target, () => LoadFromPath(format, target, path), path);

        Assert.EndsWith($" (file: {path})", exception.Message, StringComparison.Ordinal);
        Assert.Equal(path, exception.FileName);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryFormatsContentError_IsCaughtAsANetworkFileException_WithTheFile(string format, string kind)
    {
        using var directory = new TempDirectory();
        string path = directory.File(kind + ".weights");
        File.WriteAllBytes(path, Bytes(format, kind));
        INetwork<float> target = Target(format);

        // How an application catches every content error of every format in one place.
        NetworkFileException? caught = null;
        try
        {
            LoadFromPath(format, target, path);
        }
        catch (NetworkFileException exception)
        {
            caught = exception;
        }

        Assert.NotNull(caught);
        Assert.Equal(path, caught.FileName);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FromAFileStream_TheMessageAndFileNameGiveTheStreamsFile(string format, string kind)
    {
        using var directory = new TempDirectory();
        string path = directory.File(kind + ".weights");
        File.WriteAllBytes(path, Bytes(format, kind));
        INetwork<float> target = Target(format);
        using FileStream stream = File.OpenRead(path);

        WeightFileException exception = AssertRejected(target, () => LoadFromStream(format, target, stream), path);

        Assert.EndsWith($" (file: {path})", exception.Message, StringComparison.Ordinal);
        Assert.Equal(path, exception.FileName);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FromAMemoryStream_TheMessageSaysStream_AndThereIsNoFileName(string format, string kind)
    {
        INetwork<float> target = Target(format);
        using var stream = new MemoryStream(Bytes(format, kind), writable: false);

        WeightFileException exception = AssertRejected(target, () => LoadFromStream(format, target, stream), "stream");

        Assert.EndsWith(" (read from a stream)", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.FileName);
    }

    [Fact]
    public void JsonLoaders_RejectAnUnreadableStreamAsAnArgument()
    {
        var network = new IoTinyFloatNet();
        var closed = new MemoryStream();
        closed.Dispose();

        Assert.Throws<ArgumentException>("json", () => PyTorchWeights.Load(network, closed));
        Assert.Throws<ArgumentException>("json", () => KerasWeights.Load(network, closed));
    }

    /// <summary>The network each format's files are written for, with parameters that a partial load would change.</summary>
    private static INetwork<float> Target(string format)
    {
        INetwork<float> network = format == NetGenBinary ? new IoFloatBiasNet() : new IoTinyFloatNet();
        network.InitializeParameters(seed: 17);
        return network;
    }

    private static byte[] Bytes(string format, string kind)
    {
        switch (format, kind)
        {
            case (NetGenBinary, Corrupt):
                // One flipped bit among the parameters: the checksum fails.
                var source = new IoFloatBiasNet();
                source.InitializeParameters(seed: 5);
                byte[] file = SaveToBytes(source);
                file[60] ^= 0x10;
                return file;
            case (NetGenBinary, Mismatched):
                return SaveToBytes(new IoFloatWiderNet());
            case (PyTorch, Corrupt):
                return Encoding.UTF8.GetBytes("""{"0.weight": [[1, -2], [0.5, 3]], "0.bias": [0.25,""");
            case (PyTorch, Mismatched):
                // Layer 1 has three inputs; the network's has two.
                return Encoding.UTF8.GetBytes(
                    """{"0.weight": [[1, -2, 4], [0.5, 3, 4]], "0.bias": [0.25, -1], "2.weight": [[2, -1]], "2.bias": [0.5]}""");
            case (Keras, Corrupt):
                return Encoding.UTF8.GetBytes("""{"layers": [{"kernel": [[1, 0.5], [-2, 3]],""");
            case (Keras, Mismatched):
                return Encoding.UTF8.GetBytes(
                    """{"layers": [{"kernel": [[1, 0.5, 2], [-2, 3, 2]], "bias": [0.25, -1]}, {"kernel": [[2], [-1]], "bias": [0.5]}]}""");
            default:
                throw new ArgumentException($"No {kind} file for {format}.");
        }
    }

    private static void LoadFromPath(string format, INetwork<float> network, string path)
    {
        switch (format)
        {
            case NetGenBinary:
                NetworkWeights.Load(network, path);
                break;
            case PyTorch:
                PyTorchWeights.Load(network, path);
                break;
            case Keras:
                KerasWeights.Load(network, path);
                break;
            default:
                throw new ArgumentException($"Unknown format {format}.", nameof(format));
        }
    }

    private static void LoadFromStream(string format, INetwork<float> network, Stream stream)
    {
        switch (format)
        {
            case NetGenBinary:
                NetworkWeights.Load(network, stream);
                break;
            case PyTorch:
                PyTorchWeights.Load(network, stream);
                break;
            case Keras:
                KerasWeights.Load(network, stream);
                break;
            default:
                throw new ArgumentException($"Unknown format {format}.", nameof(format));
        }
    }
}
