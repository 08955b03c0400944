using BenchmarkDotNet.Running;
using NetGen.Benchmarks;

// dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --quick        one compact table, in under two minutes
//                                                                    --quick 784    only the networks whose class name contains "784"
//                                                                    --plain        plain loops, against the C++ reference (g++)
//                                                                    --plain --pinned   the same, every process on CPU 0
//                                                                    --stream       sequence models (Step, 256-frame Process) against C++
//                                                                    --stream --pinned  the same, on CPU 0
//                                                                    --nam <model.nam or folder>... [--namcore <dir>] [--pinned] [--fast-tanh]
//                                                                                   NamModel.Process in host-sized blocks, against NAM core built from <dir>
// dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --filter '*'   every benchmark, BenchmarkDotNet's default job
// Environment: NETGEN_QUICK_VERBOSE=1 shows BenchmarkDotNet's log in quick mode; NETGEN_BENCH_CHECKS=1 prints how far
// the setup's training checks move the outputs.
if (QuickMode.TryRun(args, out int exitCode) || NetGen.Benchmarks.Plain.PlainMode.TryRun(args, out exitCode) ||
    NetGen.Benchmarks.Streaming.StreamMode.TryRun(args, out exitCode) || NetGen.Benchmarks.Nam.NamMode.TryRun(args, out exitCode))
{
    return exitCode;
}

BenchmarkSwitcher.FromAssembly(typeof(ArrayMlp).Assembly).Run(args);
return 0;
