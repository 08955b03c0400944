using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The largest sequence network NetGen generates (NETGEN005): widths and depth as for dense networks, every
/// parameter and state element indexed by int; a state also holds the step's scratch (gate rows, intermediate outputs).
/// </summary>
internal static class SequenceLimits
{
    /// <summary>Most elements of streaming state (LSTM h and c, GRU h, convolution rings) and step scratch.</summary>
    public const long MaxStateElements = 16_777_216;

    /// <summary>Longest reach of a convolution, (k − 1)·d + 1 steps.</summary>
    public const long MaxReceptiveField = 1_048_576;

    /// <summary>Returns why the layers exceed a limit, or <see langword="null"/> when they fit.</summary>
    public static string? Check(IReadOnlyList<SequenceLayerSpec> layers, bool hasBias)
    {
        if (layers.Count > NetworkLimits.MaxWeightLayers)
        {
            return $"it has {layers.Count} layers, above the limit of {NetworkLimits.MaxWeightLayers}";
        }

        long parameters = 0, state = 0;
        foreach (SequenceLayerSpec layer in layers)
        {
            if (layer.Inputs > NetworkLimits.MaxLayerSize || layer.Outputs > NetworkLimits.MaxLayerSize)
            {
                return $"layer {layer.Index} is {layer.Inputs} → {layer.Outputs} wide, above the limit of {NetworkLimits.MaxLayerSize}";
            }

            long reach = ((long)(layer.KernelSize - 1) * layer.Dilation) + 1;
            if (reach > MaxReceptiveField)
            {
                return $"layer {layer.Index} reaches {reach} steps back ((k − 1)·d + 1), above the limit of {MaxReceptiveField}";
            }

            SequenceLayerPlanMath math = SequenceLayerPlanMath.Of(layer, hasBias);
            parameters += math.Parameters;
            state += math.State + math.Scratch;
        }

        if (parameters > NetworkLimits.MaxParameters)
        {
            return $"it has {parameters} parameters, above the limit of {NetworkLimits.MaxParameters}";
        }

        return state > MaxStateElements
            ? $"its streaming state and step scratch have {state} elements, above the limit of {MaxStateElements}"
            : null;
    }
}
