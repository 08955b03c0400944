using System;
using System.Runtime.CompilerServices;
using NetGen.Optimization;
using Xunit;

namespace NetGen.Tests.Optimization;

/// <summary>
/// Iterations allocate nothing: every buffer is allocated once per Minimize call, so a long run allocates exactly
/// as much as a short one. Runs in the non-parallel allocation collection (see AllocationTests
/// for why <see cref="GC.GetAllocatedBytesForCurrentThread"/> needs that and a few attempts).
/// </summary>
[Collection(nameof(AllocationTests))]
public sealed class LbfgsAllocationTests
{
    private const int Attempts = 3;

    [Fact]
    public void Iterations_AllocateNothing()
    {
        var x = new double[10];
        var options5 = new LbfgsOptions { MaxIterations = 5, History = 5, GradientTolerance = 0, CostTolerance = 0 };
        var options40 = new LbfgsOptions { MaxIterations = 40, History = 5, GradientTolerance = 0, CostTolerance = 0 };
        ObjectiveFunction f = TestFunctions.Rosenbrock;
        Func<LbfgsIteration, bool> callback = _ => true;

        Measure(f, x, options40, callback);   // JIT, tiering, type loading
        long[] differences = new long[Attempts];
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            long few = Measure(f, x, options5, callback);
            long many = Measure(f, x, options40, callback);
            differences[attempt] = many - few;
            if (differences[attempt] == 0)
            {
                return;
            }
        }

        Assert.Fail($"40 iterations allocated {string.Join(", ", differences)} bytes more than 5; expected 0 in at least one attempt.");
    }

    [Fact]
    public void NetworkIterations_AllocateNothing()
    {
        // The network overload: parameters are written and gradients widened in place, no per-evaluation buffers.
        double[] inputs = [0.3, 1, 0.5, 0.2, 1, 0.4];
        double[] targets = [0.75, 0.82, 0.93];
        var net = new LbfgsStudyScoreNet();
        var options5 = new LbfgsOptions { MaxIterations = 5, History = 5, GradientTolerance = 0, CostTolerance = 0 };
        var options15 = new LbfgsOptions { MaxIterations = 15, History = 5, GradientTolerance = 0, CostTolerance = 0 };

        MeasureNetwork(net, inputs, targets, options15);
        long[] differences = new long[Attempts];
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            differences[attempt] = MeasureNetwork(net, inputs, targets, options15) - MeasureNetwork(net, inputs, targets, options5);
            if (differences[attempt] == 0)
            {
                return;
            }
        }

        Assert.Fail($"15 iterations allocated {string.Join(", ", differences)} bytes more than 5; expected 0 in at least one attempt.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long MeasureNetwork(LbfgsStudyScoreNet net, double[] inputs, double[] targets, LbfgsOptions options)
    {
        net.InitializeParameters(0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        LbfgsResult result = Lbfgs.Minimize(net, inputs, targets, options);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(options.MaxIterations, result.Iterations);
        return allocated;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Measure(ObjectiveFunction f, double[] x, LbfgsOptions options, Func<LbfgsIteration, bool> callback)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = i % 2 == 0 ? -1.2 : 1;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        LbfgsResult result = Lbfgs.Minimize(f, x, options, callback);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(options.MaxIterations, result.Iterations);
        return allocated;
    }
}
