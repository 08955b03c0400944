using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace NetGen.Benchmarks;

/// <summary>
/// <c>--quick</c>: every <see cref="StandardNetworkBenchmarks"/> benchmark (4 networks × 14) with a short
/// BenchmarkDotNet job, then one compact table: NetGen's time per call and allocation, and each baseline's time per
/// call with the ratio NetGen / baseline.
/// </summary>
/// <remarks>
/// <para>
/// Each network runs in a child process of its own (this program with <c>--quick-network</c>), so that the JIT's
/// profile-guided decisions for code shared between networks (TensorPrimitives, NetGen's runtime) do not depend on
/// which network ran before — the full mode goes further and runs every benchmark in its own process.
/// </para>
/// <para>
/// In the child: a warmup of every benchmark method (<see cref="WarmupRounds"/> rounds of calls with pauses, so that
/// tiered compilation has compiled the tier-1 code — large generic methods such as TensorPrimitives' otherwise run at
/// tier 0 for hundreds of milliseconds), then BenchmarkDotNet with the in-process emit toolchain (no per-benchmark build
/// or process): jitting stage, pilot, <see cref="WarmupCount"/> warmup and <see cref="IterationCount"/> measured
/// iterations of about <see cref="IterationMilliseconds"/> ms. The table shows the median of the measured iterations.
/// </para>
/// <para>
/// Allocations are measured separately, on the calling thread (<see cref="GC.GetAllocatedBytesForCurrentThread"/>):
/// BenchmarkDotNet's in-process memory diagnoser counts the whole process, and from the second benchmark of a process on
/// it sees about 2 KB per iteration of its own (any benchmark, even a 1 ms spin loop, then shows ~26 B per call). The
/// full mode's out-of-process memory diagnoser has no such noise.
/// </para>
/// </remarks>
internal static class QuickMode
{
    public const int WarmupCount = 2;
    public const int IterationCount = 5;
    public const int IterationMilliseconds = 60;

    /// <summary>Milliseconds of calls per benchmark method in each warmup round before BenchmarkDotNet starts.</summary>
    private static readonly int[] WarmupRounds = [50, 30, 30];

    private const int WarmupPauseMilliseconds = 250;
    private const int AllocationMilliseconds = 20;
    private const string ChildOption = "--quick-network";
    private const string ResultTag = "#result";
    private const string ErrorTag = "#error";

    private static readonly (Type Type, string Label)[] Networks =
    [
        (typeof(Sigmoid_2_3_1_Benchmarks), "(a) 2-3-1 sigmoid"),
        (typeof(Tanh_8_16_16_1_Benchmarks), "(b) 8-16-16-1 tanh"),
        (typeof(Relu_64_32_10_Benchmarks), "(c) 64-32-10 ReLU"),
        (typeof(Relu_784_128_10_Benchmarks), "(d) 784-128-10 ReLU"),
    ];

    private static readonly (string Operation, string Label)[] OperationRows =
    [
        (Operations.Forward, "Forward (1 row)"),
        (Operations.ForwardBatch, $"ForwardBatch ({StandardNetworkBenchmarks.BatchRows} rows)"),
        (Operations.SgdStep, "SgdStep"),
        (Operations.AdamStep, "TrainStep Adam"),
    ];

    // The implementation of a benchmark method, from its name's prefix.
    private const string NetGen = "NetGen", ArrayMlp = "ArrayMlp", TensorPrimitives = "TensorPrimitives", OnnxRuntime = "OnnxRuntime";
    private static readonly string[] Implementations = [NetGen, ArrayMlp, TensorPrimitives, OnnxRuntime];

    /// <summary>Whether <paramref name="args"/> ask for the quick mode; runs it and sets <paramref name="exitCode"/> if so.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        (exitCode, bool handled) = args switch
        {
            ["--quick"] => (RunAll(null), true),
            ["--quick", string filter] => (RunAll(filter), true),
            [ChildOption, string network] => (RunNetwork(network), true),
            _ => (0, false),
        };
        return handled;
    }

    /// <summary>The parent: one child process per network, then the table.</summary>
    /// <param name="networkFilter">When not null, only the networks whose class name contains it (e.g. "784").</param>
    private static int RunAll(string? networkFilter)
    {
        var wall = Stopwatch.StartNew();
        PrintEnvironment();

        var results = new Dictionary<(Type Network, string Operation, string Implementation), Measurement>();
        var errors = new List<string>();
        Type[] types = Networks.Select(n => n.Type)
            .Where(t => networkFilter is null || t.Name.Contains(networkFilter, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        foreach (Type type in types)
        {
            RunChild(type, results, errors);
        }

        PrintTable(results);
        foreach (string error in errors)
        {
            Console.WriteLine($"ERROR: {error}");
        }

        if (results.Count == 0)
        {
            return 1;
        }

        Console.WriteLine();
        Console.WriteLine(
            $"ns per call: median of {IterationCount} iterations of ~{IterationMilliseconds} ms (BenchmarkDotNet, in-process, one process " +
            $"per network, after a warmup). ratio = NetGen ns / baseline ns (below 1: NetGen is faster).");
        Console.WriteLine($"Alloc: NetGen's bytes allocated per call (on the calling thread). {DescribeBaselineAllocations(results)}");
        PrintFmaPeak(results);
        Console.WriteLine($"Quick mode took {wall.Elapsed.TotalSeconds:F1} s.");
        bool complete = types.Length > 0 && results.Count == 14 * types.Length && results.Values.All(r => r.Nanoseconds is not null);
        return errors.Count == 0 && complete ? 0 : 1;
    }

    private static void RunChild(
        Type type, Dictionary<(Type, string, string), Measurement> results, List<string> errors)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add(ChildOption);
        start.ArgumentList.Add(type.Name);
        using Process child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        while (child.StandardOutput.ReadLine() is { } line)
        {
            string[] fields = line.Split('\t');
            if (fields is [ResultTag, string operation, string implementation, string nanoseconds, string allocated])
            {
                results[(type, operation, implementation)] = new Measurement(ParseOrNull(nanoseconds), ParseOrNull(allocated));
            }
            else if (fields is [ErrorTag, string error])
            {
                errors.Add($"{type.Name}: {error}");
            }
            else
            {
                Console.WriteLine(line);   // e.g. a warning from a cleanup, or the verbose log
            }
        }

        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            errors.Add($"{type.Name}: the child process exited with code {child.ExitCode}.");
        }
    }

    /// <summary>The child: warmup, BenchmarkDotNet and allocations for one network; one tab-separated line per result.</summary>
    private static int RunNetwork(string typeName)
    {
        Type type = Networks.Select(n => n.Type).Single(t => t.Name == typeName);
        try
        {
            Warmup(type);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } setupFailure)
        {
            // The global setup's checks failed: the comparison would be meaningless.
            Console.WriteLine($"{ErrorTag}\t{setupFailure.GetType().Name}: {setupFailure.Message.ReplaceLineEndings(" ")}");
            return 1;
        }

        Job job = new Job("Quick")
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithIterationTime(TimeInterval.FromMilliseconds(IterationMilliseconds));
        var logger = new QuietLogger(total: 14);
        IConfig config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(Environment.GetEnvironmentVariable("NETGEN_QUICK_VERBOSE") == "1" ? ConsoleLogger.Default : logger)
            .WithOptions(ConfigOptions.DisableLogFile);
        Summary summary = BenchmarkRunner.Run(type, config);
        logger.EndProgress();

        var nanoseconds = new Dictionary<MethodInfo, double?>();
        foreach (BenchmarkReport report in summary.Reports)
        {
            nanoseconds[report.BenchmarkCase.Descriptor.WorkloadMethod] = report.ResultStatistics?.Median;
        }

        Dictionary<MethodInfo, double> allocated = MeasureAllocations(type, nanoseconds);
        foreach (MethodInfo method in BenchmarkMethods(type))
        {
            string operation = method.GetCustomAttribute<BenchmarkCategoryAttribute>()!.Categories[0];
            Console.WriteLine(string.Join(
                '\t', ResultTag, operation, ImplementationOf(method), Format(nanoseconds.GetValueOrDefault(method)), Format(allocated.GetValueOrDefault(method, double.NaN))));
        }

        foreach (string error in logger.Errors)
        {
            Console.WriteLine($"{ErrorTag}\t{error}");
        }

        return 0;

        static string Format(double? value) => value is double v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
    }

    /// <summary>
    /// Calls every benchmark method of a fresh instance of <paramref name="type"/> for <see cref="WarmupRounds"/>
    /// milliseconds per round, pausing after each round so that the background compiler can install the next tier.
    /// </summary>
    private static void Warmup(Type type)
    {
        StandardNetworkBenchmarks instance = CreateAndSetup(type);
        try
        {
            Func<float>[] calls = BenchmarkMethods(type).Select(m => m.CreateDelegate<Func<float>>(instance)).ToArray();
            foreach (int milliseconds in WarmupRounds)
            {
                foreach (Func<float> call in calls)
                {
                    var time = Stopwatch.StartNew();
                    do
                    {
                        call();
                    }
                    while (time.ElapsedMilliseconds < milliseconds);
                }

                Thread.Sleep(WarmupPauseMilliseconds);
            }
        }
        finally
        {
            instance.Cleanup();
        }
    }

    /// <summary>
    /// Bytes allocated per call of every benchmark method of <paramref name="type"/>, on the calling thread: a fresh
    /// instance, 20 calls (first-call work), then calls for about <see cref="AllocationMilliseconds"/> ms.
    /// </summary>
    private static Dictionary<MethodInfo, double> MeasureAllocations(Type type, Dictionary<MethodInfo, double?> nanoseconds)
    {
        var allocated = new Dictionary<MethodInfo, double>();
        StandardNetworkBenchmarks instance = CreateAndSetup(type);
        try
        {
            foreach (MethodInfo method in BenchmarkMethods(type))
            {
                var call = method.CreateDelegate<Func<float>>(instance);
                long calls = Math.Clamp((long)(AllocationMilliseconds * 1e6 / (nanoseconds.GetValueOrDefault(method) ?? 1e6)), 10, 1_000_000);
                for (int i = 0; i < 20; i++)
                {
                    call();
                }

                long before = GC.GetAllocatedBytesForCurrentThread();
                for (long i = 0; i < calls; i++)
                {
                    call();
                }

                allocated[method] = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
            }
        }
        finally
        {
            instance.Cleanup();
        }

        return allocated;
    }

    private static StandardNetworkBenchmarks CreateAndSetup(Type type)
    {
        var instance = (StandardNetworkBenchmarks)Activator.CreateInstance(type)!;
        type.GetMethods().Single(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null).Invoke(instance, null);
        return instance;
    }

    private static IEnumerable<MethodInfo> BenchmarkMethods(Type type) =>
        type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).OrderBy(m => m.Name, StringComparer.Ordinal);

    private static string ImplementationOf(MethodInfo method) => Implementations.First(method.Name.StartsWith);

    private static double? ParseOrNull(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

    private static void PrintEnvironment()
    {
        Console.WriteLine("NetGen benchmarks, quick mode");
        Console.WriteLine($"CPU:     {MachineInfo.CpuName()} ({Environment.ProcessorCount} logical cores)");
        Console.WriteLine($".NET:    {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier}), {RuntimeInformation.OSDescription}");
        Console.WriteLine(
            $"SIMD:    Vector128 {Vector128.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, " +
            $"Vector512 {Vector512.IsHardwareAccelerated}");
        Console.WriteLine(
            $"Tools:   BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version?.ToString(3)}, " +
            $"ONNX Runtime {OnnxRuntimeMlp.Version} (CPU provider, 1 thread, IOBinding), System.Numerics.Tensors " +
            typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]);
        Console.WriteLine();
    }

    /// <summary>The core's measured FMA peak, and the share of it that (d)'s ForwardBatch reaches.</summary>
    private static void PrintFmaPeak(Dictionary<(Type, string, string), Measurement> results)
    {
        // FLOPs per row of (d) 784-128-10: a multiply and an add per weight, 2·(784·128 + 128·10) = 203,264
        // (biases and activations ignored).
        const double FlopsPerRow = 2.0 * (784 * 128 + 128 * 10);
        (double peak, int bits) = FmaPeak.Measure();
        string line = string.Create(CultureInfo.InvariantCulture, $"FMA peak of this core (measured, {bits}-bit): {peak:F0} GFLOP/s");
        if (results.GetValueOrDefault((typeof(Relu_784_128_10_Benchmarks), Operations.ForwardBatch, NetGen)).Nanoseconds is double batch)
        {
            double gflops = FlopsPerRow / (batch / StandardNetworkBenchmarks.BatchRows);   // FLOPs per ns = GFLOP/s
            line += string.Create(CultureInfo.InvariantCulture, $"; ForwardBatch (d): {gflops:F1} GFLOP/s = {100 * gflops / peak:F0}% of peak");
        }

        Console.WriteLine(line);
    }

    private static void PrintTable(Dictionary<(Type, string, string), Measurement> results)
    {
        string[] header = ["Network", "Operation", "NetGen ns", "Alloc", "ArrayMlp ns", "ratio", "TensorPrim ns", "ratio", "ONNX RT ns", "ratio"];
        var rows = new List<string[]>();
        foreach ((Type type, string network) in Networks)
        {
            if (!results.Keys.Any(key => key.Item1 == type))
            {
                continue;
            }

            bool first = true;
            foreach ((string operation, string label) in OperationRows)
            {
                Measurement netGen = results.GetValueOrDefault((type, operation, NetGen));
                var row = new List<string> { first ? network : "", label, Nanoseconds(netGen.Nanoseconds), Bytes(netGen.AllocatedBytes) };
                var perRow = new List<string> { "", "  per row", Nanoseconds(netGen.Nanoseconds / StandardNetworkBenchmarks.BatchRows), "" };
                foreach (string baseline in Implementations[1..])
                {
                    if (!results.TryGetValue((type, operation, baseline), out Measurement result))
                    {
                        row.AddRange(["-", ""]);
                        perRow.AddRange(["", ""]);
                        continue;
                    }

                    row.AddRange([Nanoseconds(result.Nanoseconds), Ratio(netGen.Nanoseconds, result.Nanoseconds)]);
                    perRow.AddRange([Nanoseconds(result.Nanoseconds / StandardNetworkBenchmarks.BatchRows), ""]);
                }

                rows.Add(row.ToArray());
                if (operation == Operations.ForwardBatch)
                {
                    rows.Add(perRow.ToArray());
                }

                first = false;
            }
        }

        if (rows.Count == 0)
        {
            Console.WriteLine("No results.");
            return;
        }

        int[] widths = header.Select((h, c) => Math.Max(h.Length, rows.Max(r => r[c].Length))).ToArray();
        string Format(string[] cells) =>
            string.Join("  ", cells.Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();

        Console.WriteLine(Format(header));
        Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (string[] row in rows)
        {
            Console.WriteLine(Format(row));
        }
    }

    private static string DescribeBaselineAllocations(Dictionary<(Type, string, string), Measurement> results)
    {
        string[] allocating = results
            .Where(r => r.Key.Item3 != NetGen && r.Value.AllocatedBytes is not 0)
            .Select(r => $"{r.Key.Item1.Name[..^"_Benchmarks".Length]} {r.Key.Item2} {r.Key.Item3}: {Bytes(r.Value.AllocatedBytes)}")
            .ToArray();
        return allocating.Length == 0 ? "No baseline allocates either." : $"Baselines that allocate: {string.Join("; ", allocating)}.";
    }

    private static string Nanoseconds(double? value) => value switch
    {
        null => "failed",
        < 100 => value.Value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static string Bytes(double? value) => value is double bytes ? $"{bytes.ToString("G3", CultureInfo.InvariantCulture)} B" : "?";

    private static string Ratio(double? netGen, double? baseline) =>
        netGen is double n && baseline is double b && b > 0
            ? (n / b).ToString(n / b >= 0.1 ? "F2" : "G2", CultureInfo.InvariantCulture)
            : "";

    private readonly record struct Measurement(double? Nanoseconds, double? AllocatedBytes);

    /// <summary>Swallows BenchmarkDotNet's log, keeps its errors, and shows one progress line on an interactive terminal.</summary>
    private sealed class QuietLogger(int total) : ILogger
    {
        private const string BenchmarkLine = "// Benchmark: ";
        private readonly StringBuilder _line = new();
        private readonly bool _progress = !Console.IsErrorRedirected;
        private int _started;

        public List<string> Errors { get; } = [];

        public string Id => nameof(QuietLogger);

        public int Priority => 0;

        public void Write(LogKind logKind, string text)
        {
            _line.Append(text);
            if ((logKind == LogKind.Error && !text.TrimStart().StartsWith("//", StringComparison.Ordinal)) ||
                text.Contains("Exception: ", StringComparison.Ordinal))
            {
                Errors.Add(text.Trim().ReplaceLineEndings(" "));
            }
        }

        public void WriteLine()
        {
            string line = _line.ToString();
            _line.Clear();
            if (line.StartsWith(BenchmarkLine, StringComparison.Ordinal) && _progress)
            {
                _started++;
                string name = line[BenchmarkLine.Length..];
                int colon = name.IndexOf(": ", StringComparison.Ordinal);
                Console.Error.Write($"\r[{_started}/{total}] {(colon > 0 ? name[..colon] : name)}".PadRight(100));
            }
        }

        public void WriteLine(LogKind logKind, string text)
        {
            Write(logKind, text);
            WriteLine();
        }

        public void Flush()
        {
        }

        public void EndProgress()
        {
            if (_progress && _started > 0)
            {
                Console.Error.Write("\r" + new string(' ', 100) + "\r");
            }
        }
    }
}
