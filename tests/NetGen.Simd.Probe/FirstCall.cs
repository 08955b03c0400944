using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Threading;

namespace NetGen.Simd.Probe;

/// <summary>
/// What the first Forward or TrainStep of the 784 → 128 → 10 network costs in a fresh process (type loading, the
/// JIT's tier-0 compiles), against the second call and the steady state after tiered compilation has finished.
/// </summary>
internal static class FirstCall
{
    public static string Measure(string operation)
    {
        bool train = operation == "trainstep";
        long timestamp = Stopwatch.GetTimestamp();
        var net = new F784_128_10();
        TimeSpan construct = Stopwatch.GetElapsedTime(timestamp);

        var input = new float[F784_128_10.InputSize];
        var target = new float[F784_128_10.OutputSize];
        var output = new float[F784_128_10.OutputSize];
        var data = new ProbeData("firstcall");
        data.FillInput<float>(input);
        data.FillTarget<float>(target, Activation.Identity);
        const float rate = 1e-6f;

        int methodsBefore = (int)JitInfo.GetCompiledMethodCount(currentThread: true);
        TimeSpan jitBefore = JitInfo.GetCompilationTime(currentThread: true);
        timestamp = Stopwatch.GetTimestamp();
        Call();
        TimeSpan first = Stopwatch.GetElapsedTime(timestamp);
        int firstMethods = (int)JitInfo.GetCompiledMethodCount(currentThread: true) - methodsBefore;
        TimeSpan firstJit = JitInfo.GetCompilationTime(currentThread: true) - jitBefore;

        timestamp = Stopwatch.GetTimestamp();
        Call();
        TimeSpan second = Stopwatch.GetElapsedTime(timestamp);

        // Tier 1: keep calling, with pauses past the call-counting delay, for two seconds.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            for (int k = 0; k < 200; k++)
            {
                Call();
            }

            Thread.Sleep(120);
        }

        // Steady state: the fastest mean over 20 blocks of 500 calls.
        double steady = double.PositiveInfinity;
        for (int block = 0; block < 20; block++)
        {
            timestamp = Stopwatch.GetTimestamp();
            for (int k = 0; k < 500; k++)
            {
                Call();
            }

            steady = Math.Min(steady, Stopwatch.GetElapsedTime(timestamp).TotalMicroseconds / 500);
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"firstcall operation={operation} construct_us={construct.TotalMicroseconds:F0} first_us={first.TotalMicroseconds:F0}"
            + $" first_jit_methods={firstMethods} first_jit_us={firstJit.TotalMicroseconds:F0} second_us={second.TotalMicroseconds:F1}"
            + $" steady_us={steady:F2}");

        void Call()
        {
            if (train)
            {
                net.SgdStep(input, target, rate);
            }
            else
            {
                net.Forward(input, output);
            }
        }
    }
}
