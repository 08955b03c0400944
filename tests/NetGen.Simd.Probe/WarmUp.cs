using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using System.Threading;

namespace NetGen.Simd.Probe;

/// <summary>
/// Drives every network's operations for a while so that tiered compilation finishes: each round calls every
/// operation 20 times (tier 0 promotes a method after 30 calls, and PGO instruments it for another 30), then pauses
/// past the JIT's 100 ms call-counting delay so that the background compiler can install tier 1 code. Runs for a
/// fixed time: the test reads the JIT's own summary to see whether that was enough (and retries longer if not).
/// </summary>
internal static class WarmUp
{
    public static string Run(TimeSpan duration)
    {
        Action[] workloads = ProbeNetwork.All.Select(n => n.CreateWorkload()).ToArray();
        var clock = Stopwatch.StartNew();
        int rounds = 0;
        while (clock.Elapsed < duration)
        {
            for (int k = 0; k < 20; k++)
            {
                foreach (Action workload in workloads)
                {
                    workload();
                }
            }

            rounds++;
            Thread.Sleep(150);
        }

        return $"warm rounds={rounds} seconds={clock.Elapsed.TotalSeconds:F2} compiled={JitInfo.GetCompiledMethodCount()}";
    }

    /// <summary>
    /// Calls every network's operations back to back for <paramref name="duration"/>, as a program's own loop does
    /// (no pauses for the background compiler), and reports the processor count the runtime sees.
    /// </summary>
    public static string RunHot(TimeSpan duration)
    {
        Action[] workloads = ProbeNetwork.All.Select(n => n.CreateWorkload()).ToArray();
        var clock = Stopwatch.StartNew();
        long calls = 0;
        while (clock.Elapsed < duration)
        {
            foreach (Action workload in workloads)
            {
                workload();
            }

            calls++;
        }

        return $"hot rounds={calls} seconds={clock.Elapsed.TotalSeconds:F2} processors={Environment.ProcessorCount}";
    }
}
