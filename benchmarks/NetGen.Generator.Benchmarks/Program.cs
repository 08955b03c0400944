using BenchmarkDotNet.Running;
using NetGen.Generator.Benchmarks;

// dotnet run -c Release --project benchmarks/NetGen.Generator.Benchmarks -- --quick        short job, one compact table
// dotnet run -c Release --project benchmarks/NetGen.Generator.Benchmarks -- --quick-models what a compiled model adds
// dotnet run -c Release --project benchmarks/NetGen.Generator.Benchmarks -- --filter '*'   BenchmarkDotNet's default job
if (args is ["--quick"])
{
    return QuickRun.Run<GeneratorBenchmarks>();
}

if (args is ["--quick-models"])
{
    return QuickRun.Run<ModelBenchmarks>();
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
return 0;
