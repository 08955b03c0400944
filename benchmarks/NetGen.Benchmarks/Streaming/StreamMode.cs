using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using NetGen.Benchmarks.Plain;

namespace NetGen.Benchmarks.Streaming;

/// <summary>
/// <c>--stream</c>: the sequence models timed the way a real-time plugin runs them, in a plain loop over a stream of
/// samples (one <c>Step</c> per call) and in 256-frame blocks (<c>Process</c>), next to a plain fixed-size C++
/// implementation (<c>benchmarks/cpp/sequence_reference.cpp</c>, g++ -O3 -march=native when g++ is present) timed
/// the same way on the same parameters and samples; one run, one table of ratios. <c>--stream --pinned</c> runs every
/// process on CPU 0.
/// </summary>
internal static class StreamMode
{
    private const string ChildOption = "--stream-model";
    private const string ResultTag = "#stream";

    /// <summary>Relative difference allowed between NetGen's and the C++ reference's outputs (float rounding over 64 steps).</summary>
    private const double CheckTolerance = 1e-4;

    public static bool TryRun(string[] args, out int exitCode)
    {
        (exitCode, bool handled) = args switch
        {
            ["--stream"] => (RunAll(pinned: false), true),
            ["--stream", "--pinned"] => (RunAll(pinned: true), true),
            [ChildOption, string key] => (RunModel(key), true),
            _ => (0, false),
        };
        return handled;
    }

    private static int RunAll(bool pinned)
    {
        var wall = Stopwatch.StartNew();
        Console.WriteLine("NetGen benchmarks, streaming mode" + (pinned ? ", every process pinned to CPU 0" : ""));
        Console.WriteLine($"CPU:     {MachineInfo.CpuName()} ({MachineInfo.CpuModel() ?? "model unknown"}), {Environment.ProcessorCount} logical cores");
        Console.WriteLine($".NET:    {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        Console.WriteLine();
        string directory = Path.Combine(Path.GetTempPath(), $"netgen-stream-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            string data = Path.Combine(directory, "models.bin");
            float[] pool = StreamModel.Pool();
            WriteData(data, pool);
            var ours = StreamModel.All.ToDictionary(m => m.Key, m => RunChild(m, pinned));
            (Dictionary<string, (double Step, double Block)> cpp, Dictionary<string, double[]> checks, string note) =
                RunReference(directory, data, pinned);

            Console.WriteLine($"{"Model",-28} {"step ns",9} {"C++ ns",9} {"ratio",6}   {"block ns/frame",14} {"C++",9} {"ratio",6}");
            foreach (StreamModel model in StreamModel.All)
            {
                (double step, double block) = ours[model.Key];
                (double Step, double Block)? theirs = cpp.TryGetValue(model.Key, out var c) ? c : null;
                Console.WriteLine(
                    $"{model.Label,-28} {F(step),9} {(theirs is { } t ? F(t.Step) : "-"),9} {Ratio(step, theirs?.Step),6}   " +
                    $"{F(block),14} {(theirs is { } u ? F(u.Block) : "-"),9} {Ratio(block, theirs?.Block),6}");
            }

            bool checksPass = true;
            foreach (StreamModel model in StreamModel.All.Where(m => checks.ContainsKey(m.Key)))
            {
                float[] mine = model.First64(model.Parameters, pool);
                double[] reference = checks[model.Key];
                if (!mine.Zip(reference).All(p => Math.Abs(p.First - p.Second) <= CheckTolerance * Math.Max(1, Math.Abs(p.Second))))
                {
                    checksPass = false;
                    Console.WriteLine($"CHECK FAILED ({model.Key}): the C++ reference's outputs differ from NetGen's.");
                }
            }

            Console.WriteLine();
            if (checks.Count > 0 && checksPass)
            {
                Console.WriteLine($"Checked: the C++ reference's first 64 outputs equal NetGen's within {CheckTolerance:0e0} (relative) for every model.");
            }

            Console.WriteLine(
                $"step: ns per single-sample Step in a plain loop over a pool of {StreamModel.PoolSize} samples; block: ns per frame of " +
                $"Process on {StreamModel.BlockSize}-frame blocks (C++: {StreamModel.BlockSize} steps); median of {PlainTimer.Batches} " +
                $"batches of ~{PlainTimer.BatchMilliseconds} ms after 1 s of warm-up, one process per model.");
            Console.WriteLine(note);
            Console.WriteLine($"Streaming mode took {wall.Elapsed.TotalSeconds:F1} s.");
            return checksPass ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int RunModel(string key)
    {
        StreamModel model = StreamModel.All.Single(m => m.Key == key);
        (PlainTimer.Batch step, PlainTimer.Batch block) = model.Loops(model.Parameters, StreamModel.Pool());
        double stepNs = PlainTimer.Measure(step);
        double blockNs = PlainTimer.Measure(block) / StreamModel.BlockSize;
        Console.WriteLine(string.Join('\t', ResultTag, key, R(stepNs), R(blockNs)));
        return 0;
    }

    private static (double Step, double Block) RunChild(StreamModel model, bool pinned)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        List<string> arguments = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [Assembly.GetEntryAssembly()!.Location] : [];
        arguments.AddRange([ChildOption, model.Key]);
        foreach (string line in ExternalTools.Run(host, arguments, pinned))
        {
            if (line.Split('\t') is [ResultTag, _, string step, string block])
            {
                return (Parse(step), Parse(block));
            }
        }

        throw new InvalidOperationException($"{model.Label}: the child process printed no result.");
    }

    private static (Dictionary<string, (double, double)>, Dictionary<string, double[]>, string) RunReference(
        string directory, string data, bool pinned)
    {
        ExternalTools.CppResults cpp = ExternalTools.RunCppReference("sequence_reference.cpp", directory, data, pinned);
        var results = new Dictionary<string, (double, double)>();
        if (cpp.Values.Count > 0)
        {
            foreach (StreamModel model in StreamModel.All)
            {
                results[model.Key] = (cpp.Values[(model.Key, "step")], cpp.Values[(model.Key, "block")]);
            }
        }

        return (results, cpp.Checks, cpp.Note);
    }

    /// <summary>Per model its parameters, then the input pool: int32 count, float32 values each.</summary>
    private static void WriteData(string path, float[] pool)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (StreamModel model in StreamModel.All)
        {
            foreach (float[] values in new[] { model.Parameters, pool })
            {
                writer.Write(values.Length);
                foreach (float value in values)
                {
                    writer.Write(value);
                }
            }
        }
    }

    private static string Ratio(double ours, double? theirs) =>
        theirs is double t ? (ours / t).ToString("F2", CultureInfo.InvariantCulture) : "-";

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString(value < 100 ? "F1" : "N0", CultureInfo.InvariantCulture);
}
