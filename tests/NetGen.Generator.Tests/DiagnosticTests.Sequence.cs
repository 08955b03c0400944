using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>The diagnostics of sequence networks (NETGEN020–NETGEN025, and the shared ones they reach), each at its span.</summary>
public sealed partial class DiagnosticTests
{
    private const string Class = "\npublic partial class Net\n{\n}\n";

    [Theory]
    [InlineData("[Network(1, [|16|], 1)]\n[Lstm(16)]\n[Dense(1)]")]
    [InlineData("[[|Network()|]]\n[Gru(4)]")]
    [InlineData("[[|Network(new[] { 1, 2 })|]]\n[Dense(1)]")]
    public void NETGEN020_SequenceNetworkWithMoreThanTheInputSize_OnSecondSize(string attributes) =>
        AssertDiagnostics("NETGEN020", Header + attributes + Class);

    [Theory]
    [InlineData("[Network(1, [|Output = Activation.Tanh|])]\n[Gru(8)]\n[Dense(1)]")]
    [InlineData("[Network(1, [|Hidden = Activation.ReLU|])]\n[Dense(1)]")]
    [InlineData("[Network(1, [|Activations = new[] { Activation.ReLU }|])]\n[Dense(1)]")]
    public void NETGEN021_DenseActivationOptionsInASequenceNetwork_OnTheOption(string attributes) =>
        AssertDiagnostics("NETGEN021", Header + attributes + Class);

    [Theory]
    [InlineData("[Network(1, [|Loss = Loss.CrossEntropy|])]\n[Lstm(8)]\n[Dense(1, Activation = Activation.Sigmoid)]")]
    [InlineData("[Network(1, [|Loss = Loss.Hellinger|])]\n[Lstm(8)]\n[Dense(1, Activation = Activation.Softplus)]")]
    public void NETGEN022_LossOtherThanSquaredError_OnLoss(string attributes) =>
        AssertDiagnostics("NETGEN022", Header + attributes + Class);

    [Theory]
    [InlineData("[Network(1)]\n[Lstm([|0|])]\n[Dense(1)]")]
    [InlineData("[Network(1)]\n[Gru(4)]\n[Dense([|-1|])]")]
    [InlineData("[Network(1)]\n[Conv1D(8, [|KernelSize = 0|], [|Dilation = -2|])]\n[Dense(1)]")]
    [InlineData("[Network(1)]\n[Conv1D([|0|], KernelSize = 3)]\n[Conv1D(4, [|Dilation = 0|])]")]
    public void NETGEN023_LayerArgumentBelowOne_OnEachArgument(string attributes) =>
        AssertDiagnostics("NETGEN023", Header + attributes + Class);

    [Theory]
    [InlineData("[Network(1)]\n[Lstm(8)]\n[Dense(4, [|Activation = Activation.Softmax|])]")]
    [InlineData("[Network(1)]\n[Conv1D(4, KernelSize = 2, [|Activation = Activation.GELU|])]")]
    [InlineData("[Network(1)]\n[Gru(8)]\n[Dense(4, [|Activation = Activation.LogSoftmax|])]")]
    public void NETGEN024_ActivationSequenceLayersDoNotSupport_OnActivation(string attributes) =>
        AssertDiagnostics("NETGEN024", Header + attributes + Class);

    [Theory]
    [InlineData("[[|Lstm(16)|]]\n[[|Dense(1)|]]")]
    [InlineData("[[|Conv1D(4, KernelSize = 3)|]]\n[[|Gru(2)|]]")]
    [InlineData("[[|NetGen.Dense(3)|]]")]
    public void NETGEN025_LayerAttributeWithoutNetwork_OnEachLayerAttribute(string attributes) =>
        AssertDiagnostics("NETGEN025", Header + attributes + Class);

    [Fact]
    public void SequenceSizeNotPositive_IsNETGEN004_OnTheInputSize() =>
        AssertDiagnostics("NETGEN004", Header + "[Network([|0|])]\n[Lstm(4)]\n[Dense(1)]" + Class);

    [Fact]
    public void SequenceActivationNotDefined_IsNETGEN006_OnActivation() =>
        AssertDiagnostics("NETGEN006", Header + "[Network(1)]\n[Dense(1, [|Activation = (Activation)42|])]" + Class);

    [Theory]
    [InlineData("[[|Network(1)|]]\n[Lstm(65537)]")]                               // a width above 65,536
    [InlineData("[[|Network(1)|]]\n[Conv1D(1, KernelSize = 2, Dilation = 2000000)]")]   // reaches 2,000,001 frames back
    [InlineData("[[|Network(1)|]]\n[Lstm(3000)]\n[Lstm(3000)]")]                 // 144 M parameters
    [InlineData("[[|Network(32)|]]\n[Conv1D(1, KernelSize = 2, Dilation = 1000000)]")]   // a ring of 2²⁰ frames of 32: 33.5 M state
    public void NETGEN005_SequenceNetworkTooLarge_OnNetworkAttribute(string attributes) =>
        AssertDiagnostics("NETGEN005", Header + attributes + Class);
}
