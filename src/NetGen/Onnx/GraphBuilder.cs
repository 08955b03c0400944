using System;
using System.Collections.Generic;
using System.Numerics;
using NetGen.Onnx.Messages;

namespace NetGen.Onnx;

/// <summary>Adds initializers and activation nodes to a graph, each shared constant once.</summary>
internal sealed class GraphBuilder<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly GraphProto _graph;
    private readonly T _leakySlope;
    private readonly HashSet<string> _constants = new();

    public GraphBuilder(GraphProto graph, T leakySlope)
    {
        _graph = graph;
        _leakySlope = leakySlope;
    }

    /// <summary>Adds an initializer holding <paramref name="values"/> with the given dimensions; returns its name.</summary>
    public string AddTensor(string name, ReadOnlySpan<T> values, params ReadOnlySpan<long> dims)
    {
        var tensor = new TensorProto { Name = name, DataType = OnnxElementTypes.Of<T>(), RawData = OnnxElementTypes.ToBytes(values) };
        foreach (long dim in dims)
        {
            tensor.Dims.Add(dim);
        }

        _graph.Initializers.Add(tensor);
        return name;
    }

    /// <summary>Adds an int64 initializer (axes, shapes) once; returns its name.</summary>
    public string AddInt64(string name, params ReadOnlySpan<long> values)
    {
        if (!_constants.Add(name))
        {
            return name;
        }

        var bytes = new byte[values.Length * sizeof(long)];
        for (int i = 0; i < values.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        }

        var tensor = new TensorProto { Name = name, DataType = 7, RawData = bytes };   // 7: INT64
        tensor.Dims.Add(values.Length);
        _graph.Initializers.Add(tensor);
        return name;
    }

    public void AddActivation(Activation activation, int layer, string z, string a)
    {
        bool isDouble = typeof(T) == typeof(double);
        switch (activation)
        {
            case Activation.Identity:
                break; // the Gemm already wrote its result under the activation's name
            case Activation.Sigmoid:
                Node("Sigmoid", $"sigmoid{layer}", a, z);
                break;
            case Activation.Tanh:
                Node("Tanh", $"tanh{layer}", a, z);
                break;
            case Activation.ReLU:
                Node("Relu", $"relu{layer}", a, z);
                break;
            case Activation.Softmax:
                Node("Softmax", $"softmax{layer}", a, z).Attributes.Add(AttributeProto.FromInt("axis", -1));
                break;
            case Activation.LogSoftmax:
                Node("LogSoftmax", $"log_softmax{layer}", a, z).Attributes.Add(AttributeProto.FromInt("axis", -1));
                break;
            case Activation.LeakyReLU when !isDouble:
                Node("LeakyRelu", $"leaky_relu{layer}", a, z)
                    .Attributes.Add(AttributeProto.FromFloat("alpha", float.CreateTruncating(_leakySlope)));
                break;
            case Activation.LeakyReLU:
                // z > 0 ? z : α·z
                Node("Greater", $"leaky_relu{layer}_positive", $"{z}_positive", z, Constant(OnnxConstants.Zero, T.Zero));
                Node("Mul", $"leaky_relu{layer}_scale", $"{z}_scaled", z, Constant(OnnxConstants.LeakySlope, _leakySlope));
                Node("Where", $"leaky_relu{layer}", a, $"{z}_positive", z, $"{z}_scaled");
                break;
            case Activation.Softplus when !isDouble:
                Node("Softplus", $"softplus{layer}", a, z);
                break;
            case Activation.Softplus:
                // max(z, 0) + ln(1 + e^−|z|)
                Node("Abs", $"softplus{layer}_abs", $"{z}_abs", z);
                Node("Neg", $"softplus{layer}_neg", $"{z}_neg_abs", $"{z}_abs");
                Node("Exp", $"softplus{layer}_exp", $"{z}_exp_neg_abs", $"{z}_neg_abs");
                Node("Add", $"softplus{layer}_one_plus", $"{z}_one_plus_exp", Constant(OnnxConstants.One, T.One), $"{z}_exp_neg_abs");
                Node("Log", $"softplus{layer}_log", $"{z}_log", $"{z}_one_plus_exp");
                Node("Max", $"softplus{layer}_max", $"{z}_max0", z, Constant(OnnxConstants.Zero, T.Zero));
                Node("Add", $"softplus{layer}", a, $"{z}_max0", $"{z}_log");
                break;
            case Activation.ELU when !isDouble:
                Node("Elu", $"elu{layer}", a, z).Attributes.Add(AttributeProto.FromFloat("alpha", 1f));
                break;
            case Activation.ELU:
                // z > 0 ? z : e^z − 1
                Node("Greater", $"elu{layer}_positive", $"{z}_positive", z, Constant(OnnxConstants.Zero, T.Zero));
                Node("Exp", $"elu{layer}_exp", $"{z}_exp", z);
                Node("Sub", $"elu{layer}_expm1", $"{z}_expm1", $"{z}_exp", Constant(OnnxConstants.One, T.One));
                Node("Where", $"elu{layer}", a, $"{z}_positive", z, $"{z}_expm1");
                break;
            case Activation.GELU when !isDouble:
                Node("Gelu", $"gelu{layer}", a, z).Attributes.Add(AttributeProto.FromString("approximate", "tanh"));
                break;
            case Activation.GELU:
                // ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))), multiplied in the order NetGen multiplies.
                Node("Mul", $"gelu{layer}_cubic1", $"{z}_c1", Constant(OnnxConstants.GeluCubic, T.CreateTruncating(OnnxConstants.GeluCubicValue)), z);
                Node("Mul", $"gelu{layer}_cubic2", $"{z}_c2", $"{z}_c1", z);
                Node("Mul", $"gelu{layer}_cubic3", $"{z}_c3", $"{z}_c2", z);
                Node("Add", $"gelu{layer}_sum", $"{z}_sum", z, $"{z}_c3");
                Node("Mul", $"gelu{layer}_scale", $"{z}_inner", Constant(OnnxConstants.SqrtTwoOverPi, T.CreateTruncating(OnnxConstants.SqrtTwoOverPiValue)), $"{z}_sum");
                Node("Tanh", $"gelu{layer}_tanh", $"{z}_tanh", $"{z}_inner");
                Node("Add", $"gelu{layer}_one_plus", $"{z}_one_plus_tanh", Constant(OnnxConstants.One, T.One), $"{z}_tanh");
                Node("Mul", $"gelu{layer}_half", $"{z}_half", Constant(OnnxConstants.Half, T.CreateTruncating(OnnxConstants.HalfValue)), z);
                Node("Mul", $"gelu{layer}", a, $"{z}_half", $"{z}_one_plus_tanh");
                break;
            default:
                throw new ArgumentException($"Activation {activation} cannot be exported to ONNX.", nameof(activation));
        }
    }

    public NodeProto Node(string opType, string name, string output, params ReadOnlySpan<string> inputs)
    {
        var node = new NodeProto { Name = name, OpType = opType };
        foreach (string input in inputs)
        {
            node.Inputs.Add(input);
        }

        node.Outputs.Add(output);
        _graph.Nodes.Add(node);
        return node;
    }

    /// <summary>A scalar initializer, added the first time it is used; returns its name.</summary>
    public string Constant(string name, T value)
    {
        if (_constants.Add(name))
        {
            AddTensor(name, [value]);
        }

        return name;
    }
}
