using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NetGen.Benchmarks;

/// <summary>Adds <see cref="PerSampleColumn"/> to <see cref="StandardNetworkBenchmarks"/>.</summary>
public sealed class PerSampleConfig : ManualConfig
{
    public PerSampleConfig() => AddColumn(new PerSampleColumn());
}

/// <summary>"ns/sample": the mean time of a ForwardBatch benchmark divided by <see cref="StandardNetworkBenchmarks.BatchRows"/>.</summary>
public sealed class PerSampleColumn : IColumn
{
    public string Id => nameof(PerSampleColumn);

    public string ColumnName => "ns/sample";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Mean time per row of a {StandardNetworkBenchmarks.BatchRows}-row ForwardBatch, in nanoseconds";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (!benchmarkCase.Descriptor.HasCategory(Operations.ForwardBatch) || summary[benchmarkCase]?.ResultStatistics is not { } statistics)
        {
            return "-";
        }

        return (statistics.Mean / StandardNetworkBenchmarks.BatchRows).ToString("N1", CultureInfo.InvariantCulture);
    }
}
