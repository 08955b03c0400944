using System;
using System.Linq;
using System.Numerics;
using NetGen.Matrix.Tests.Networks;
using NetGen.Matrix.Tests.Support;
using Xunit;

namespace NetGen.Matrix.Tests;

[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public sealed class AllocationCollection
{
}

/// <summary>
/// Forward, Cost, AccumulateGradients and TrainStep of compiled matrix networks allocate exactly 0 bytes once warm.
/// </summary>
/// <remarks>
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> can now and then report bytes the measured code did not allocate
/// (runtime background work attributed to the thread); so the collection runs alone and a measurement is repeated up
/// to <see cref="Attempts"/> times. A real allocation happens on every iteration and can never give a clean run.
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
    }

    public static TheoryData<string, Operation> Cases
    {
        get
        {
            string[] names =
            [
                MatrixCatalog.All.First(s => s.IsDouble && s.Output == Activation.Softmax && s.Loss == Loss.CrossEntropy).Name,
                MatrixCatalog.All.First(s => s.IsDouble && !s.PerLayer && s.Activations[0] == Activation.GELU).Name,
                MatrixCatalog.All.First(s => !s.IsDouble && !s.PerLayer && s.Activations[0] == Activation.GELU).Name,
            ];
            var data = new TheoryData<string, Operation>();
            foreach (string name in names)
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
        MatrixCase c = MatrixCase.Prepare(MatrixCatalog.Get(name));
        long allocated = c.Network switch
        {
            NetworkHandle<double> d => MeasureWarm(d.Network, c.Samples[0], operation),
            NetworkHandle<float> f => MeasureWarm(f.Network, c.Samples[0], operation),
            _ => throw new InvalidOperationException(),
        };

        Assert.True(allocated == 0, $"{name}: {operation} allocated {allocated} bytes in {Iterations} calls");
    }

    private static long MeasureWarm<T>(ITrainableNetwork<T> network, Reference.Sample sample, Operation operation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] input = sample.Input.Select(T.CreateChecked).ToArray();
        T[] target = sample.Target.Select(T.CreateChecked).ToArray();
        var output = new T[network.OutputSize];
        var gradients = new T[network.ParameterCount];

        // The first runs pay for JIT compilation, tiering and type loading.
        for (int warm = 0; warm < 3; warm++)
        {
            Measure(network, input, target, output, gradients, operation);
        }

        long allocated = 0;
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            allocated = Measure(network, input, target, output, gradients, operation);
            if (allocated == 0)
            {
                break;
            }
        }

        return allocated;
    }

    private static long Measure<T>(ITrainableNetwork<T> network, T[] input, T[] target, T[] output, T[] gradients, Operation operation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T learningRate = T.CreateChecked(1e-6);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            switch (operation)
            {
                case Operation.Forward:
                    network.Forward(input, output);
                    break;
                case Operation.Cost:
                    network.Cost(input, target);
                    break;
                case Operation.AccumulateGradients:
                    network.AccumulateGradients(input, target, gradients);
                    break;
                case Operation.TrainStep:
                    network.SgdStep(input, target, learningRate);
                    break;
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
