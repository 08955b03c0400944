using System;
using System.Runtime.CompilerServices;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>
/// Step and Process, through the network's own state and through a separate one, allocate nothing; neither does
/// ObjectiveGradient once its pooled workspace exists. Same retry rule as <see cref="AllocationTests"/>.
/// </summary>
[Collection(nameof(AllocationTests))]
public sealed class SequenceAllocationTests
{
    private const int Iterations = 1000;

    [Fact]
    public void StepAndProcess_AllocateNothing()
    {
        var lstm = new AmpModel();
        var stack = new StackF();
        SequenceState<float> state = stack.CreateState();
        float[] x = new float[3 * 64], y = new float[2 * 64];
        Streams(lstm, stack, state, x, y);
        AssertAllocatesNothing(() => Streams(lstm, stack, state, x, y));
    }

    [Fact]
    public void ObjectiveGradient_AllocatesNothingOnceWarm()
    {
        var net = new StackF();
        float[] x = StreamingTests.Frames(3, 32, seed: 1), y = StreamingTests.Frames(2, 32, seed: 2);
        var gradient = new float[StackF.ParameterCount];
        Gradients(net, x, y, gradient);
        AssertAllocatesNothing(() => Gradients(net, x, y, gradient));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Streams(AmpModel lstm, StackF stack, SequenceState<float> state, float[] x, float[] y)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            lstm.Step(x.AsSpan(0, 1), y.AsSpan(0, 1));
            stack.Step(state, x.AsSpan(0, 3), y.AsSpan(0, 2));
            stack.Step(x.AsSpan(0, 3), y.AsSpan(0, 2));
        }

        lstm.Process(x.AsSpan(0, 64), y.AsSpan(0, 64));
        stack.Process(state, x, y);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Gradients(StackF net, float[] x, float[] y, float[] gradient)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            net.ObjectiveGradient(x, y, gradient);
            net.Objective(x, y);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void AssertAllocatesNothing(Func<long> measure)
    {
        var measured = new long[3];
        for (int attempt = 0; attempt < measured.Length; attempt++)
        {
            measured[attempt] = measure();
            if (measured[attempt] == 0)
            {
                return;
            }
        }

        Assert.Fail($"Allocated {string.Join(", ", measured)} bytes in {measured.Length} runs; expected 0 in at least one.");
    }
}
