using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Optimizers;

/// <summary>TrainBatch, TrainStep(input, target) and the optimizers' Step allocate nothing, for every optimizer kind.</summary>
/// <remarks>
/// As in <c>AllocationTests</c>: <see cref="GC.GetAllocatedBytesForCurrentThread"/> now and then reports a few
/// kilobytes the measured code did not allocate (dotnet/runtime#13502, #63487), so these tests run alone and a
/// measurement is repeated up to <see cref="Attempts"/> times. The assertion stays "exactly 0 bytes in one run";
/// a real allocation happens in every iteration of every run and can never produce a clean one.
/// </remarks>
[Collection(nameof(OptimizerAllocationTests))]
public sealed class OptimizerAllocationTests
{
    private const int Iterations = 1000;
    private const int Attempts = 3;

    public enum Operation
    {
        TrainBatch,
        TrainStep,
        OptimizerStep,
    }

    public static TheoryData<string, OptimizerKind, Operation> Cases
    {
        get
        {
            var data = new TheoryData<string, OptimizerKind, Operation>();
            foreach (string type in new[] { "float", "double" })
            {
                foreach (OptimizerKind kind in OptimizerNetworks.Kinds)
                {
                    foreach (Operation operation in Enum.GetValues<Operation>())
                    {
                        data.Add(type, kind, operation);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Operation_AllocatesNothing(string type, OptimizerKind kind, Operation operation)
    {
        if (type == "float")
        {
            Measure<float>(kind, operation);
        }
        else
        {
            Measure<double>(kind, operation);
        }
    }

    [Fact]
    public void DirectCalls_OnGeneratedClasses_AllocateNothing()
    {
        var adam = new XorAdamWNet { L2Regularization = 1e-3f };
        var rmsProp = new ScoreRmsPropNetD { L2Regularization = 1e-3 };
        float[] inputs = OptimizerNetworks.XorInputs<float>(), targets = OptimizerNetworks.XorTargets<float>();
        double[] scoreInputs = OptimizerNetworks.ScoreInputs<double>(), scoreTargets = OptimizerNetworks.ScoreTargets<double>();

        RunDirect(adam, rmsProp, inputs, targets, scoreInputs, scoreTargets);
        AssertAllocatesNothing(() => RunDirect(adam, rmsProp, inputs, targets, scoreInputs, scoreTargets));
    }

    private static void Measure<T>(OptimizerKind kind, Operation operation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ITrainableNetwork<T> network = OptimizerNetworks.Xor<T>(kind);
        network.L2Regularization = T.CreateChecked(1e-3);
        network.Optimizer.LearningRate = T.CreateChecked(1e-4);
        T[] inputs = OptimizerNetworks.XorInputs<T>(), targets = OptimizerNetworks.XorTargets<T>();
        GradientOptimizer<T> optimizer = OptimizerSettings.Defaults(kind).Create<T>(1001);
        T[] parameters = new T[1001], gradients = new T[1001];
        gradients.AsSpan().Fill(T.CreateChecked(1e-3));

        // The first run pays for JIT compilation, tiering and type loading; the next must allocate nothing.
        Run(network, optimizer, parameters, gradients, inputs, targets, operation);
        AssertAllocatesNothing(() => Run(network, optimizer, parameters, gradients, inputs, targets, operation));
    }

    private static void AssertAllocatesNothing(Func<long> measure)
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

        Assert.Fail($"Allocated {string.Join(", ", measured)} bytes in {Attempts} runs of {Iterations} iterations; expected 0 in at least one.");
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long Run<T>(ITrainableNetwork<T> network, GradientOptimizer<T> optimizer, T[] parameters, T[] gradients, T[] inputs, T[] targets, Operation operation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            switch (operation)
            {
                case Operation.TrainBatch:
                    network.TrainBatch(inputs, targets);
                    break;
                case Operation.TrainStep:
                    int r = i & 3;
                    network.TrainStep(inputs.AsSpan(2 * r, 2), targets.AsSpan(r, 1));
                    break;
                case Operation.OptimizerStep:
                    optimizer.Step(parameters, gradients);
                    break;
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long RunDirect(XorAdamWNet adam, ScoreRmsPropNetD rmsProp, float[] inputs, float[] targets, double[] scoreInputs, double[] scoreTargets)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            adam.TrainBatch(inputs, targets);
            adam.TrainStep(inputs.AsSpan(0, 2), targets.AsSpan(0, 1));
            rmsProp.TrainBatch(scoreInputs, scoreTargets);
            rmsProp.TrainStep(scoreInputs.AsSpan(2, 2), scoreTargets.AsSpan(1, 1));
            adam.Objective(inputs, targets);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}

/// <summary>Runs <see cref="OptimizerAllocationTests"/> alone, so that other tests' collections do not disturb the counter.</summary>
[CollectionDefinition(nameof(OptimizerAllocationTests), DisableParallelization = true)]
public sealed class OptimizerAllocationTestsCollection
{
}
