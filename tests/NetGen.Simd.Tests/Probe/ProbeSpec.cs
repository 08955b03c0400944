using System.Collections.Generic;
using System.Linq;
using NetGen.CompilerServices;
using Xunit;

namespace NetGen.Simd.Tests.Probe;

/// <summary>
/// What one network of the probe is, written down here independently of the probe's [Network] declarations; the
/// probe prints each network's self-description and <see cref="Description"/> must equal it.
/// </summary>
public sealed record ProbeSpec(string Name, bool IsDouble, int[] Sizes, Activation[] Activations, Loss Loss, bool Bias)
{
    /// <summary>Every network the probe runs, in its order.</summary>
    public static IReadOnlyList<ProbeSpec> All { get; } =
    [
        Float("F2_3_1", [2, 3, 1], Activation.Sigmoid, Activation.Sigmoid),
        Float("F3_5_2", [3, 5, 2], Activation.ReLU, Activation.Identity),
        Double("D3_5_2", [3, 5, 2], Activation.Tanh, Activation.Sigmoid),
        Float("F8_16_16_1", [8, 16, 16, 1], Activation.Tanh, Activation.Tanh, Activation.Identity),
        Double("D8_16_16_1", [8, 16, 16, 1], Activation.Sigmoid, Activation.Sigmoid, Activation.Tanh),
        Float("F17_24_31_7", [17, 24, 31, 7], Activation.Sigmoid, Activation.Sigmoid, Activation.Sigmoid),
        Double("D17_24_31_7", [17, 24, 31, 7], Activation.Tanh, Activation.GELU, Activation.Identity),
        Float("F20_37_9", [20, 37, 9], Activation.GELU, Activation.Softmax) with { Loss = Loss.CrossEntropy },
        Double("D20_37_9", [20, 37, 9], Activation.GELU, Activation.Softmax) with { Loss = Loss.CrossEntropy },
        Float("F33_65_5", [33, 65, 5], Activation.ReLU, Activation.GELU) with { Bias = false },
        Float("F64_32_10", [64, 32, 10], Activation.ReLU, Activation.Identity),
        Float("F64_32_10_TanhSigmoid", [64, 32, 10], Activation.Tanh, Activation.Sigmoid),
        Float("F784_128_10", [784, 128, 10], Activation.ReLU, Activation.Identity),
        Float("F784_128_10_TanhSigmoid", [784, 128, 10], Activation.Tanh, Activation.Sigmoid),
        Double("D784_128_10", [784, 128, 10], Activation.Tanh, Activation.Softmax) with { Loss = Loss.CrossEntropy },
    ];

    /// <summary>Every network name, for theories.</summary>
    public static TheoryData<string> Names => new(All.Select(s => s.Name));

    public int InputSize => Sizes[0];

    public int OutputSize => Sizes[^1];

    public int ParameterCount => NetworkLayout.ParameterCount(Sizes, Bias);

    /// <summary>The "network …" line the probe prints for this network.</summary>
    public string Description =>
        $"network {Name} type={(IsDouble ? "Double" : "Single")} sizes={string.Join(",", Sizes)}"
        + $" activations={string.Join(",", Activations)} loss={Loss} bias={Bias}";

    public static ProbeSpec Get(string name) => All.Single(s => s.Name == name);

    private static ProbeSpec Float(string name, int[] sizes, params Activation[] activations) =>
        new(name, false, sizes, activations, Loss.SquaredError, true);

    private static ProbeSpec Double(string name, int[] sizes, params Activation[] activations) =>
        new(name, true, sizes, activations, Loss.SquaredError, true);
}
