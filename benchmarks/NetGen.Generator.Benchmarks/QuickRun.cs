using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis.CSharp;
using Perfolizer.Horology;

namespace NetGen.Generator.Benchmarks;

/// <summary><c>--quick</c> and <c>--quick-models</c>: a benchmark class with a short in-process job, then one compact table.</summary>
internal static class QuickRun
{
    private const int WarmupCount = 4;
    private const int IterationCount = 10;
    private const int IterationMilliseconds = 200;

    public static int Run<TBenchmarks>()
    {
        Job job = new Job("Quick")
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithIterationTime(TimeInterval.FromMilliseconds(IterationMilliseconds));
        IConfig config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(new ErrorsOnlyLogger())
            .WithOptions(ConfigOptions.DisableLogFile);

        Console.WriteLine($"NetGen generator cost, quick mode ({RuntimeInformation.FrameworkDescription}, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version})");
        Summary summary = BenchmarkRunner.Run<TBenchmarks>(config);
        int benchmarks = typeof(TBenchmarks).GetMethods().Count(m => m.IsDefined(typeof(BenchmarkAttribute), inherit: false));

        Console.WriteLine($"{"Benchmark",-24}  {"Mean",10}  {"StdDev",10}  {"Allocated",10}");
        bool complete = summary.Reports.Length == benchmarks;
        foreach (BenchmarkReport report in summary.Reports)
        {
            double? mean = report.ResultStatistics?.Mean, standardDeviation = report.ResultStatistics?.StandardDeviation;
            long? bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            complete &= mean is not null && bytes is not null;
            Console.WriteLine(
                $"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name,-24}  {Time(mean),10}  {Time(standardDeviation),10}  {Kilobytes(bytes),10}");
        }

        Console.WriteLine(
            $"Mean of {IterationCount} iterations of ~{IterationMilliseconds} ms after {WarmupCount} warmups (in-process); " +
            "Allocated: bytes per call, all threads.");
        return complete ? 0 : 1;
    }

    private static string Time(double? nanoseconds) => nanoseconds switch
    {
        null => "failed",
        >= 1e6 => (nanoseconds.Value / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        _ => (nanoseconds.Value / 1e3).ToString("F1", CultureInfo.InvariantCulture) + " µs",
    };

    private static string Kilobytes(long? bytes) =>
        bytes is long b ? (b / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " KB" : "?";

    /// <summary>
    /// Passes BenchmarkDotNet's errors (a failed setup check, say) to the error stream and drops the rest, including its
    /// "//" validation notes (no exporters, an assembly under the temp folder).
    /// </summary>
    private sealed class ErrorsOnlyLogger : ILogger
    {
        public string Id => nameof(ErrorsOnlyLogger);

        public int Priority => 0;

        public void Write(LogKind logKind, string text)
        {
            if (IsError(logKind, text))
            {
                Console.Error.Write(text);
            }
        }

        public void WriteLine() { }

        public void WriteLine(LogKind logKind, string text)
        {
            if (IsError(logKind, text))
            {
                Console.Error.WriteLine(text);
            }
        }

        public void Flush() { }

        // An exception of the setup is logged as ordinary text.
        private static bool IsError(LogKind logKind, string text) =>
            (logKind == LogKind.Error && !text.TrimStart().StartsWith("//", StringComparison.Ordinal)) ||
            text.Contains("Exception: ", StringComparison.Ordinal);
    }
}
