using System;
using System.IO;
using NetGen.IO;
using Xunit;
using static NetGen.Tests.IO.WeightTestSupport;

namespace NetGen.Tests.IO;

/// <summary>
/// Saving to a path replaces the file whole or not at all: a failure at any point leaves the old file intact and
/// no temporary file behind.
/// </summary>
public sealed class NetworkWeightsAtomicSaveTests
{
    [Fact]
    public void Save_ReplacesAnExistingFileCompletely()
    {
        using var directory = new TempDirectory();
        string path = directory.File("net.ngw");
        File.WriteAllBytes(path, new byte[10_000]);   // longer than the new content: nothing of it may remain
        var source = new IoFloatBiasNet();
        source.InitializeParameters(seed: 8);

        NetworkWeights.Save(source, path);

        Assert.Equal(SaveToBytes(source), File.ReadAllBytes(path));
        Assert.Empty(OtherFiles(directory.Path, "net.ngw"));
    }

    [Theory]
    [InlineData(1)]   // before anything is written
    [InlineData(2)]   // after the header, before the first chunk of parameters
    [InlineData(3)]   // after 64 KiB of parameters
    [InlineData(4)]   // after 128 KiB, in the last chunk
    public void Save_ThatFailsMidway_LeavesTheOldFileAndNoTemporaryFile(int failOnAccess)
    {
        using var directory = new TempDirectory();
        string path = directory.File("net.ngw");
        var old = new IoLargeNet();
        old.InitializeParameters(seed: 1);
        NetworkWeights.Save(old, path);
        byte[] oldBytes = File.ReadAllBytes(path);
        var failing = new FailingNetwork<float>(new IoLargeNet(), failOnAccess);

        var exception = Assert.Throws<InvalidOperationException>(() => NetworkWeights.Save(failing, path));

        Assert.Contains("Simulated failure", exception.Message, StringComparison.Ordinal);
        Assert.Equal(failOnAccess, failing.ParameterAccesses);
        Assert.Equal(oldBytes, File.ReadAllBytes(path));
        Assert.Empty(OtherFiles(directory.Path, "net.ngw"));
        var reloaded = new IoLargeNet();
        NetworkWeights.Load(reloaded, path);
        AssertParameters(Snapshot(old), reloaded, "the old file still loads");
    }

    [Fact]
    public void Save_ThatFailsMidway_CreatesNoFileWhereNoneWas()
    {
        using var directory = new TempDirectory();
        string path = directory.File("net.ngw");
        var failing = new FailingNetwork<float>(new IoLargeNet(), failOnAccess: 3);

        Assert.Throws<InvalidOperationException>(() => NetworkWeights.Save(failing, path));

        Assert.Empty(OtherFiles(directory.Path));
    }

    [Fact]
    public void Save_ThatFailsAtTheReplace_LeavesNoTemporaryFile()
    {
        using var directory = new TempDirectory();
        string target = directory.File("occupied");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "keep");

        Exception exception = Record.Exception(() => NetworkWeights.Save(new IoFloatBiasNet(), target));

        Assert.True(exception is IOException or UnauthorizedAccessException, $"unexpected {exception?.GetType()}");
        Assert.Empty(OtherFiles(directory.Path, "occupied"));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(target, "keep.txt")));
    }

    [Fact]
    public void Save_IntoAMissingDirectory_Throws()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "missing", "net.ngw");

        Assert.Throws<DirectoryNotFoundException>(() => NetworkWeights.Save(new IoFloatBiasNet(), path));

        Assert.Empty(OtherFiles(directory.Path));
    }

    [Fact]
    public void Save_ToAPathThatNamesNoFile_IsAnArgumentError()
    {
        using var directory = new TempDirectory();

        Assert.Throws<ArgumentException>("path", () => NetworkWeights.Save(new IoFloatBiasNet(), directory.Path + Path.DirectorySeparatorChar));

        Assert.Empty(OtherFiles(directory.Path));
    }

    [Fact]
    public void SaveToStream_ThatFailsMidway_PropagatesTheFailure()
    {
        using var stream = new MemoryStream();
        var failing = new FailingNetwork<float>(new IoLargeNet(), failOnAccess: 3);

        Assert.Throws<InvalidOperationException>(() => NetworkWeights.Save(failing, stream));

        Assert.True(stream.Length > 0 && stream.Length < 29 + 15 + (IoLargeNet.ParameterCount * 4), "a partial write, as expected of a plain stream");
    }
}
