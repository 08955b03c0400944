using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace NetGen.Benchmarks.Plain;

/// <summary>Running child processes and the C++ compiler for the plain-loop modes.</summary>
internal static class ExternalTools
{
    /// <summary>Runs a program to the end (on CPU 0 when <paramref name="pinned"/>) and returns its standard output's lines.</summary>
    public static IEnumerable<string> Run(string program, IReadOnlyList<string> arguments, bool pinned)
    {
        var start = new ProcessStartInfo(pinned ? "taskset" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (pinned)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("0");
            start.ArgumentList.Add(program);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with code {process.ExitCode}: {error.Trim()}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>benchmarks/cpp/<paramref name="name"/>, found upwards from the program's folder.</summary>
    public static string? FindSource(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "benchmarks", "cpp", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>g++'s version, or "version unknown".</summary>
    public static string GccVersion()
    {
        try
        {
            return Run("g++", ["-dumpfullversion"], pinned: false).FirstOrDefault()?.Trim() ?? "version unknown";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "version unknown";
        }
    }
}
