using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace NetGen.Package.Tests;

/// <summary>The outcome of one <c>dotnet</c> command: what was run, its exit code and everything it printed.</summary>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, string StandardOutput,
    string StandardError, TimeSpan Elapsed)
{
    /// <summary>The command, its exit code and both output streams, for a failure message.</summary>
    public string Describe() =>
        $"""
        Command: {CommandLine}
        Working directory: {WorkingDirectory}
        Exit code: {ExitCode} after {Elapsed.TotalSeconds:F1} s
        --- standard output ---
        {StandardOutput}
        --- standard error ---
        {StandardError}
        """;
}

/// <summary>Runs the <c>dotnet</c> CLI as a child process with a time limit, capturing its output.</summary>
internal static class DotNetCli
{
    /// <summary>How long to wait for the output streams to close after the process has exited.</summary>
    private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The dotnet host that runs these tests (the SDK sets <c>DOTNET_HOST_PATH</c> for the processes it starts), so
    /// that the child commands use the same installation; <c>dotnet</c> from PATH otherwise.
    /// </summary>
    private static string HostPath
    {
        get
        {
            string? hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
            {
                return hostPath;
            }

            string? processPath = Environment.ProcessPath;
            if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
            {
                return processPath;
            }

            return "dotnet";
        }
    }

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> and returns once it
    /// has exited; on <paramref name="timeout"/> the whole process tree is killed and an exception carries the output
    /// so far. A non-zero exit code is returned, not thrown: callers assert on it with <see cref="CommandResult.Describe"/>.
    /// </summary>
    /// <param name="environment">Variables to set (a null value removes the variable) on top of the inherited ones.</param>
    public static CommandResult Run(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(HostPath)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        ConfigureEnvironment(startInfo.Environment);
        if (environment is not null)
        {
            foreach ((string name, string? value) in environment)
            {
                if (value is null)
                {
                    startInfo.Environment.Remove(name);
                }
                else
                {
                    startInfo.Environment[name] = value;
                }
            }
        }

        string commandLine = "dotnet " + string.Join(' ', arguments);
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        // Not disposed: an output callback may still signal them after a timeout has thrown.
        var outputClosed = new ManualResetEventSlim();
        var errorClosed = new ManualResetEventSlim();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(standardOutput, e.Data, outputClosed);
        process.ErrorDataReceived += (_, e) => Append(standardError, e.Data, errorClosed);

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close(); // nothing may wait for input
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited just now.
            }

            process.WaitForExit(OutputDrainTimeout);
            throw new TimeoutException(
                $"'{commandLine}' did not finish within {timeout.TotalSeconds:F0} s and was killed." + Environment.NewLine
                + new CommandResult(commandLine, workingDirectory, -1, Snapshot(standardOutput), Snapshot(standardError),
                    stopwatch.Elapsed).Describe());
        }

        // A process that the command started and left running (a build server) may still hold the output pipes open,
        // so wait for the streams to close for a bounded time only.
        outputClosed.Wait(OutputDrainTimeout);
        errorClosed.Wait(OutputDrainTimeout);
        stopwatch.Stop();
        return new CommandResult(commandLine, workingDirectory, process.ExitCode, Snapshot(standardOutput),
            Snapshot(standardError), stopwatch.Elapsed);
    }

    /// <summary>
    /// Makes the child commands quiet, English and free of lingering processes, and independent of the MSBuild
    /// that may have started this test run: <c>dotnet test</c> passes MSBuild's own variables to the test host,
    /// and they must not steer a separate build.
    /// </summary>
    private static void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        var inherited = new List<string>(environment.Keys);
        foreach (string name in inherited)
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
            {
                environment.Remove(name);
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
    }

    private static void Append(StringBuilder builder, string? line, ManualResetEventSlim closed)
    {
        if (line is null)
        {
            closed.Set();
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
