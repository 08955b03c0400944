using System;
using System.Linq;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>Step, Process and states: streaming semantics, states apart from weights, and argument checks.</summary>
public class StreamingTests
{
    [Fact]
    public void Process_EqualsStepPerFrame_BitForBit()
    {
        var stepped = new StackF();
        var processed = new StackF();
        SequenceGradientTests.Randomize(stepped, seed: 1);
        stepped.Parameters.CopyTo(processed.Parameters);
        float[] inputs = Frames(StackF.InputSize, frames: 37, seed: 2);
        var expected = new float[37 * StackF.OutputSize];
        for (int t = 0; t < 37; t++)
        {
            stepped.Step(inputs.AsSpan(t * 3, 3), expected.AsSpan(t * 2, 2));
        }

        var actual = new float[expected.Length];
        processed.Process(inputs.AsSpan(0, 20 * 3), actual.AsSpan(0, 20 * 2));   // two blocks, state carried across
        processed.Process(inputs.AsSpan(20 * 3), actual.AsSpan(20 * 2));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Objective_EqualsMeanCostOfProcessFromZeroState_AndLeavesTheStreamAlone()
    {
        var net = new StackD();
        var twin = new StackD();
        SequenceGradientTests.Randomize(net, seed: 4);
        net.Parameters.CopyTo(twin.Parameters);
        (double[] inputs, double[] targets) = SequenceGradientTests.Sequence(net, frames: 9, seed: 5);
        var y = new double[2];
        var yTwin = new double[2];
        net.Step(inputs.AsSpan(0, 3), y);   // the stream is somewhere
        twin.Step(inputs.AsSpan(0, 3), yTwin);

        double objective = net.Objective(inputs, targets);
        net.ObjectiveGradient(inputs, targets, new double[StackD.ParameterCount]);

        var fresh = new StackD();
        net.Parameters.CopyTo(fresh.Parameters);
        var outputs = new double[targets.Length];
        fresh.Process(inputs, outputs);
        double expected = outputs.Zip(targets, (a, b) => 0.5 * (a - b) * (a - b)).Sum() / 9;
        NumericAssert.Close(expected, objective, 1e-15, "J");

        // The stream continues as if neither had run.
        net.Step(inputs.AsSpan(3, 3), y);
        twin.Step(inputs.AsSpan(3, 3), yTwin);
        Assert.Equal(yTwin, y);
    }

    [Fact]
    public void ManyStates_ShareOneNetwork_EachAsItsOwnStream()
    {
        var net = new TcnModel();
        SequenceGradientTests.Randomize(net, seed: 6);
        float[] a = Frames(1, 50, seed: 7), b = Frames(1, 50, seed: 8);
        SequenceState<float> sa = net.CreateState(), sb = net.CreateState();
        var ya = new float[50];
        var yb = new float[50];
        for (int t = 0; t < 50; t++)
        {
            // Interleaved, as voices of a synthesizer are.
            net.Step(sa, a.AsSpan(t, 1), ya.AsSpan(t, 1));
            net.Step(sb, b.AsSpan(t, 1), yb.AsSpan(t, 1));
        }

        var alone = new TcnModel();
        net.Parameters.CopyTo(alone.Parameters);
        var expected = new float[50];
        alone.Process(a, expected);
        Assert.Equal(expected, ya);
        alone.ResetState();
        alone.Process(b, expected);
        Assert.Equal(expected, yb);
        Assert.Equal(50u, sa.Frame);
    }

    [Fact]
    public void ResetState_StartsTheSequenceAgain()
    {
        var net = new AmpModel();
        float[] inputs = Frames(1, 30, seed: 9);
        var first = new float[30];
        var second = new float[30];
        net.Process(inputs, first);
        net.ResetState();
        net.Process(inputs, second);
        Assert.Equal(first, second);

        SequenceState<float> state = net.CreateState();
        net.Process(state, inputs, second);
        state.Reset();
        net.Process(state, inputs, second);
        Assert.Equal(first, second);
    }

    [Fact]
    public void SavedValuesAndFrame_RestoreAStream()
    {
        var net = new StackF();
        SequenceGradientTests.Randomize(net, seed: 15);
        float[] x = Frames(3, 40, seed: 16);
        SequenceState<float> state = net.CreateState();
        var y = new float[40 * 2];
        net.Process(state, x.AsSpan(0, 17 * 3), y.AsSpan(0, 17 * 2));
        float[] saved = state.Values.ToArray();
        uint frame = state.Frame;
        net.Process(state, x.AsSpan(17 * 3), y.AsSpan(17 * 2));

        SequenceState<float> restored = net.CreateState();
        saved.CopyTo(restored.Values);
        restored.Frame = frame;
        var again = new float[23 * 2];
        net.Process(restored, x.AsSpan(17 * 3), again);

        Assert.Equal(y.AsSpan(17 * 2).ToArray(), again);
        Assert.Equal(StackF.StateSize, saved.Length);
    }

    [Fact]
    public void StateOfAnotherNetworkClass_IsRefused()
    {
        var net = new AmpModel();
        SequenceState<float> other = new GruModel().CreateState();
        var error = Assert.Throws<ArgumentException>(() => net.Step(other, new float[1], new float[1]));
        Assert.Equal("state", error.ParamName);
        Assert.Throws<ArgumentNullException>(() => net.Process(null!, new float[1], new float[1]));
    }

    [Fact]
    public void WrongSpans_NameTheArgumentAndTheExpectedSize()
    {
        var net = new StackF();
        var error = Assert.Throws<ArgumentException>(() => net.Step(new float[2], new float[2]));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("3", error.Message, StringComparison.Ordinal);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => net.Step(new float[3], new float[3])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => net.Process(new float[4], new float[2])).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentException>(() => net.Process(new float[6], new float[2])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => net.Objective([], [])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => net.Objective(new float[6], new float[2])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(
            () => net.ObjectiveGradient(new float[6], new float[4], new float[3])).ParamName);
        Assert.Equal("L2Regularization", Assert.Throws<ArgumentOutOfRangeException>(() => net.L2Regularization = -1).ParamName);
    }

    [Fact]
    public void ObjectiveGradient_RepeatsExactly_WhateverTheWorkspaceHeldBefore()
    {
        var net = new StackF();
        SequenceGradientTests.Randomize(net, seed: 10);
        float[] inputs = Frames(3, 17, seed: 11), targets = Frames(2, 17, seed: 12);
        var first = new float[StackF.ParameterCount];
        var again = new float[StackF.ParameterCount];
        float j1 = net.ObjectiveGradient(inputs, targets, first);
        net.ObjectiveGradient(inputs.AsSpan(0, 30), targets.AsSpan(0, 20), again);   // leaves other values in pooled memory
        float j2 = net.ObjectiveGradient(inputs, targets, again);
        Assert.Equal(j1, j2);
        Assert.Equal(first, again);
    }

    [Fact]
    public void FloatNetwork_AgreesWithDoubleNetwork()
    {
        var single = new StackF();
        var reference = new StackD();
        SequenceGradientTests.Randomize(reference, seed: 13);
        for (int i = 0; i < StackD.ParameterCount; i++)
        {
            single.Parameters[i] = (float)reference.Parameters[i];
            reference.Parameters[i] = single.Parameters[i];
        }

        float[] inputs = Frames(3, 64, seed: 14);
        var y = new float[128];
        var yd = new double[128];
        single.Process(inputs, y);
        reference.Process(inputs.Select(v => (double)v).ToArray(), yd);

        // Same float parameters and inputs; float rounding through six layers and 64 steps of recurrence.
        NumericAssert.AllClose(yd, y, NumericAssert.ForwardTolerance, "ŷ");
    }

    [Fact]
    public void Initialization_IsDeterministic_AndPyTorchLikeForRecurrentLayers()
    {
        var a = new AmpModel();
        var b = new AmpModel();
        Assert.Equal(a.Parameters.ToArray(), b.Parameters.ToArray());
        float limit = 1 / MathF.Sqrt(16);
        float[] lstm = a.Parameters[..AmpModel.Layers[0].ParameterCount].ToArray();
        Assert.All(lstm, v => Assert.InRange(v, -limit, limit));
        Assert.True(lstm.Max() > 0.9f * limit && lstm.Min() < -0.9f * limit, "uniform over the whole range");
        a.InitializeParameters(seed: 99);
        Assert.NotEqual(a.Parameters.ToArray(), b.Parameters.ToArray());
        Assert.Equal(0f, a.Parameters[^1]);   // the dense layer's bias starts at 0
    }

    [Fact]
    public void LayerTable_DescribesTheDeclaration()
    {
        ReadOnlySpan<SequenceLayer> layers = TcnModel.Layers;
        Assert.Equal(3, layers.Length);
        Assert.Equal(new SequenceLayer(SequenceLayerKind.Conv1D, 8, 8, 3, 2, Activation.Tanh, true), layers[1]);
        Assert.Equal(8, layers[1].RingFrames);   // reach (3 − 1)·2 + 1 = 5 frames, rounded up to a power of two
        Assert.Equal(TcnModel.ParameterCount, layers.ToArray().Sum(l => l.ParameterCount));
        Assert.Equal(TcnModel.StateSize, layers.ToArray().Sum(l => l.StateSize));
        Assert.Equal(StackD.StateSize, StackD.Layers.ToArray().Sum(l => l.StateSize));
        Assert.Equal(StackNoBiasD.ParameterCount, StackNoBiasD.Layers.ToArray().Sum(l => l.ParameterCount));
    }

    internal static float[] Frames(int width, int frames, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, width * frames).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
    }
}
