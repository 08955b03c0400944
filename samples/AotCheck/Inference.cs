using System;
using NetGen;

namespace AotCheck;

/// <summary>Forward passes of float and double networks, one sample and batches, and the argument checks.</summary>
internal static class Inference
{
    public static void Run()
    {
        Report.Section("Forward, float 2-3-1");
        var classicFloat = new ClassicFloatNet();
        float[] floatInputs = SampleData.ToSingle(SampleData.ClassicInputs);
        Report.Values("parameters", (ReadOnlySpan<float>)classicFloat.Parameters);
        Span<float> yFloat = stackalloc float[ClassicFloatNet.OutputSize];
        classicFloat.Forward(floatInputs.AsSpan(0, ClassicFloatNet.InputSize), yFloat);
        Report.Values("forward(0.3, 1)", (ReadOnlySpan<float>)yFloat);
        var batchFloat = new float[3 * ClassicFloatNet.OutputSize];
        classicFloat.ForwardBatch(floatInputs, batchFloat);
        Report.Values("forward batch", (ReadOnlySpan<float>)batchFloat);
        Report.Number("cost batch", classicFloat.CostBatch(floatInputs, SampleData.ToSingle(SampleData.ClassicTargets)));
        Expect.That(yFloat[0] == batchFloat[0], "Forward and ForwardBatch agree on the first row");

        Report.Section("Forward, double 2-3-1");
        var classicDouble = new ClassicDoubleNet();
        Report.Values("parameters", (ReadOnlySpan<double>)classicDouble.Parameters);
        var batchDouble = new double[3];
        classicDouble.ForwardBatch(SampleData.ClassicInputs, batchDouble);
        Report.Values("forward batch", (ReadOnlySpan<double>)batchDouble);
        Report.Number("objective", classicDouble.Objective(SampleData.ClassicInputs, SampleData.ClassicTargets));

        Report.Section("Forward, float 3-5-4-2 LeakyReLU/ELU/Softplus, Hellinger");
        var hellinger = new HellingerNet();
        float[] hInputs = SampleData.Uniform<float>(7 * HellingerNet.InputSize, seed: 11, low: -2, high: 2);
        float[] hTargets = SampleData.Uniform<float>(7 * HellingerNet.OutputSize, seed: 12, low: 0.05, high: 1);
        var hOutputs = new float[7 * HellingerNet.OutputSize];
        hellinger.ForwardBatch(hInputs, hOutputs);
        Report.Values("forward batch", (ReadOnlySpan<float>)hOutputs);
        Report.Number("cost batch", hellinger.CostBatch(hInputs, hTargets));

        Report.Section("Forward, float 64-40-10 (looped kernels)");
        var wide = new WideNet();
        wide.InitializeParameters(seed: 2024);
        Report.Digest("parameters", (ReadOnlySpan<float>)wide.Parameters);
        float[] wInputs = SampleData.Uniform<float>(8 * WideNet.InputSize, seed: 21, low: -1, high: 1);
        var wOutputs = new float[8 * WideNet.OutputSize];
        wide.ForwardBatch(wInputs, wOutputs);
        Report.Digest("forward batch", (ReadOnlySpan<float>)wOutputs);
        Report.Values("forward row 0", ((ReadOnlySpan<float>)wOutputs)[..WideNet.OutputSize]);

        Report.Section("Argument checks");
        Report.Text("Forward(input of 3)", ParamNameOf(() => classicFloat.Forward(new float[3], new float[1])));
        Report.Text("Cost(target of 2)", ParamNameOf(() => classicDouble.Cost(new double[2], new double[2])));
        Report.Text("ForwardBatch(5 inputs)", ParamNameOf(() => classicFloat.ForwardBatch(new float[5], new float[2])));
    }

    private static string ParamNameOf(Action action)
    {
        try
        {
            action();
            return "no exception";
        }
        catch (ArgumentException e)
        {
            return e.GetType().Name + " " + e.ParamName;
        }
    }
}
