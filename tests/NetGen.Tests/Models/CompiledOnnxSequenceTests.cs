using System;
using System.IO;
using System.Linq;
using NetGen.Onnx;
using NetGen.Tests.Sequence;
using Xunit;

namespace NetGen.Tests.Models;

/// <summary>
/// [NetworkModel] over the ONNX files torch.onnx.export wrote for the sequence fixtures: the generated class has the
/// layers of the declared network the fixture was made from, starts with exactly what <see cref="OnnxModel.Load{T}(ISequenceNetwork{T}, string)"/>
/// reads into that network, and computes PyTorch's recorded outputs.
/// </summary>
public class CompiledOnnxSequenceTests
{
    public static TheoryData<string, string> Models => new()
    {
        { "lstm", nameof(LstmOnnxD) },
        { "gru", nameof(GruOnnxD) },
        { "tcn", nameof(TcnOnnxD) },
        { "stack", nameof(StackOnnxD) },
        { "stackNoBias", nameof(StackNoBiasOnnxD) },
        { "lstm2", nameof(Lstm2OnnxD) },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void CompiledModel_HasTheDeclaredLayers_TheLoadersParameters_AndPyTorchsOutputs(string fixture, string compiledName)
    {
        ISequenceNetwork<double> compiled = Create(compiledName);
        string declaredName = PyTorchWeightsSequenceTests.Models.Single(row => (string)row[0] == fixture)[1].ToString()!;
        ISequenceNetwork<double> declared = PyTorchWeightsSequenceTests.Create(declaredName);
        OnnxModel.Load(declared, ModelPath(fixture));

        Assert.Equal(declared.Layers.ToArray(), compiled.Layers.ToArray());
        Assert.Equal(declared.Parameters.ToArray(), compiled.Parameters.ToArray());

        PyTorchSequenceFixture expected = PyTorchSequenceFixture.Load(fixture);
        expected.AssertComputedBy(compiled);
    }

    [Fact]
    public void FloatClass_FromADoubleGraph_HoldsItsValuesRoundedOnce()
    {
        var declared = new AmpModelD();
        OnnxModel.Load(declared, ModelPath("lstm"));

        float[] expected = declared.Parameters.ToArray().Select(v => (float)v).ToArray();
        Assert.Equal(expected, new LstmOnnxF().Parameters.ToArray());
        Assert.Equal(expected, LstmOnnxF.TrainedParameters.ToArray());
    }

    [Fact]
    public void WithoutElementType_TheClassTakesTheModelsOwn()
    {
        ISequenceNetwork<double> fromDoubleGraph = new GruOnnxDefault();
        Assert.Equal(new GruOnnxD().Parameters.ToArray(), fromDoubleGraph.Parameters.ToArray());
        Assert.IsAssignableFrom<INetwork<float>>(new DigitsModel());   // a float graph gives a float class
    }

    private static ISequenceNetwork<double> Create(string name) => name switch
    {
        nameof(LstmOnnxD) => new LstmOnnxD(),
        nameof(GruOnnxD) => new GruOnnxD(),
        nameof(TcnOnnxD) => new TcnOnnxD(),
        nameof(StackOnnxD) => new StackOnnxD(),
        nameof(StackNoBiasOnnxD) => new StackNoBiasOnnxD(),
        nameof(Lstm2OnnxD) => new Lstm2OnnxD(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a compiled ONNX model of these tests"),
    };

    private static string ModelPath(string fixture) => Path.Combine(AppContext.BaseDirectory, "Sequence", "Fixtures", fixture + ".onnx");
}
