using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace NetGen.Benchmarks;

/// <summary>What the result tables say about the machine they were measured on.</summary>
internal static class MachineInfo
{
    public static string CpuName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            string? line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null && line.IndexOf(':') is int colon and >= 0)
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The CPU's family and model numbers, where /proc/cpuinfo gives them (e.g. "family 25, model 1").</summary>
    public static string? CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return null;
        }

        string[] lines = File.ReadLines(cpuInfo).TakeWhile(l => l.Length > 0).ToArray();
        string? Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':')[1].Trim();
        return Field("cpu family") is { } family && Field("model\t") is { } model ? $"family {family}, model {model}" : null;
    }
}
