using System.Collections.Generic;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The names NetGen declares in a network class. A user member with one of them would collide with the generated
/// one (CS0102, CS0111 inside the generated file); NETGEN033 reports it at the user's member instead. A test keeps
/// these lists equal to what the emitters write.
/// </summary>
internal static class GeneratedMembers
{
    /// <summary>What every dense network class receives.</summary>
    public static readonly HashSet<string> Dense = new(System.StringComparer.Ordinal)
    {
        "AccumulateGradients", "AccumulateGradientsBatch", "Activations", "Cost", "CostBatch", "Forward",
        "ForwardBatch", "HasBias", "InitializeParameters", "InputSize", "L2Regularization", "LayerSizes", "LeakySlope",
        "Loss", "Objective", "ObjectiveGradient", "Optimizer", "OutputSize", "ParameterCount", "Parameters", "SgdStep",
        "Tau", "TrainBatch", "TrainStep", "_gradients", "_l2Regularization", "_parameters",
    };

    /// <summary>What every sequence network class receives.</summary>
    public static readonly HashSet<string> Sequence = new(System.StringComparer.Ordinal)
    {
        "CreateState", "HasBias", "InitializeParameters", "InputSize", "L2Regularization", "Layers", "LeakySlope",
        "Loss", "Objective", "ObjectiveGradient", "Optimizer", "OutputSize", "ParameterCount", "Parameters", "Process",
        "ResetState", "StateSize", "Step", "TrainSequence", "_gradients", "_l2Regularization", "_parameters", "_state",
    };

    /// <summary>What a class with trained parameters (<c>[NetworkModel]</c>, <c>Weights</c>) receives besides.</summary>
    public const string TrainedParameters = "TrainedParameters";

    /// <summary>Whether <paramref name="name"/> is generated into a class of that kind.</summary>
    public static bool IsGenerated(string name, bool sequence, bool trained) =>
        (sequence ? Sequence : Dense).Contains(name) || (trained && name == TrainedParameters);
}
