using System;
using NetGen;
using NetGen.Optimization;

namespace AotCheck;

/// <summary>Sequence networks: streaming through two states, the objective and its BPTT gradient, an L-BFGS fit.</summary>
internal static class Sequences
{
    public static void Run()
    {
        Report.Section("Sequence, float LSTM 1-8-1 and a Conv1D/GRU stack");
        var lstm = new SequenceLstmNet();
        float[] x = SampleData.Uniform<float>(64, seed: 41, low: -1, high: 1);
        var y = new float[64];
        lstm.Process(x, y);
        Report.Digest("process 64", (ReadOnlySpan<float>)y);
        Report.Values("process first 4", ((ReadOnlySpan<float>)y)[..4]);
        SequenceState<float> voice = lstm.CreateState();
        var stepped = new float[64];
        for (int t = 0; t < 64; t++)
        {
            lstm.Step(voice, x.AsSpan(t, 1), stepped.AsSpan(t, 1));
        }

        Expect.That(((ReadOnlySpan<float>)stepped).SequenceEqual(y), "Step per frame on a separate state equals Process");

        var stack = new SequenceStackNet();
        float[] sx = SampleData.Uniform<float>(40 * SequenceStackNet.InputSize, seed: 42, low: -1, high: 1);
        var sy = new float[40 * SequenceStackNet.OutputSize];
        stack.Process(sx, sy);
        Report.Digest("stack process 40", (ReadOnlySpan<float>)sy);

        Report.Section("Models compiled into types");
        var model = new CompiledStackModel();
        Expect.That(model.Parameters.SequenceEqual(CompiledStackModel.TrainedParameters), "a compiled model starts with its trained parameters");
        float[] mx = SampleData.Uniform<float>(40 * CompiledStackModel.InputSize, seed: 44, low: -1, high: 1);
        var my = new float[40 * CompiledStackModel.OutputSize];
        model.Process(mx, my);
        Report.Digest("compiled model process 40", (ReadOnlySpan<float>)my);
        Report.Values("compiled model first 4", ((ReadOnlySpan<float>)my)[..4]);
        var tiny = new CompiledTinyNet();
        var ty = new float[1];
        tiny.Forward([1f, 2f], ty);
        Expect.That(ty[0] == -5f, "compiled state_dict weights give the hand-computed output");
        var digits = new CompiledDigitsModel();
        float[] dx = SampleData.Uniform<float>(CompiledDigitsModel.InputSize, seed: 45, low: 0, high: 1);
        var dy = new float[CompiledDigitsModel.OutputSize];
        digits.Forward(dx, dy);
        Report.Values("compiled ONNX digits", (ReadOnlySpan<float>)dy);
        var lstmOnnx = new CompiledLstmOnnx();
        var ly = new float[40];
        lstmOnnx.Process(((ReadOnlySpan<float>)mx)[..40], ly);
        Report.Digest("compiled ONNX LSTM process 40", (ReadOnlySpan<float>)ly);

        Report.Section("Sequence, double GRU 1-6-1: BPTT gradient and L-BFGS");
        var gru = new SequenceGruNet();
        double[] gx = SampleData.Uniform<double>(50, seed: 43, low: -1, high: 1);
        double[] gy = new double[50];
        double level = 0;
        for (int t = 0; t < gx.Length; t++)
        {
            level += 0.3 * (gx[t] - level);
            gy[t] = Math.Tanh(2 * level);
        }

        var gradient = new double[SequenceGruNet.ParameterCount];
        Report.Number("objective", gru.ObjectiveGradient(gx, gy, gradient));
        Report.Digest("gradient", (ReadOnlySpan<double>)gradient);
        GradientCheckResult check = GradientCheck.RunObjective(gru, gx, gy, epsilon: 1e-5);
        Expect.That(check.RelativeError < 1e-7, "BPTT gradient agrees with central differences");
        LbfgsResult fit = Lbfgs.Minimize(gru, gx, gy, new LbfgsOptions { MaxIterations = 40 });
        Report.Number("L-BFGS cost", fit.Cost);
        Expect.That(fit.Cost < 0.1 * gru.Objective(gx, new double[50]), "L-BFGS fits the filter");
    }
}
