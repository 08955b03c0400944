using System;
using System.Runtime.CompilerServices;
using Xunit;

namespace NetGen.Tests;

/// <summary>Every per-sample and batch member allocates nothing on the managed heap.</summary>
/// <remarks>
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> occasionally reports a few kilobytes that the measured
/// code did not allocate (dotnet/runtime#13502, #63487: the runtime's own test of it fails now and then, more
/// often while other threads cause collections). So these tests do not run in parallel with others, and a
/// measurement is repeated up to <see cref="Attempts"/> times: the assertion stays "exactly 0 bytes", and a real
/// allocation in the measured calls, which happens on every one of the iterations, can never produce a clean run.
/// </remarks>
[Collection(nameof(AllocationTests))]
public sealed class AllocationTests
{
    private const int Iterations = 1000;
    private const int Attempts = 3;

    public enum Operation
    {
        Forward,
        Cost,
        AccumulateGradients,
        TrainStep,
        ForwardBatch,
        CostBatch,
        AccumulateGradientsBatch,
    }

    public static TheoryData<string, Operation> Cases
    {
        get
        {
            var data = new TheoryData<string, Operation>();
            foreach (string name in NetworkCases.Names)
            {
                foreach (Operation operation in Enum.GetValues<Operation>())
                {
                    data.Add(name, operation);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Operation_AllocatesNothing(string name, Operation operation)
    {
        NetworkCase c = NetworkCases.Create(name);
        var buffers = new Buffers(c, rows: 7);
        int iterations = c.Spec.ParameterCount > 10_000 ? Iterations / 10 : Iterations;

        // The first run pays for JIT compilation, tiering and type loading; the next must allocate nothing.
        Run(c, buffers, operation, iterations);
        AssertAllocatesNothing(() => Run(c, buffers, operation, iterations), iterations);
    }

    [Fact]
    public void DirectCalls_OnGeneratedClass_AllocateNothing()
    {
        // The same through the generated public members rather than the interface and delegates.
        var net = new LoopNet();
        var input = new float[LoopNet.InputSize];
        var target = new float[LoopNet.OutputSize];
        var output = new float[LoopNet.OutputSize];
        var gradient = new float[LoopNet.ParameterCount];
        var inputs = new float[3 * LoopNet.InputSize];
        var outputs = new float[3 * LoopNet.OutputSize];
        TestData.Fill(new Random(1), input, -1, 1);
        TestData.Fill(new Random(2), inputs, -1, 1);

        RunDirect(net, input, target, output, gradient, inputs, outputs);
        AssertAllocatesNothing(() => RunDirect(net, input, target, output, gradient, inputs, outputs), Iterations);
    }

    private static void AssertAllocatesNothing(Func<long> measure, int iterations)
    {
        var measured = new long[Attempts];
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            measured[attempt] = measure();
            if (measured[attempt] == 0)
            {
                return;
            }
        }

        Assert.Fail($"Allocated {string.Join(", ", measured)} bytes in {Attempts} runs of {iterations} iterations; expected 0 in at least one.");
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long Run(NetworkCase c, Buffers b, Operation operation, int iterations)
    {
        ITrainableNetwork<float> net = c.Network;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < iterations; i++)
        {
            switch (operation)
            {
                case Operation.Forward:
                    net.Forward(b.Input, b.Output);
                    break;
                case Operation.Cost:
                    net.Cost(b.Input, b.Target);
                    break;
                case Operation.AccumulateGradients:
                    net.AccumulateGradients(b.Input, b.Target, b.Gradient);
                    break;
                case Operation.TrainStep:
                    net.SgdStep(b.Input, b.Target, 1e-4f);
                    break;
                case Operation.ForwardBatch:
                    c.ForwardBatch(b.Inputs, b.Outputs);
                    break;
                case Operation.CostBatch:
                    c.CostBatch(b.Inputs, b.Targets);
                    break;
                case Operation.AccumulateGradientsBatch:
                    c.AccumulateGradientsBatch(b.Inputs, b.Targets, b.Gradient);
                    break;
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long RunDirect(LoopNet net, float[] input, float[] target, float[] output, float[] gradient, float[] inputs, float[] outputs)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            net.Forward(input, output);
            net.Cost(input, target);
            net.AccumulateGradients(input, target, gradient);
            net.SgdStep(input, target, 1e-4f);
            net.ForwardBatch(inputs, outputs);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private sealed class Buffers
    {
        public Buffers(NetworkCase c, int rows)
        {
            (float[] inputs, float[] targets) = TestData.Samples(c, rows, seed: 501);
            Inputs = inputs;
            Targets = targets;
            Input = TestData.Row(inputs, 0, c.Spec.InputSize);
            Target = TestData.Row(targets, 0, c.Spec.OutputSize);
            Output = new float[c.Spec.OutputSize];
            Outputs = new float[rows * c.Spec.OutputSize];
            Gradient = new float[c.Spec.ParameterCount];
        }

        public float[] Input { get; }

        public float[] Target { get; }

        public float[] Output { get; }

        public float[] Inputs { get; }

        public float[] Targets { get; }

        public float[] Outputs { get; }

        public float[] Gradient { get; }
    }
}

/// <summary>Runs <see cref="AllocationTests"/> alone, so that other tests' collections do not disturb the counter.</summary>
[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public sealed class AllocationTestsCollection
{
}
