using System;
using System.Runtime.CompilerServices;
using NetGen.Evaluation;
using Xunit;

namespace NetGen.Tests.Evaluation;

/// <summary>
/// ArgMax, OneHot into a span, PredictClass, PredictClasses and Evaluate allocate nothing: the bytes allocated on this
/// thread around many calls differ by exactly 0. Shares <see cref="AllocationTests"/>' collection and retry rule.
/// </summary>
[Collection(nameof(AllocationTests))]
public sealed class EvaluationAllocationTests
{
    private const int Iterations = 200;
    private const int Attempts = 3;

    public enum Operation
    {
        ArgMax,
        ArgMaxRows,
        OneHot,
        PredictClass,
        PredictClasses,
        EvaluateTargets,
        EvaluateLabels,
        EvaluateDigits,
    }

    [Theory]
    [InlineData(Operation.ArgMax)]
    [InlineData(Operation.ArgMaxRows)]
    [InlineData(Operation.OneHot)]
    [InlineData(Operation.PredictClass)]
    [InlineData(Operation.PredictClasses)]
    [InlineData(Operation.EvaluateTargets)]
    [InlineData(Operation.EvaluateLabels)]
    [InlineData(Operation.EvaluateDigits)]
    public void Operation_AllocatesNothing(Operation operation)
    {
        var data = new Data();
        Run(data, operation);   // JIT compilation, tiering and type loading
        var measured = new long[Attempts];
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            measured[attempt] = Run(data, operation);
            if (measured[attempt] == 0)
            {
                Assert.NotEqual(0, data.Sink);
                return;
            }
        }

        Assert.Fail(
            $"{operation} allocated {string.Join(", ", measured)} bytes in {Attempts} runs of {Iterations} calls; expected 0 in one.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Run(Data d, Operation operation)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            switch (operation)
            {
                case Operation.ArgMax:
                    d.Sink += Classification.ArgMax<float>(d.Targets.AsSpan(3, 3));
                    break;
                case Operation.ArgMaxRows:
                    Classification.ArgMax<float>(d.Targets, 3, d.Classes);
                    d.Sink += d.Classes[1];
                    break;
                case Operation.OneHot:
                    Classification.OneHot<float>(d.Labels, 3, d.Targets);
                    d.Sink += (int)d.Targets[4];
                    break;
                case Operation.PredictClass:
                    d.Sink += d.Net.PredictClass(d.Inputs.AsSpan(0, 4)) + 1;
                    break;
                case Operation.PredictClasses:
                    d.Net.PredictClasses(d.Inputs, d.Classes);
                    d.Sink += d.Classes[0] + 1;
                    break;
                case Operation.EvaluateTargets:
                    d.Sink += d.Net.Evaluate(d.Inputs, d.Targets).Rows;
                    break;
                case Operation.EvaluateLabels:
                    d.Sink += d.Net.Evaluate(d.Inputs, d.Labels).Rows;
                    break;
                case Operation.EvaluateDigits:
                    d.Sink += d.Digits.Evaluate(d.DigitInputs, d.DigitLabels).Rows;
                    break;
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private sealed class Data
    {
        public Data()
        {
            (Inputs, Labels) = Blobs.Create(rows: 400, seed: 9);
            Targets = Classification.OneHot<float>(Labels, 3);
            Classes = new int[400];
            var random = new Random(1);
            DigitInputs = new float[30 * 64];
            for (int i = 0; i < DigitInputs.Length; i++)
            {
                DigitInputs[i] = (float)random.NextDouble();
            }

            DigitLabels = new int[30];
            for (int i = 0; i < 30; i++)
            {
                DigitLabels[i] = i % 10;
            }
        }

        public EvalClassifierNet Net { get; } = new();

        public Models.DigitsModel Digits { get; } = new();

        public float[] Inputs { get; }

        public int[] Labels { get; }

        public float[] Targets { get; }

        public int[] Classes { get; }

        public float[] DigitInputs { get; }

        public int[] DigitLabels { get; }

        public int Sink { get; set; }
    }
}
