using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Onnx.Messages;

// Also compiled into the generator (linked).
namespace NetGen.Onnx;

/// <summary>
/// Folds the constant subgraphs exporters write over initializers (a recurrent layer's gates reordered with
/// <c>Slice</c> and <c>Concat</c>, a weight transposed, <c>Constant</c> nodes) into initializers, so the recognizers
/// see weights where the layers take them. Folded are Constant, Identity, Slice, Concat, Reshape, Transpose, Squeeze,
/// Unsqueeze and Flatten nodes of the default domain whose inputs are all constant, for FLOAT, DOUBLE, INT32 and INT64
/// tensors; they move values without computing any, so a folded weight holds exactly the file's values. Inputs given
/// as attributes by older opsets (Slice before 10, Squeeze and Unsqueeze before 13) are read too.
/// </summary>
internal static class ConstantSubgraphs
{
    public static GraphProto Fold(GraphProto graph)
    {
        var constants = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (TensorProto initializer in graph.Initializers)
        {
            constants[initializer.Name] = initializer;
        }

        var outputs = new HashSet<string>(graph.Outputs.Select(o => o.Name), StringComparer.Ordinal);
        var remaining = new List<NodeProto>(graph.Nodes);
        var folded = new List<TensorProto>();
        bool changed = true;
        while (changed)
        {
            // Nodes are in topological order in valid files; repeating covers any order.
            changed = false;
            for (int i = 0; i < remaining.Count; i++)
            {
                NodeProto node = remaining[i];
                if (node.Outputs.Count != 1 || node.Outputs[0].Length == 0 || outputs.Contains(node.Outputs[0])
                    || constants.ContainsKey(node.Outputs[0]) || Evaluate(node, constants) is not { } value)
                {
                    continue;
                }

                value.Name = node.Outputs[0];
                constants[value.Name] = value;
                folded.Add(value);
                remaining.RemoveAt(i--);
                changed = true;
            }
        }

        return folded.Count == 0 ? graph : FunctionInliner.GraphWith(graph, remaining, graph.Initializers.Concat(folded));
    }

    private static TensorProto? Evaluate(NodeProto node, Dictionary<string, TensorProto> constants)
    {
        if (node.Domain.Length > 0 && node.Domain != "ai.onnx")
        {
            return null;
        }

        if (node.OpType == "Constant")
        {
            return ConstantValue(node) is { } constant ? ConstantTensor.From(constant)?.ToProto() : null;
        }

        var inputs = new ConstantTensor?[node.Inputs.Count];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (node.Inputs[i].Length == 0)
            {
                continue;
            }

            if (!constants.TryGetValue(node.Inputs[i], out TensorProto? proto) || ConstantTensor.From(proto) is not { } tensor)
            {
                return null;
            }

            inputs[i] = tensor;
        }

        if (inputs.Length == 0 || inputs[0] is not { } data)
        {
            return null;
        }

        long[]? Ints(int input, string attribute) =>
            input < inputs.Length && inputs[input] is { } t ? t.Integers() : node.FindAttribute(attribute)?.Ints.ToArray();
        ConstantTensor? result = node.OpType switch
        {
            "Identity" => data,
            "Reshape" => Ints(1, "shape") is { } shape ? data.Reshape(shape, node.FindAttribute("allowzero")?.Int == 1) : null,
            "Flatten" => data.Flatten(node.FindAttribute("axis")?.Int ?? 1),
            "Squeeze" => data.Squeeze(Ints(1, "axes")),
            "Unsqueeze" => Ints(1, "axes") is { } axes ? data.Unsqueeze(axes) : null,
            "Transpose" => data.Transpose(node.FindAttribute("perm")?.Ints.ToArray()),
            "Concat" => node.FindAttribute("axis") is { } axis && inputs.All(t => t is not null)
                ? ConstantTensor.Concat(inputs!, axis.Int)
                : null,
            "Slice" => Ints(1, "starts") is { } starts && Ints(2, "ends") is { } ends
                ? data.Slice(starts, ends, Ints(3, "axes"), inputs.Length > 4 ? inputs[4]?.Integers() : null)
                : null,
            _ => null,
        };
        return result?.Valid()?.ToProto();
    }

    /// <summary>A Constant node's value as a tensor (value, value_float(s), value_int(s)).</summary>
    private static TensorProto? ConstantValue(NodeProto node)
    {
        if (node.Attributes.Count != 1)
        {
            return null;
        }

        AttributeProto a = node.Attributes[0];
        var tensor = new TensorProto();
        switch (a.Name)
        {
            case "value":
                return a.Tensor;
            case "value_float":
                tensor.DataType = TensorElementType.Float;
                tensor.FloatData.Add(a.Float);
                return tensor;
            case "value_floats":
                tensor.DataType = TensorElementType.Float;
                tensor.Dims.Add(a.Floats.Count);
                tensor.FloatData.AddRange(a.Floats);
                return tensor;
            case "value_int":
                tensor.DataType = ConstantTensor.Int64;
                tensor.Int64Data.Add(a.Int);
                return tensor;
            case "value_ints":
                tensor.DataType = ConstantTensor.Int64;
                tensor.Dims.Add(a.Ints.Count);
                tensor.Int64Data.AddRange(a.Ints);
                return tensor;
            default:
                return null;
        }
    }
}
