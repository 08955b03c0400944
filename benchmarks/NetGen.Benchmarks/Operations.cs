namespace NetGen.Benchmarks;

/// <summary>The benchmark categories of <see cref="StandardNetworkBenchmarks"/>: one per operation.</summary>
public static class Operations
{
    public const string Forward = "Forward";
    public const string ForwardBatch = "ForwardBatch";
    public const string SgdStep = "SgdStep";
    public const string AdamStep = "AdamStep";
}
