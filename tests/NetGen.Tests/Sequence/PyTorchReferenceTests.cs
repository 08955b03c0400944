using System;
using System.Linq;
using Xunit;

namespace NetGen.Tests.Sequence;

/// <summary>
/// Sequence networks against PyTorch's float64 outputs and gradients for the same parameters and inputs
/// (Fixtures/pytorch-sequence.json): PyTorch's nn.LSTM and nn.GRU gate semantics, the causal padding of a dilated
/// nn.Conv1d, and backpropagation through time.
/// </summary>
public class PyTorchReferenceTests
{
    /// <summary>
    /// Double against float64: both round each operation to 53 bits, in different orders and with different exp and
    /// tanh, so outputs agree to about 1e−15 relative per step; 40 frames of recurrence keep that far below 1e−12.
    /// </summary>
    private const double DoubleTolerance = 1e-12;

    [Fact]
    public void Lstm_Process_EqualsPyTorch() => CheckOutputs(new AmpModelD(), "lstm");

    [Fact]
    public void Gru_Process_EqualsPyTorch() => CheckOutputs(new GruModelD(), "gru");

    [Fact]
    public void DilatedCausalConvolutions_Process_EqualsPyTorch() => CheckOutputs(new TcnModelD(), "tcn");

    [Fact]
    public void Stack_Process_EqualsPyTorch() => CheckOutputs(new StackD(), "stack");

    [Fact]
    public void StackWithoutBias_Process_EqualsPyTorch() => CheckOutputs(new StackNoBiasD(), "stackNoBias");

    [Theory]
    [InlineData("stack")]
    [InlineData("stackNoBias")]
    public void Stack_ObjectiveGradient_EqualsPyTorchAutograd(string name)
    {
        PyTorchSequenceFixture fixture = PyTorchSequenceFixture.Load(name);
        ISequenceNetwork<double> net = name == "stack" ? new StackD() : new StackNoBiasD();
        fixture.Parameters().CopyTo(net.Parameters);
        double[] expected = fixture.Gradients();
        var gradient = new double[net.ParameterCount];

        double objective = net.ObjectiveGradient(fixture.Inputs, fixture.Targets, gradient);

        NumericAssert.Close(fixture.Objective, objective, DoubleTolerance * Math.Max(1, Math.Abs(fixture.Objective)), "J");
        NumericAssert.Close(fixture.Objective, net.Objective(fixture.Inputs, fixture.Targets), DoubleTolerance, "Objective");
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < expected.Length; i++)
        {
            NumericAssert.Close(expected[i], gradient[i], 1e-11 * scale, $"∂J/∂θ[{i}]");
        }
    }

    [Fact]
    public void FloatLstm_Process_EqualsPyTorchWithinFloatRounding()
    {
        PyTorchSequenceFixture fixture = PyTorchSequenceFixture.Load("lstm");
        var net = new AmpModel();
        fixture.Parameters().Select(v => (float)v).ToArray().CopyTo(net.Parameters.ToArray().AsSpan());
        float[] parameters = fixture.Parameters().Select(v => (float)v).ToArray();
        parameters.CopyTo(net.Parameters);
        float[] inputs = fixture.Inputs.Select(v => (float)v).ToArray();
        var outputs = new float[inputs.Length];

        net.Process(inputs, outputs);

        // Float parameters and inputs (rounded once, 6e−8 relative) through 17 terms per gate and 40 steps of
        // recurrence, with NetGen's float exp and tanh (≤ 3.2e−7 relative): a few 1e−6; 1e−5 leaves a margin.
        NumericAssert.AllClose(fixture.Outputs, outputs, 1e-5, "ŷ");
    }

    private static void CheckOutputs(ISequenceNetwork<double> net, string name)
    {
        PyTorchSequenceFixture fixture = PyTorchSequenceFixture.Load(name);
        double[] parameters = fixture.Parameters();
        Assert.Equal(net.ParameterCount, parameters.Length);
        parameters.CopyTo(net.Parameters);
        double[] inputs = fixture.Inputs;
        var outputs = new double[fixture.Outputs.Length];

        net.Process(inputs, outputs);

        for (int i = 0; i < outputs.Length; i++)
        {
            NumericAssert.Close(fixture.Outputs[i], outputs[i], DoubleTolerance * Math.Max(1, Math.Abs(fixture.Outputs[i])), $"ŷ[{i}]");
        }
    }
}
