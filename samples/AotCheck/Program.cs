using System;
using System.Runtime;
using AotCheck;

// Runs the generated networks and the runtime library deterministically and prints every result round-trippably.
// CI publishes this program with NativeAOT and checks that the native executable prints exactly what the JIT prints.
// Exit code 1 when a sanity check fails. Which of the two ran goes to stderr, so that stdout can be compared.

// (RuntimeFeature.IsDynamicCodeSupported cannot tell: PublishAot makes it false under the JIT too.)
Console.Error.WriteLine(JitInfo.GetCompiledMethodCount() > 0 ? "AotCheck: running under the JIT" : "AotCheck: running as NativeAOT code");
Console.WriteLine("AotCheck: NetGen under trimming and NativeAOT");

Inference.Run();
Training.Run();
Optimization.Run();
Persistence.Run();
Sequences.Run();

Console.WriteLine();
Console.WriteLine(Expect.Failures == 0 ? "All checks passed." : $"{Expect.Failures} checks FAILED.");
return Expect.Failures == 0 ? 0 : 1;
