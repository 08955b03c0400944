using System;
using System.IO;
using System.Linq;
using NetGen.IO;
using NetGen.Tests.Sequence;
using Xunit;

namespace NetGen.Tests.Models;

/// <summary>
/// Models compiled into types: the parameters a class starts with are exactly what NetGen's run-time loaders read
/// from the same file into the same architecture, bit for bit, and compute PyTorch's recorded outputs; they stay
/// trainable and belong to each instance.
/// </summary>
public class CompiledModelTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Sequence", "Fixtures", name);

    [Fact]
    public void RTNeuralModel_HasTheFilesArchitecture()
    {
        Assert.Equal(StackD.Layers.ToArray(), StackModelD.Layers.ToArray());
        Assert.Equal(StackD.ParameterCount, StackModelD.ParameterCount);
        Assert.Equal(StackD.InputSize, StackModelD.InputSize);
        Assert.Equal(StackD.OutputSize, StackModelD.OutputSize);
        Assert.True(StackModelD.HasBias);
    }

    [Fact]
    public void RTNeuralModel_StartsWithWhatTheRunTimeLoaderReads_BitForBit()
    {
        var loaded = new StackD();
        RTNeuralWeights.Load(loaded, Fixture("stack.rtneural.json"));
        var loadedF = new StackF();
        RTNeuralWeights.Load(loadedF, Fixture("stack.rtneural.json"));

        Assert.Equal(loaded.Parameters.ToArray(), new StackModelD().Parameters.ToArray());
        Assert.Equal(loaded.Parameters.ToArray(), StackModelD.TrainedParameters.ToArray());
        Assert.Equal(loadedF.Parameters.ToArray(), new StackModelF().Parameters.ToArray());
    }

    [Fact]
    public void RTNeuralModel_ComputesWhatPyTorchComputed()
    {
        PyTorchSequenceFixture expected = PyTorchSequenceFixture.Load("stackRTNeural");
        var net = new StackModelD();
        expected.AssertComputedBy(net);
    }

    [Theory]
    [InlineData("stack")]
    [InlineData("lstm")]
    public void StateDictWeights_EqualTheRunTimeLoaders_AndComputeWhatPyTorchComputed(string name)
    {
        (ISequenceNetwork<double> compiled, ISequenceNetwork<double> declared) = name == "stack"
            ? ((ISequenceNetwork<double>)new StackWeightsD(), (ISequenceNetwork<double>)new StackD())
            : (new AmpWeightsD(), new AmpModelD());
        PyTorchWeights.Load(declared, Fixture($"{name}.state.json"));
        Assert.Equal(declared.Parameters.ToArray(), compiled.Parameters.ToArray());

        PyTorchSequenceFixture expected = PyTorchSequenceFixture.Load(name);
        expected.AssertComputedBy(compiled);
    }

    [Fact]
    public void FloatStateDictWeights_EqualTheRunTimeLoader()
    {
        var declared = new GruModel();
        PyTorchWeights.Load(declared, Fixture("gru.state.json"));

        Assert.Equal(declared.Parameters.ToArray(), new GruWeightsF().Parameters.ToArray());
    }

    [Fact]
    public void DenseWeights_AreTheHandComputedNetwork()
    {
        // W1 [in][out] = [[1, 0.5], [−2, 3]], b1 = (0.25, −1), W2 = (2, −1), b2 = 0.5 (see PyTorchWeightsTests).
        double[] expected = [1, 0.5, -2, 3, 0.25, -1, 2, -1, 0.5];
        Assert.Equal(expected.Select(v => (float)v).ToArray(), new TinyWeights().Parameters.ToArray());
        Assert.Equal(expected, new TinyWeightsD().Parameters.ToArray());

        var net = new TinyWeights();
        var y = new float[1];
        net.Forward([1f, 2f], y);
        Assert.Equal(-5f, y[0]);
        net.Forward([3f, 1f], y);
        Assert.Equal(-0.5f, y[0]);
    }

    [Fact]
    public void Parameters_BelongToEachInstance_AndStayTrainable()
    {
        var tuned = new StackModelD();
        var fresh = new StackModelD();
        PyTorchSequenceFixture fixture = PyTorchSequenceFixture.Load("stack");
        double before = tuned.Objective(fixture.Inputs, fixture.Targets);

        tuned.Optimizer.LearningRate = 0.01;
        for (int i = 0; i < 20; i++)
        {
            tuned.TrainSequence(fixture.Inputs, fixture.Targets);
        }

        Assert.True(tuned.Objective(fixture.Inputs, fixture.Targets) < before);
        Assert.NotEqual(tuned.Parameters.ToArray(), fresh.Parameters.ToArray());
        Assert.Equal(StackModelD.TrainedParameters.ToArray(), fresh.Parameters.ToArray());
    }

    [Fact]
    public void FineTunedModel_SavesAndLoadsLikeAnyNetwork()
    {
        var tuned = new StackModelD();
        PyTorchSequenceFixture fixture = PyTorchSequenceFixture.Load("stack");
        tuned.Optimizer.LearningRate = 0.01;
        tuned.TrainSequence(fixture.Inputs, fixture.Targets);
        using var onnx = new MemoryStream();
        NetGen.Onnx.OnnxModel.Save(tuned, onnx);
        onnx.Position = 0;
        var declared = new StackD();
        NetGen.Onnx.OnnxModel.Load(declared, onnx);
        Assert.Equal(tuned.Parameters.ToArray(), declared.Parameters.ToArray());

        var tiny = new TinyWeights();
        tiny.Parameters[0] = 7f;
        using var weights = new MemoryStream();
        NetworkWeights.Save(tiny, weights);
        weights.Position = 0;
        var restored = new TinyWeights();
        NetworkWeights.Load(restored, weights);
        Assert.Equal(tiny.Parameters.ToArray(), restored.Parameters.ToArray());
        Assert.Equal(1f, TinyWeights.TrainedParameters[0]);
    }
}
