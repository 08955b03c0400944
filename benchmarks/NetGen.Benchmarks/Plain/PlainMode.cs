using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Benchmarks.Plain;

/// <summary>
/// <c>--plain</c>: the generated members timed the way an application calls them, in a plain loop (see
/// <see cref="PlainTimer"/>), next to a plain fixed-size C++ implementation of the same networks
/// (<c>benchmarks/cpp/reference.cpp</c>, compiled with <c>g++ -O3 -march=native</c> when g++ is on the PATH) timed the
/// same way on the same parameters and samples, and the ratios NetGen / C++ of one run. <c>--plain --pinned</c> runs
/// every process on one CPU (<c>taskset -c 0</c>), as real-time programs often do.
/// </summary>
internal static class PlainMode
{
    private const string ChildOption = "--plain-network";
    private const string ResultTag = "#plain";
    private const float LearningRate = StandardNetworkBenchmarks.LearningRate;

    /// <summary>Relative difference allowed between NetGen's and the C++ reference's first output (float rounding).</summary>
    private const double CheckTolerance = 1e-5;

    public static bool TryRun(string[] args, out int exitCode)
    {
        (exitCode, bool handled) = args switch
        {
            ["--plain"] => (RunAll(pinned: false), true),
            ["--plain", "--pinned"] => (RunAll(pinned: true), true),
            [ChildOption, string key] => (RunNetwork(key), true),
            _ => (0, false),
        };
        return handled;
    }

    private static int RunAll(bool pinned)
    {
        var wall = Stopwatch.StartNew();
        PrintEnvironment(pinned);
        string directory = Path.Combine(Path.GetTempPath(), $"netgen-plain-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            string data = Path.Combine(directory, "networks.bin");
            WriteData(data);

            var netgen = new Dictionary<string, PlainResult>();
            foreach (PlainNetwork network in PlainNetwork.All)
            {
                netgen[network.Key] = RunChild(network, pinned);
            }

            (Dictionary<string, PlainResult> cpp, Dictionary<string, double[]> checks, string? cppNote) = RunReference(directory, data, pinned);
            PrintTable(netgen, cpp);
            PrintChecks(checks);
            Console.WriteLine();
            Console.WriteLine(
                $"ns per call: median of {PlainTimer.Batches} batches of ~{PlainTimer.BatchMilliseconds} ms after 1 s of warm-up, a plain loop " +
                "calling the member directly (one process per network). forward: each call on the next sample of a pool of " +
                $"{PlainSamples.Rows}; chained: each call's first input is the previous output; SGD: SgdStep(x, y, η); Adam: " +
                "TrainStep(x, y) of the network declared with OptimizerKind.Adam (C++: the Adam update fused into backpropagation).");
            if (cppNote is not null)
            {
                Console.WriteLine(cppNote);
            }

            Console.WriteLine($"Plain mode took {wall.Elapsed.TotalSeconds:F1} s.");
            return cpp.Count == 0 || checks.Keys.All(k => Matches(k, checks[k])) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The child: every measurement of one network; one tab-separated line.</summary>
    private static int RunNetwork(string key)
    {
        PlainNetwork network = PlainNetwork.All.Single(n => n.Key == key);
        PlainResult r = network.Measure(LearningRate);
        Console.WriteLine(string.Join('\t', ResultTag, key, F(r.Forward), F(r.Chained), F(r.Sgd), F(r.Adam)));
        return 0;
    }

    private static PlainResult RunChild(PlainNetwork network, bool pinned)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        List<string> arguments = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [Assembly.GetEntryAssembly()!.Location] : [];
        arguments.AddRange([ChildOption, network.Key]);
        foreach (string line in ExternalTools.Run(host, arguments, pinned))
        {
            if (line.Split('\t') is [ResultTag, _, string forward, string chained, string sgd, string adam])
            {
                return new PlainResult(Parse(forward), Parse(chained), Parse(sgd), Parse(adam));
            }
        }

        throw new InvalidOperationException($"{network.Label}: the child process printed no result.");
    }

    /// <summary>Compiles and runs the C++ reference; empty results and a note when g++ is not available.</summary>
    private static (Dictionary<string, PlainResult>, Dictionary<string, double[]>, string?) RunReference(string directory, string data, bool pinned)
    {
        ExternalTools.CppResults cpp = ExternalTools.RunCppReference("reference.cpp", directory, data, pinned);
        var results = new Dictionary<string, PlainResult>();
        if (cpp.Values.Count > 0)
        {
            foreach (PlainNetwork network in PlainNetwork.All)
            {
                string k = network.Key;
                results[k] = new PlainResult(cpp.Values[(k, "forward")], cpp.Values[(k, "chained")], cpp.Values[(k, "sgd")], cpp.Values[(k, "adam")]);
            }
        }

        return (results, cpp.Checks, cpp.Note);
    }

    /// <summary>The learning rate, then per network its parameters, inputs and targets: int32 count, float32 values.</summary>
    private static void WriteData(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        void Write(float[] values)
        {
            writer.Write(values.Length);
            foreach (float value in values)
            {
                writer.Write(value);
            }
        }

        Write([LearningRate]);
        foreach (PlainNetwork network in PlainNetwork.All)
        {
            Write(network.Parameters);
            Write(network.Samples.Inputs);
            Write(network.Samples.Targets);
        }
    }

    private static bool Matches(string key, double[] reference)
    {
        float[] ours = PlainNetwork.All.Single(n => n.Key == key).FirstOutput();
        return ours.Length == reference.Length
            && ours.Zip(reference).All(p => Math.Abs(p.First - p.Second) <= CheckTolerance * Math.Max(1, Math.Abs(p.Second)));
    }

    private static void PrintChecks(Dictionary<string, double[]> checks)
    {
        foreach ((string key, double[] reference) in checks.OrderBy(c => c.Key))
        {
            if (!Matches(key, reference))
            {
                Console.WriteLine($"CHECK FAILED ({key}): the C++ reference's first output differs from NetGen's; the columns compare different computations.");
            }
        }

        if (checks.Count > 0 && checks.Keys.All(k => Matches(k, checks[k])))
        {
            Console.WriteLine(
                $"Checked: for every network the C++ reference's output for the first sample equals NetGen's within {CheckTolerance:0e0} (relative).");
        }
    }

    private static void PrintTable(Dictionary<string, PlainResult> netgen, Dictionary<string, PlainResult> cpp)
    {
        Console.WriteLine($"{"Network",-20} {"Operation",-9} {"NetGen ns",10} {"C++ ns",10} {"NetGen/C++",10}");
        foreach (PlainNetwork network in PlainNetwork.All)
        {
            PlainResult ours = netgen[network.Key];
            PlainResult? theirs = cpp.GetValueOrDefault(network.Key);
            (string Name, double Ours, double? Theirs)[] rows =
            [
                ("forward", ours.Forward, theirs?.Forward),
                ("chained", ours.Chained, theirs?.Chained),
                ("SGD", ours.Sgd, theirs?.Sgd),
                ("Adam", ours.Adam, theirs?.Adam),
            ];
            for (int i = 0; i < rows.Length; i++)
            {
                (string name, double o, double? t) = rows[i];
                string ratio = t is double c ? (o / c).ToString("F2", CultureInfo.InvariantCulture) : "-";
                string label = i == 0 ? network.Label : "";
                Console.WriteLine($"{label,-20} {name,-9} {F0(o),10} {(t is double c2 ? F0(c2) : "-"),10} {ratio,10}");
            }
        }
    }

    private static void PrintEnvironment(bool pinned)
    {
        Console.WriteLine("NetGen benchmarks, plain-loop mode" + (pinned ? ", every process pinned to CPU 0" : ""));
        Console.WriteLine($"CPU:     {MachineInfo.CpuName()} ({MachineInfo.CpuModel() ?? "model unknown"}), {Environment.ProcessorCount} logical cores");
        Console.WriteLine($".NET:    {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier}), {RuntimeInformation.OSDescription}");
        Console.WriteLine(
            $"SIMD:    Vector128 {Vector128.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, " +
            $"Vector512 {Vector512.IsHardwareAccelerated}");
        Console.WriteLine();
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string F0(double value) =>
        value.ToString(value < 100 ? "F1" : "N0", CultureInfo.InvariantCulture);
}
