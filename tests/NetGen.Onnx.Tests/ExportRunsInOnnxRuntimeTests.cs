using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Onnx.Tests;

/// <summary>
/// Every exported network runs in ONNX Runtime and gives NetGen's outputs: every activation as hidden and as
/// output, softmax output, float and double, with and without bias.
/// </summary>
public class ExportRunsInOnnxRuntimeTests
{
    private const int Rows = 6;

    private readonly ITestOutputHelper _output;

    public ExportRunsInOnnxRuntimeTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Networks() => TestModels.NetworkNames();

    [Theory]
    [MemberData(nameof(Networks))]
    public void OnnxRuntime_output_matches_Forward(string name)
    {
        double worst = OnnxNetworks.Create(name) switch
        {
            INetwork<float> network => Compare(network),
            INetwork<double> network => Compare(network),
            _ => throw new InvalidOperationException(name),
        };

        _output.WriteLine($"{name}: worst |ORT − Forward| / max(1, |Forward|) = {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Model_describes_the_network(string name)
    {
        switch (OnnxNetworks.Create(name))
        {
            case INetwork<float> network:
                CheckMetadata(network, "Single");
                break;
            case INetwork<double> network:
                CheckMetadata(network, "Double");
                break;
        }
    }

    [Fact]
    public void Float_GELU_uses_the_Gelu_operator_and_double_GELU_the_formula()
    {
        // Gelu exists from opset 20 on: ONNX Runtime rejects the float model unless it imports opset 20.
        Assert.Contains("op_type:Gelu", Summary(TestModels.Export(new GELUFloatBias())));
        Assert.DoesNotContain("op_type:Gelu", Summary(TestModels.Export(new GELUDoubleBias())));
        Assert.Contains("op_type:Tanh", Summary(TestModels.Export(new GELUDoubleBias())));
    }

    private double Compare<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TestModels.Randomize(network, seed: 11);
        T[] inputs = TestModels.Inputs<T>(Rows, network.InputSize, seed: 12);
        T[] expected = TestModels.Forward(network, inputs);

        T[] actual = TestModels.RunOnnxRuntime(TestModels.Export(network), inputs, network.InputSize);

        double worst = TestModels.WorstDifference(expected, actual);
        Assert.True(
            worst <= TestModels.ToleranceFor<T>(),
            $"ONNX Runtime differs from Forward by {worst:E3} (tolerance {TestModels.ToleranceFor<T>():E0}).\n" +
            $"Forward: {string.Join(", ", expected)}\nORT:     {string.Join(", ", actual)}");
        return worst;
    }

    private static void CheckMetadata<T>(INetwork<T> network, string elementName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var session = new InferenceSession(TestModels.Export(network));

        Assert.Equal("NetGen", session.ModelMetadata.ProducerName);
        Assert.Equal(network.GetType().Name, session.ModelMetadata.GraphName);
        NodeMetadata input = Assert.Single(session.InputMetadata, m => m.Key == "input").Value;
        NodeMetadata output = Assert.Single(session.OutputMetadata, m => m.Key == "output").Value;
        Assert.Equal(new[] { -1, network.InputSize }, input.Dimensions);
        Assert.Equal(new[] { -1, network.OutputSize }, output.Dimensions);
        Assert.Equal("N", input.SymbolicDimensions[0]);
        Assert.Equal("N", output.SymbolicDimensions[0]);
        Assert.Equal(elementName, input.ElementType.Name);
        Assert.Equal(elementName, output.ElementType.Name);
        Assert.Single(session.InputMetadata);
        Assert.Single(session.OutputMetadata);
    }

    /// <summary>The op types in a model, found by their field encoding (NodeProto.op_type is field 4, a string).</summary>
    private static string Summary(byte[] model)
    {
        var ops = new List<string>();
        foreach (string op in new[] { "Gemm", "Gelu", "Tanh", "Mul" })
        {
            byte[] pattern = [0x22, (byte)op.Length, .. System.Text.Encoding.ASCII.GetBytes(op)];
            if (model.AsSpan().IndexOf(pattern) >= 0)
            {
                ops.Add("op_type:" + op);
            }
        }

        return string.Join(" ", ops);
    }
}
