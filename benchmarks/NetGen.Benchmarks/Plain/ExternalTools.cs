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

    /// <summary>What a C++ reference printed: its timings by (key, measurement), its check lines, and a note for the report.</summary>
    public sealed record CppResults(Dictionary<(string Key, string What), double> Values, Dictionary<string, double[]> Checks, string Note);

    /// <summary>
    /// Compiles benchmarks/cpp/<paramref name="sourceName"/> with g++ -O3 -march=native into <paramref name="directory"/>
    /// and runs it on <paramref name="data"/>: lines "&lt;key&gt; &lt;what&gt; &lt;ns&gt;" and "check &lt;key&gt; values…". Empty results
    /// and a note saying why when the source or g++ is missing.
    /// </summary>
    public static CppResults RunCppReference(string sourceName, string directory, string data, bool pinned)
    {
        var values = new Dictionary<(string, string), double>();
        var checks = new Dictionary<string, double[]>();
        string? source = FindSource(sourceName);
        if (source is null)
        {
            return new CppResults(values, checks, $"C++ reference: benchmarks/cpp/{sourceName} not found, so no C++ column.");
        }

        string binary = Path.Combine(directory, Path.GetFileNameWithoutExtension(sourceName));
        string[] flags = ["-O3", "-march=native", "-std=c++17"];
        try
        {
            Run("g++", [.. flags, "-o", binary, source], pinned: false).ToList();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new CppResults(values, checks, $"C++ reference: not built ({e.Message.Split('\n')[0]}), so no C++ column.");
        }

        foreach (string line in Run(binary, [data], pinned))
        {
            string[] fields = line.Split(' ');
            if (fields is ["check", string key, ..])
            {
                checks[key] = fields.Skip(2).Select(Parse).ToArray();
            }
            else if (fields is [string key2, string what, string nanoseconds])
            {
                values[(key2, what)] = Parse(nanoseconds);
            }
        }

        return new CppResults(values, checks, $"C++: g++ {string.Join(' ', flags)} ({GccVersion()}), benchmarks/cpp/{sourceName}.");
    }

    private static double Parse(string text) => double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
