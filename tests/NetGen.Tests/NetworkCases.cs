using System;
using Xunit;

namespace NetGen.Tests;

internal delegate void ForwardBatchMethod(ReadOnlySpan<float> inputs, Span<float> outputs);

internal delegate float CostBatchMethod(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

internal delegate float AccumulateGradientsBatchMethod(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> gradients);

/// <summary>
/// A fresh instance of one generated network with its spec. The single-sample members are reached through
/// <see cref="ITrainableNetwork{T}"/>; the batch members, which only the generated class has, through delegates bound to it.
/// </summary>
internal sealed record NetworkCase(
    NetworkSpec Spec,
    ITrainableNetwork<float> Network,
    ForwardBatchMethod ForwardBatch,
    CostBatchMethod CostBatch,
    AccumulateGradientsBatchMethod AccumulateGradientsBatch)
{
    public string Name => Spec.Name;

    /// <summary>A double-precision reference holding this network's current parameters.</summary>
    public ScalarReference Reference() => new(Spec, Network.Parameters);
}

/// <summary>The networks of <c>Networks.cs</c>, by name, for theories.</summary>
internal static class NetworkCases
{
    public static readonly NetworkSpec StudyScore = new(nameof(StudyScoreNet), [2, 3, 1], Activation.Sigmoid, Activation.Sigmoid, false);
    public static readonly NetworkSpec Tanh = new(nameof(TanhNet), [4, 8, 8, 3], Activation.Tanh, Activation.Identity, true);
    public static readonly NetworkSpec Relu = new(nameof(ReluNet), [3, 5, 2], Activation.ReLU, Activation.Identity, true);
    public static readonly NetworkSpec Deep = new(nameof(DeepNet), [5, 7, 6, 4, 3], Activation.Sigmoid, Activation.Tanh, true);
    public static readonly NetworkSpec DeepRelu = new(nameof(DeepReluNet), [6, 9, 5, 4], Activation.ReLU, Activation.ReLU, false);
    public static readonly NetworkSpec Wide = new(nameof(WideNet), [20, 37, 9], Activation.Identity, Activation.ReLU, true);
    // A single weight layer has no hidden activation; the attribute's default (Sigmoid) is never applied.
    public static readonly NetworkSpec Linear = new(nameof(LinearNet), [3, 2], Activation.Sigmoid, Activation.Identity, true);
    public static readonly NetworkSpec Loop = new(nameof(LoopNet), [64, 40, 10], Activation.ReLU, Activation.Sigmoid, true);
    public static readonly NetworkSpec Mnist = new(nameof(MnistNet), [784, 128, 10], Activation.Tanh, Activation.Sigmoid, true);

    private static readonly NetworkSpec[] Specs = [StudyScore, Tanh, Relu, Deep, DeepRelu, Wide, Linear, Loop, Mnist];

    /// <summary>The names of every network.</summary>
    public static string[] Names => Array.ConvertAll(Specs, s => s.Name);

    /// <summary>Every network, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> All => new(Names);

    public static NetworkSpec Spec(string name) => Array.Find(Specs, s => s.Name == name)
        ?? throw new ArgumentException($"No network named {name}.", nameof(name));

    /// <summary>A new, default-initialized instance of the named network.</summary>
    public static NetworkCase Create(string name)
    {
        NetworkSpec spec = Spec(name);
        switch (name)
        {
            case nameof(StudyScoreNet):
            {
                var n = new StudyScoreNet();
                return new(spec, n, n.ForwardBatch, n.CostBatch, n.AccumulateGradientsBatch);
            }

            case nameof(TanhNet):
            {
                var n = new TanhNet();
                return new(spec, n, n.ForwardBatch, n.CostBatch, n.AccumulateGradientsBatch);
            }

            case nameof(ReluNet):
            {
                var n = new ReluNet();
                return new(spec, n, n.ForwardBatch, n.CostBatch, n.AccumulateGradientsBatch);
            }

            case nameof(DeepNet):
            {
                var n = new DeepNet();
                return new(spec, n, n.ForwardBatch, n.CostBatch, n.AccumulateGradientsBatch);
            }

            case nameof(DeepReluNet):
            {
                var n = new DeepReluNet();
                return new(spec, n, n.ForwardBatch, n.CostBatch, n.AccumulateGradientsBatch);
            }

            case nameof(WideNet):
            {
                var n = new WideNet();
                return new(spec, n, n.ForwardBatch, n.CostBatch, n.AccumulateGradientsBatch);
            }

            case nameof(LinearNet):
            {
                var n = new LinearNet();
                return new(spec, n, n.ForwardBatch, n.CostBatch, n.AccumulateGradientsBatch);
            }

            case nameof(LoopNet):
            {
                var n = new LoopNet();
                return new(spec, n, n.ForwardBatch, n.CostBatch, n.AccumulateGradientsBatch);
            }

            case nameof(MnistNet):
            {
                var n = new MnistNet();
                return new(spec, n, n.ForwardBatch, n.CostBatch, n.AccumulateGradientsBatch);
            }

            default:
                throw new ArgumentException($"No network named {name}.", nameof(name));
        }
    }
}
