using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using NetGen.Onnx.Messages;

namespace NetGen.Onnx;

/// <summary>
/// Reads a sequence network's parameters from an ONNX graph: <see cref="SequenceGraph"/> finds the layers and decodes
/// each for the network's declared layer; this checks the count and the activations' options against the network and
/// converts the values to its element type.
/// </summary>
internal static class SequenceGraphReader<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T[] ReadParameters(ModelProto model, ISequenceNetwork<T> network)
    {
        int elementType = OnnxElementTypes.ReadAs<T>(model);   // a float model widens into a double network exactly
        List<SequenceGraph.Found> found = SequenceGraph.Recognize(model, elementType);
        ReadOnlySpan<SequenceLayer> layers = network.Layers;
        if (found.Count != layers.Length)
        {
            throw new OnnxFormatException(
                $"The graph has {found.Count} weight layers ({string.Join(", ", found.Select(f => $"{f.Node.OpType} '{f.Node.Name}'"))}), " +
                $"but the network has {layers.Length}.");
        }

        foreach (SequenceGraph.Found f in found)
        {
            if (f.Alpha is { } alpha && Math.Abs(alpha - network.LeakySlope) > 1e-6 * Math.Max(1, network.LeakySlope))
            {
                throw new OnnxFormatException($"Node '{f.Node.Name}' has LeakyRelu alpha {alpha}, but the network's LeakySlope is {network.LeakySlope}.");
            }
        }

        var parameters = new T[network.ParameterCount];
        int offset = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            SequenceLayer layer = layers[l];
            SequenceGraph.Found f = found[l];
            string where = $"Layer {l + 1} ({layer.Kind} {layer.Inputs} → {layer.Outputs}) from {f.Node.OpType} '{f.Node.Name}'";
            double[] values = SequenceGraph.Decode(f, layer, elementType, where);
            for (int i = 0; i < values.Length; i++)
            {
                parameters[offset + i] = T.CreateTruncating(values[i]);
            }

            offset += layer.ParameterCount;
        }

        return parameters;
    }
}
