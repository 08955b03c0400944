using System;
using System.IO;
using Xunit;
using Xunit.Sdk;

namespace NetGen.Generator.Tests;

/// <summary>The snapshot helper must be able to fail, and must fail readably.</summary>
public sealed class SnapshotAssertTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "netgen-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private string Verified(string name) => Path.Combine(directory, name + ".verified.cs");

    private string Received(string name) => Path.Combine(directory, name + ".received.cs");

    [Fact]
    public void MissingVerifiedFile_FailsAndWritesReceived()
    {
        var failure = Assert.Throws<FailException>(() => SnapshotAssert.Matches("a\n", "New", directory, accept: false));

        Assert.Contains("no verified file", failure.Message);
        Assert.Equal("a\n", File.ReadAllText(Received("New")));
        Assert.False(File.Exists(Verified("New")));
    }

    [Fact]
    public void Mismatch_FailsWithLineDiffAndWritesReceived()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Verified("Changed"), "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n");

        var failure = Assert.Throws<FailException>(() => SnapshotAssert.Matches(
            "one\ntwo\nthree\nfour\nfive\nsix\nseven\nEIGHT\nnine\nten\n", "Changed", directory, accept: false));

        Assert.Contains("- eight", failure.Message);
        Assert.Contains("+ EIGHT", failure.Message);
        Assert.Contains("  five", failure.Message);     // three lines of context before...
        Assert.Contains("  ten", failure.Message);      // ...and after
        Assert.DoesNotContain("  four", failure.Message); // but no more
        Assert.True(File.Exists(Received("Changed")));
    }

    [Fact]
    public void Match_PassesIgnoringLineEndings_AndDeletesStaleReceived()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Verified("Same"), "line 1\r\nline 2\r\n");
        File.WriteAllText(Received("Same"), "stale");

        SnapshotAssert.Matches("line 1\nline 2\n", "Same", directory, accept: false);

        Assert.False(File.Exists(Received("Same")));
    }

    [Fact]
    public void Accept_OverwritesVerifiedAndPasses()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Verified("Accepted"), "old\n");

        SnapshotAssert.Matches("new\r\n", "Accepted", directory, accept: true);

        Assert.Equal("new\n", File.ReadAllText(Verified("Accepted")));
        Assert.False(File.Exists(Received("Accepted")));
    }
}
