using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetGen.Benchmarks.Plain;
using NetGen.Nam;

namespace NetGen.Benchmarks.Nam;

/// <summary>
/// <c>--nam</c>: <see cref="NamModel.Process"/> timed the way an audio host calls it (consecutive blocks of 1, 32, 64
/// and 256 samples over plucked notes), and with <c>--namcore &lt;dir&gt;</c> NAM core built from that tree and timed
/// the same way on the same models and samples in the same run, with ratios and a check that both outputs agree.
/// Every model runs in a child process of its own, on CPU 0 with <c>--pinned</c>.
/// </summary>
internal static class NamMode
{
    private const string ChildOption = "--nam-child";

    /// <summary>Relative RMS difference above which the two outputs are reported as different computations.</summary>
    public const double CheckTolerance = 1e-4;

    private sealed record Options(List<string> Paths, string? NamCore, bool Pinned, bool FastTanh);

    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args is [ChildOption, string path, string size, string signal, string segments, string output, string tanh])
        {
            exitCode = NamPlayer.Run(path, size, signal, segments, output, fastTanh: tanh == "fast");
            return true;
        }

        if (args is not ["--nam", ..])
        {
            return false;
        }

        Options? options = Parse(args[1..]);
        if (options is null)
        {
            Console.Error.WriteLine("usage: --nam <model.nam or folder> [more...] [--namcore <NAM core source dir>] [--pinned] [--fast-tanh]");
            exitCode = 2;
            return true;
        }

        exitCode = RunAll(options, args);
        return true;
    }

    private static Options? Parse(string[] args)
    {
        var paths = new List<string>();
        string? namCore = null;
        bool pinned = false, fastTanh = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--namcore" when i + 1 < args.Length:
                    namCore = args[++i];
                    break;
                case "--pinned":
                    pinned = true;
                    break;
                case "--fast-tanh":
                    fastTanh = true;
                    break;
                case string a when a.StartsWith("--", StringComparison.Ordinal):
                    return null;
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        return paths.Count == 0 ? null : new Options(paths, namCore, pinned, fastTanh);
    }

    private static int RunAll(Options options, string[] args)
    {
        var wall = Stopwatch.StartNew();
        Console.WriteLine("NetGen benchmarks, NAM mode" + (options.Pinned ? ", every process pinned to CPU 0" : ""));
        Console.WriteLine($"Command: dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- {string.Join(' ', args)}");
        Console.WriteLine($"Date:    {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"CPU:     {MachineInfo.CpuName()} ({MachineInfo.CpuModel() ?? "model unknown"}), {Environment.ProcessorCount} logical cores");
        Console.WriteLine($".NET:    {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier}), {RuntimeInformation.OSDescription}");
        Console.WriteLine($"SIMD:    Vector128 {Vector128.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector512 {Vector512.IsHardwareAccelerated}");
        Console.WriteLine($"g++:     {ExternalTools.GccVersion()}");

        string? program = null;
        string namCoreNote = "NAM core: not given (--namcore <dir>), so no NAM core columns.";
        if (options.NamCore is string tree)
        {
            (program, namCoreNote) = NamCoreBuild.Build(tree);
        }

        Console.WriteLine(namCoreNote);
        Console.WriteLine(options.FastTanh
            ? "Tanh:    NAM's fast tanh in both (--fast-tanh: NAM core's switch, NetGen's NamOptions.FastTanh)."
            : "Tanh:    exact in both (NAM core's fast tanh off).");
        Console.WriteLine();

        string directory = Path.Combine(Path.GetTempPath(), $"netgen-nam-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            List<NamReport.Entry> rows = NamTarget.Expand(options.Paths).Select(t => Measure(t, options, program, directory)).ToList();
            NamReport.Print(rows, program is not null, options.FastTanh);
            Console.WriteLine($"NAM mode took {wall.Elapsed.TotalSeconds:F1} s.");
            bool agree = rows.All(r => r.RelativeRms is not double e || e <= CheckTolerance);
            return agree && rows.All(r => r.Error is null) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static NamReport.Entry Measure(NamTarget target, Options options, string? program, string directory)
    {
        double sampleRate;
        try
        {
            double rate = NamModel.Open(target.Path).SampleRate;
            sampleRate = double.IsNaN(rate) ? 48000 : rate;
        }
        catch (Exception e) when (e is NamFormatException or IOException or UnauthorizedAccessException)
        {
            return new NamReport.Entry(target.Label, double.NaN, null, null, null, $"NetGen: {e.Message}");
        }

        string rate0 = sampleRate.ToString(CultureInfo.InvariantCulture);
        string signal = Path.Combine(directory, $"signal-{rate0}.f32");
        string segments = Path.Combine(directory, $"segments-{rate0}.f32");
        if (!File.Exists(signal))
        {
            NamSignal.Write(signal, NamSignal.Timing(sampleRate));
            NamSignal.Write(segments, NamSignal.Segments(sampleRate));
        }

        string size = target.Size is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "-";
        string ourOutput = Path.Combine(directory, "netgen.f32");
        string theirOutput = Path.Combine(directory, "namcore.f32");
        try
        {
            string host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
            List<string> arguments = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [Assembly.GetEntryAssembly()!.Location] : [];
            arguments.AddRange([ChildOption, target.Path, size, signal, segments, ourOutput, options.FastTanh ? "fast" : "exact"]);
            NamMeasured ours = Collect(ExternalTools.Run(host, arguments, options.Pinned));
            if (program is null)
            {
                return new NamReport.Entry(target.Label, sampleRate, ours, null, null, null);
            }

            List<string> cpp = [target.Path, signal, segments, theirOutput, "--blocks", string.Join(',', NamPlayer.Blocks),
                "--runs", NamPlayer.Runs.ToString(CultureInfo.InvariantCulture)];
            if (target.Size is not null)
            {
                cpp.AddRange(["--slim", size]);
            }

            if (options.FastTanh)
            {
                cpp.Add("--fast-tanh");
            }

            NamMeasured theirs = Collect(ExternalTools.Run(program, cpp, options.Pinned));
            return new NamReport.Entry(target.Label, sampleRate, ours, theirs, RelativeRms(NamSignal.Read(ourOutput), NamSignal.Read(theirOutput)), null);
        }
        catch (InvalidOperationException e)
        {
            return new NamReport.Entry(target.Label, sampleRate, null, null, null, e.Message.Split('\n')[0]);
        }
    }

    private static NamMeasured Collect(IEnumerable<string> lines)
    {
        var measured = new NamMeasured();
        foreach (string line in lines)
        {
            if (line.Trim().Split(' ') is [NamPlayer.Tag, string what, string key, string cpu, string wall])
            {
                measured[(what, key)] = (Parse(cpu), Parse(wall));
            }
        }

        return measured;
    }

    /// <summary>‖ours − theirs‖ / ‖theirs‖ over the whole signal.</summary>
    private static double RelativeRms(float[] ours, float[] theirs)
    {
        double difference = 0, energy = 0;
        for (int i = 0; i < Math.Min(ours.Length, theirs.Length); i++)
        {
            difference += (ours[i] - (double)theirs[i]) * (ours[i] - (double)theirs[i]);
            energy += (double)theirs[i] * theirs[i];
        }

        return ours.Length == theirs.Length ? Math.Sqrt(difference / energy) : double.PositiveInfinity;
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
