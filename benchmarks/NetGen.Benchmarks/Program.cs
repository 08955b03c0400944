using BenchmarkDotNet.Running;
using NetGen.Benchmarks;

// dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ArrayMlp).Assembly).Run(args);
