using System;
using System.Collections.Generic;
using NetGen.Onnx.Messages;

// Also compiled into the generator (linked).
namespace NetGen.Onnx;

/// <summary>
/// Replaces each call of a model-local function (a node whose domain, op_type and overload name a
/// <see cref="FunctionProto"/> of the model) by the function's nodes: formal inputs and outputs become the call's
/// values, the function's own values get names unique to the call, and attributes that refer to the caller's take
/// their values (or the function's defaults). Functions calling functions are inlined too, to a bounded depth.
/// </summary>
internal static class FunctionInliner
{
    private const int MaxDepth = 32;
    private const int MaxNodes = 1 << 18;

    public static GraphProto Inline(GraphProto graph, IReadOnlyList<FunctionProto> functions)
    {
        var byKey = new Dictionary<string, FunctionProto>(StringComparer.Ordinal);
        foreach (FunctionProto function in functions)
        {
            string key = Key(function.Domain, function.Name, function.Overload);
            if (byKey.ContainsKey(key))
            {
                throw new OnnxFormatException($"The model defines function '{Describe(function)}' twice.");
            }

            byKey[key] = function;
        }

        var nodes = new List<NodeProto>();
        int calls = 0;
        foreach (NodeProto node in graph.Nodes)
        {
            Expand(node, byKey, nodes, 0, ref calls);
        }

        return GraphWith(graph, nodes, graph.Initializers);
    }

    /// <summary>A copy of <paramref name="graph"/> with other nodes and initializers (inputs and outputs shared).</summary>
    public static GraphProto GraphWith(GraphProto graph, IEnumerable<NodeProto> nodes, IEnumerable<TensorProto> initializers)
    {
        var copy = new GraphProto { Name = graph.Name, DocString = graph.DocString, SparseInitializerCount = graph.SparseInitializerCount };
        copy.Nodes.AddRange(nodes);
        copy.Initializers.AddRange(initializers);
        copy.Inputs.AddRange(graph.Inputs);
        copy.Outputs.AddRange(graph.Outputs);
        return copy;
    }

    private static void Expand(NodeProto node, Dictionary<string, FunctionProto> functions, List<NodeProto> nodes, int depth, ref int calls)
    {
        if (nodes.Count > MaxNodes)
        {
            throw new OnnxFormatException($"Inlining the model's functions gives more than {MaxNodes} nodes.");
        }

        if (!functions.TryGetValue(Key(node.Domain, node.OpType, node.Overload), out FunctionProto? function))
        {
            nodes.Add(node);
            return;
        }

        if (depth >= MaxDepth)
        {
            throw new OnnxFormatException(
                $"Function '{Describe(function)}' is called {MaxDepth} levels deep: the model's functions call each other in a cycle.");
        }

        if (node.Inputs.Count > function.Inputs.Count || node.Outputs.Count > function.Outputs.Count)
        {
            throw new OnnxFormatException(
                $"Node '{node.Name}' calls function '{Describe(function)}' with {node.Inputs.Count} inputs " +
                $"and {node.Outputs.Count} outputs; " +
                $"it has {function.Inputs.Count} and {function.Outputs.Count}.");
        }

        // The function's own values are renamed under a prefix unique to this call.
        string prefix = $"{(node.Name.Length > 0 ? node.Name : function.Name)}#{calls++}/";
        var bound = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < function.Inputs.Count; i++)
        {
            bound[function.Inputs[i]] = i < node.Inputs.Count ? node.Inputs[i] : "";
        }

        for (int i = 0; i < node.Outputs.Count; i++)
        {
            bound[function.Outputs[i]] = node.Outputs[i];
        }

        string Rename(string value) => value.Length == 0 ? "" : bound.TryGetValue(value, out string? actual) ? actual : prefix + value;
        foreach (NodeProto inner in function.Nodes)
        {
            var copy = new NodeProto
            {
                Name = prefix + inner.Name, OpType = inner.OpType, Domain = inner.Domain, Overload = inner.Overload,
            };
            inner.Inputs.ForEach(i => copy.Inputs.Add(Rename(i)));
            inner.Outputs.ForEach(o => copy.Outputs.Add(Rename(o)));
            foreach (AttributeProto attribute in inner.Attributes)
            {
                if (attribute.RefAttrName.Length == 0)
                {
                    copy.Attributes.Add(attribute);
                }
                else if ((node.FindAttribute(attribute.RefAttrName)
                          ?? function.AttributeDefaults.Find(a => a.Name == attribute.RefAttrName)) is { } value)
                {
                    copy.Attributes.Add(value.Renamed(attribute.Name));
                }
            }

            Expand(copy, functions, nodes, depth + 1, ref calls);
        }
    }

    private static string Key(string domain, string name, string overload) =>
        (domain == "ai.onnx" ? "" : domain) + "\n" + name + "\n" + overload;

    private static string Describe(FunctionProto function) =>
        (function.Domain.Length > 0 ? function.Domain + "." : "") + function.Name
        + (function.Overload.Length > 0 ? ":" + function.Overload : "");
}
