using System;
using System.Linq;
using NetGen.Generator.Model;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// The generator cannot reference the runtime library, so it mirrors its enums; these tests keep the mirrors exact.
/// </summary>
public sealed class EnumMirrorTests
{
    [Fact]
    public void ActivationKind_MirrorsActivation() => AssertSameMembers<NetGen.Activation, ActivationKind>();

    [Fact]
    public void LossKind_MirrorsLoss() => AssertSameMembers<NetGen.Loss, LossKind>();

    [Fact]
    public void OptimizerKind_MirrorsOptimizerKind() => AssertSameMembers<NetGen.OptimizerKind, Model.OptimizerKind>();

    private static void AssertSameMembers<TRuntime, TMirror>()
        where TRuntime : struct, Enum
        where TMirror : struct, Enum
    {
        var runtime = Enum.GetValues<TRuntime>().Select(v => (Name: v.ToString(), Value: Convert.ToInt32(v))).ToArray();
        var mirror = Enum.GetValues<TMirror>().Select(v => (Name: v.ToString(), Value: Convert.ToInt32(v))).ToArray();
        Assert.Equal(runtime, mirror);
    }
}
