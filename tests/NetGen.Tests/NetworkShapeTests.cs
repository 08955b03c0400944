using System;
using Xunit;

namespace NetGen.Tests;

/// <summary>The generated constants and metadata against the test's own copy of each declaration.</summary>
public sealed class NetworkShapeTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void InterfaceMetadata_MatchesDeclaration(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        ITrainableNetwork<float> net = c.Network;

        Assert.Equal(c.Spec.InputSize, net.InputSize);
        Assert.Equal(c.Spec.OutputSize, net.OutputSize);
        Assert.Equal(c.Spec.ParameterCount, net.ParameterCount);
        Assert.Equal(c.Spec.ParameterCount, net.Parameters.Length);
        Assert.Equal(c.Spec.LayerSizes, net.LayerSizes.ToArray());
        Assert.Equal(c.Spec.Activations, net.Activations.ToArray());
        Assert.Equal(c.Spec.Bias, net.HasBias);
        Assert.Equal(Loss.SquaredError, net.Loss);
    }

    [Fact]
    public void StaticMembers_AreCompileTimeConstantsAndMatch()
    {
        // Used in constant expressions, so these only compile if the generator emits const fields.
        const int studyParameters = StudyScoreNet.ParameterCount;
        const int mnistParameters = MnistNet.ParameterCount;
        const bool studyBias = StudyScoreNet.HasBias;

        Assert.Equal(9, studyParameters);
        Assert.Equal((784 * 128) + 128 + (128 * 10) + 10, mnistParameters);
        Assert.False(studyBias);
        Assert.True(DeepNet.HasBias);
        Assert.Equal(5, DeepNet.InputSize);
        Assert.Equal(3, DeepNet.OutputSize);
        Assert.Equal(Loss.SquaredError, DeepNet.Loss);
        Assert.Equal(new[] { 5, 7, 6, 4, 3 }, DeepNet.LayerSizes.ToArray());
        Assert.Equal(
            new[] { Activation.Sigmoid, Activation.Sigmoid, Activation.Sigmoid, Activation.Tanh },
            DeepNet.Activations.ToArray());
        Assert.Equal(new[] { Activation.Identity }, LinearNet.Activations.ToArray());
    }

    [Fact]
    public void Parameters_IsAViewOfTheNetworkState()
    {
        var net = new StudyScoreNet();
        net.Parameters[4] = 123f;

        Assert.Equal(123f, net.Parameters[4]);
        Assert.Equal(123f, ((ITrainableNetwork<float>)net).Parameters[4]);
    }
}
