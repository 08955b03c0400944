using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NetGen.Benchmarks.Nam;

/// <summary>The calling thread's CPU time (Linux; NaN elsewhere) and wall time, in ns, read together.</summary>
internal static class NamClock
{
    private const int ThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    public readonly record struct Reading(double Cpu, double Wall);

    public static Reading Now()
    {
        double cpu = OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuTime, out TimeSpec t) == 0 ? t.Seconds * 1e9 + t.Nanoseconds : double.NaN;
        return new Reading(cpu, Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec value);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
