using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// Snapshot comparison with Verify's file conventions: <c>Snapshots/&lt;Name&gt;.verified.cs</c> is committed next
/// to the tests; a mismatch writes <c>&lt;Name&gt;.received.cs</c> beside it (git-ignored) and fails with a line
/// diff. Run with <c>NETGEN_ACCEPT_SNAPSHOTS=1</c> to overwrite the verified files instead.
/// </summary>
internal static class SnapshotAssert
{
    public const string AcceptVariable = "NETGEN_ACCEPT_SNAPSHOTS";

    private const int ContextLines = 3;
    private const int MaxDiffLines = 200;

    public static void Matches(string actual, string name, [CallerFilePath] string callerFile = "") =>
        Matches(actual, name, SnapshotDirectory(callerFile), Environment.GetEnvironmentVariable(AcceptVariable) == "1");

    /// <summary>The comparison itself, with the directory and the accept switch explicit (for the helper's own tests).</summary>
    internal static void Matches(string actual, string name, string directory, bool accept)
    {
        string verifiedPath = Path.Combine(directory, name + ".verified.cs");
        string receivedPath = Path.Combine(directory, name + ".received.cs");
        string received = NormalizeLineEndings(actual);

        if (accept)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, received, Utf8NoBom);
            File.Delete(receivedPath);
            return;
        }

        string? verified = File.Exists(verifiedPath) ? NormalizeLineEndings(File.ReadAllText(verifiedPath)) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, received, Utf8NoBom);
        string how = $"Compare the files, or run with {AcceptVariable}=1 to accept the received text.";
        Assert.Fail(verified is null
            ? $"Snapshot '{name}' has no verified file yet.\nReceived: {receivedPath}\n{how}"
            : $"Snapshot '{name}' differs from {verifiedPath}\nReceived: {receivedPath}\n{how}\n\n"
              + Diff(verified, received));
    }

    /// <summary>Only the changed lines, with a few lines of context; '-' is verified, '+' is received.</summary>
    internal static string Diff(string verified, string received)
    {
        List<DiffPiece> lines = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false).Lines;
        var show = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Inserted or ChangeType.Deleted or ChangeType.Modified)
            {
                for (int j = Math.Max(0, i - ContextLines); j <= Math.Min(lines.Count - 1, i + ContextLines); j++)
                {
                    show[j] = true;
                }
            }
        }

        var text = new StringBuilder();
        int verifiedLine = 0, receivedLine = 0, written = 0;
        bool inHunk = false;
        for (int i = 0; i < lines.Count; i++)
        {
            DiffPiece line = lines[i];
            bool inVerified = line.Type != ChangeType.Inserted;
            bool inReceived = line.Type != ChangeType.Deleted;
            verifiedLine += inVerified ? 1 : 0;
            receivedLine += inReceived ? 1 : 0;
            if (!show[i])
            {
                inHunk = false;
                continue;
            }

            if (written++ == MaxDiffLines)
            {
                text.AppendLine("... (diff truncated)");
                break;
            }

            if (!inHunk)
            {
                text.AppendLine($"@@ verified line {verifiedLine}, received line {receivedLine} @@");
                inHunk = true;
            }

            string prefix = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            text.Append(prefix).AppendLine(line.Text);
        }

        return text.ToString();
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static string NormalizeLineEndings(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>
    /// <c>Snapshots/</c> next to the calling test file. When the build mapped source paths away (deterministic CI
    /// builds), finds the test project by walking up from the test binaries instead.
    /// </summary>
    private static string SnapshotDirectory(string callerFile)
    {
        string? callerDirectory = Path.GetDirectoryName(callerFile);
        if (!string.IsNullOrEmpty(callerDirectory) && Directory.Exists(callerDirectory))
        {
            return Path.Combine(callerDirectory, "Snapshots");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetGen.Generator.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Snapshots");
            }
        }

        throw new InvalidOperationException($"Cannot find the snapshot directory for '{callerFile}'.");
    }
}
