using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace NetGen.Simd.Tests.Probe;

/// <summary>The result of one probe run.</summary>
public sealed record ProbeResult(string Arguments, IReadOnlyDictionary<string, string> Environment, int ExitCode,
    string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public string Describe() =>
        $"""
        dotnet exec NetGen.Simd.Probe.dll {Arguments}
        environment: {(Environment.Count == 0 ? "(defaults)" : string.Join(" ", Environment))}
        exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s
        --- standard output ---
        {(StandardOutput.Length > 4000 ? StandardOutput[..4000] + "…" : StandardOutput)}
        --- standard error ---
        {StandardError}
        """;
}

/// <summary>
/// Runs tests/NetGen.Simd.Probe, which the test project references so that the build copies it (with its
/// runtimeconfig.json) next to the test assembly, as a child process of the same dotnet installation.
/// </summary>
public static class ProbeProcess
{
    /// <summary>The probe next to the test assembly.</summary>
    public static string ProbePath { get; } = Path.Combine(AppContext.BaseDirectory, "NetGen.Simd.Probe.dll");

    /// <summary>
    /// Runs the probe with <paramref name="arguments"/> and the variables <paramref name="environment"/> on top of this
    /// process's environment, from which every JIT and runtime code-generation switch is removed first, so that a
    /// developer's or CI's own DOTNET_* settings cannot change what a configuration means.
    /// </summary>
    public static ProbeResult Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        Run(arguments, environment, timeout, oneCpu: false);

    /// <summary>
    /// As <see cref="Run(IReadOnlyList{string}, IReadOnlyDictionary{string, string}, TimeSpan)"/>; with
    /// <paramref name="oneCpu"/>, the probe runs pinned to CPU 0 (<c>taskset -c 0</c>, where taskset exists) and with
    /// DOTNET_PROCESSOR_COUNT=1, so the runtime sees one processor either way.
    /// </summary>
    public static ProbeResult Run(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, bool oneCpu)
    {
        if (!File.Exists(ProbePath))
        {
            throw new FileNotFoundException($"The probe is missing; building NetGen.Simd.Tests builds and copies it.", ProbePath);
        }

        string? taskset = oneCpu ? FindOnPath("taskset") : null;
        var startInfo = new ProcessStartInfo(taskset ?? DotNetHost)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (taskset is not null)
        {
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add("0");
            startInfo.ArgumentList.Add(DotNetHost);
        }

        startInfo.ArgumentList.Add("exec");
        startInfo.ArgumentList.Add(ProbePath);
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (string name in new List<string>(startInfo.Environment.Keys))
        {
            if (IsCodeGenerationSwitch(name))
            {
                startInfo.Environment.Remove(name);
            }
        }

        foreach ((string name, string value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        if (oneCpu)
        {
            startInfo.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("The probe did not start.");
        process.StandardInput.Close();
        Task<string> standardOutput = process.StandardOutput.ReadToEndAsync();
        Task<string> standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"The probe ({string.Join(' ', arguments)}) did not finish within {timeout.TotalSeconds:F0} s.");
        }

        return new ProbeResult(string.Join(' ', arguments), environment, process.ExitCode, standardOutput.Result,
            standardError.Result, clock.Elapsed);
    }

    /// <summary>The full path of <paramref name="program"/> in a directory of PATH, or null.</summary>
    private static string? FindOnPath(string program)
    {
        foreach (string directory in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(directory, program);
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The dotnet host running these tests (the SDK passes it as DOTNET_HOST_PATH), else dotnet from PATH.</summary>
    private static string DotNetHost
    {
        get
        {
            string? host = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host))
            {
                return host;
            }

            string? self = System.Environment.ProcessPath;
            return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        }
    }

    /// <summary>DOTNET_ and COMPlus_ switches of the JIT, the instruction sets, tiering and ReadyToRun.</summary>
    private static bool IsCodeGenerationSwitch(string name)
    {
        string? setting = name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) ? name[7..]
            : name.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase) ? name[8..]
            : null;
        return setting is not null && (
            setting.StartsWith("Enable", StringComparison.OrdinalIgnoreCase)
            || setting.StartsWith("Jit", StringComparison.OrdinalIgnoreCase)
            || setting.StartsWith("Tiered", StringComparison.OrdinalIgnoreCase)
            || setting.StartsWith("TC_", StringComparison.OrdinalIgnoreCase)
            || setting.StartsWith("OSR", StringComparison.OrdinalIgnoreCase)
            || setting.Equals("ReadyToRun", StringComparison.OrdinalIgnoreCase)
            || setting.Equals("PreferredVectorBitWidth", StringComparison.OrdinalIgnoreCase)
            || setting.Equals("MaxVectorTBitWidth", StringComparison.OrdinalIgnoreCase));
    }
}
