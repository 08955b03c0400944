using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using NetGen.Onnx.Messages;

namespace NetGen.Onnx;

/// <summary>
/// Reads a dense network's parameters from an ONNX graph: <see cref="DenseGraph"/> recognizes the layers, this
/// checks them against the network and converts the values to its element type.
/// </summary>
internal static class DenseGraphReader<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Checks that <paramref name="model"/> is a dense network matching <paramref name="network"/> and returns its
    /// parameters in NetGen's layout (for each layer W as [in][out] row-major, then b). With <paramref name="logits"/>
    /// (not Identity), the graph ends in logits and that activation is appended.
    /// </summary>
    public static T[] ReadParameters(ModelProto model, INetwork<T> network, Activation logits)
    {
        int elementType = OnnxElementTypes.ReadAs<T>(model);   // a float model widens into a double network exactly
        IReadOnlyList<DenseGraph.Layer> layers = LogitsActivation.Append(
            DenseGraph.Recognize(model, elementType, network.InputSize, network.OutputSize), logits);
        CheckAgainstNetwork(layers, network, elementType);
        double[] values = DenseGraph.Decode(layers, elementType);
        var parameters = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            parameters[i] = T.CreateTruncating(values[i]);   // exact: a float model's values came from floats
        }

        return parameters;
    }

    private static void CheckAgainstNetwork(IReadOnlyList<DenseGraph.Layer> layers, INetwork<T> network, int elementType)
    {
        ReadOnlySpan<int> sizes = network.LayerSizes;
        ReadOnlySpan<Activation> activations = network.Activations;
        string modelSizes = layers.Count == 0
            ? "no layers"
            : string.Join(" → ", layers.Select(l => l.Inputs).Append(layers[^1].Outputs));
        string networkSizes = string.Join(" → ", sizes.ToArray());
        if (layers.Count != sizes.Length - 1)
        {
            throw new OnnxFormatException(
                $"The model has {layers.Count} weight layer(s) ({modelSizes}); the network has {sizes.Length - 1} ({networkSizes}).");
        }

        for (int l = 0; l < layers.Count; l++)
        {
            if (layers[l].Inputs != sizes[l] || layers[l].Outputs != sizes[l + 1])
            {
                throw new OnnxFormatException(
                    $"Layer sizes differ: the model is {modelSizes}, the network is {networkSizes} " +
                    $"(layer {l + 1}: model {layers[l].Inputs}×{layers[l].Outputs}, network {sizes[l]}×{sizes[l + 1]}).");
            }
        }

        for (int l = 0; l < layers.Count; l++)
        {
            DenseGraph.Layer layer = layers[l];
            if (network.HasBias && layer.Bias is null)
            {
                throw new OnnxFormatException($"Layer {l + 1} of the model ({layer.Description}) has no bias; the network has biases (HasBias = true).");
            }

            if (!network.HasBias && layer.Bias is not null)
            {
                throw new OnnxFormatException($"Layer {l + 1} of the model ({layer.Description}) has a bias; the network has none (HasBias = false).");
            }
        }

        for (int l = 0; l < layers.Count; l++)
        {
            if (layers[l].Activation != activations[l])
            {
                throw new OnnxFormatException(
                    $"Activations differ at layer {l + 1}: the model has {layers[l].Activation} ({layers[l].Description}), " +
                    $"the network {activations[l]}. Model: [{string.Join(", ", layers.Select(x => x.Activation))}], " +
                    $"network: [{string.Join(", ", activations.ToArray())}].");
            }

            if (layers[l].LeakySlope is { } slope && !slope.Matches(network.LeakySlope, elementType))
            {
                string found = slope.IsFloatAttribute
                    ? $"{((float)slope.Value).ToString("R", CultureInfo.InvariantCulture)} in the model (LeakyRelu's float alpha)"
                    : $"{slope.Value.ToString("R", CultureInfo.InvariantCulture)} in the model (a {(elementType == TensorElementType.Float ? "float" : "double")} constant)";
                throw new OnnxFormatException(
                    $"Layer {l + 1}'s LeakyReLU slope is {found}; " +
                    $"the network's LeakySlope is {network.LeakySlope.ToString("R", CultureInfo.InvariantCulture)}.");
            }
        }
    }
}
