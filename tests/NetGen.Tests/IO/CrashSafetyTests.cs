using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using NetGen.CrashProbe;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.IO;

/// <summary>
/// Saves are atomic even when the process dies: a child process (tests/NetGen.CrashProbe) saves two parameter sets
/// alternately to one path and is killed with SIGKILL at a random moment, again and again; after every kill the file
/// is exactly one of the two complete saves, and temporary files never pile up (at most the one a killed save left,
/// which the next save reuses).
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Kills = 50;

    [Theory]
    [InlineData("binary")]
    [InlineData("onnx")]
    [InlineData("onnx-sequence")]
    public void KilledDuringSaves_TheFileIsAlwaysACompleteSave_AndNoTemporaryFilesPileUp(string format)
    {
        byte[][] expected = [SavedNetworks.Expected(format, 0), SavedNetworks.Expected(format, 1)];
        Assert.NotEqual(expected[0], expected[1]);
        using var directory = new TempDirectory();
        string path = directory.File("model");
        var random = new Random(16);
        int[] seen = new int[2];
        int partialTemporaries = 0;

        for (int kill = 0; kill < Kills; kill++)
        {
            DateTime before = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
            using Process child = Start(format, path);
            try
            {
                // Running once a save has completed since the start; then killed a random moment later.
                var clock = Stopwatch.StartNew();
                while (!File.Exists(path) || File.GetLastWriteTimeUtc(path) == before)
                {
                    Assert.False(child.HasExited, $"The probe exited with code {(child.HasExited ? child.ExitCode : 0)}.");
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The probe completed no save in 30 s.");
                    Thread.Sleep(5);
                }

                Thread.Sleep(random.Next(0, 40));
            }
            finally
            {
                child.Kill();   // SIGKILL on Unix: no finally blocks, no flushing
                child.WaitForExit();
            }

            byte[] content = File.ReadAllBytes(path);
            int set = content.AsSpan().SequenceEqual(expected[0]) ? 0 : content.AsSpan().SequenceEqual(expected[1]) ? 1 : -1;
            Assert.True(set >= 0, $"Kill {kill}: the file holds {content.Length} bytes that are neither complete save.");
            seen[set]++;

            string[] others = Directory.GetFiles(directory.Path).Where(f => f != path).ToArray();
            Assert.True(others.Length <= 1, $"Kill {kill}: temporary files pile up: {string.Join(", ", others)}");
            partialTemporaries += others.Length;
        }

        output.WriteLine($"{format}: {Kills} kills; file held set A {seen[0]} times, set B {seen[1]} times; " +
            $"a killed save's temporary file was left after {partialTemporaries} kills");
        Assert.True(seen[0] > 0 && seen[1] > 0, "The kills never fell between different saves: the test proved little.");

        // The next save (here, in this process) reuses the leftover and leaves only the file.
        SavedNetworks.Saver(format, path)(0);
        Assert.Equal(expected[0], File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    private static Process Start(string format, string path)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NetGen.CrashProbe.dll"));
        start.ArgumentList.Add("save-loop");
        start.ArgumentList.Add(format);
        start.ArgumentList.Add(path);
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }
}
