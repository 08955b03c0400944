using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using NetGen.Onnx.Messages;

namespace NetGen.Onnx;

/// <summary>An int64 tensor computed from constants: its values in row-major order and its shape.</summary>
internal sealed record Int64Tensor(long[] Values, long[] Shape);

/// <summary>
/// Evaluates the small int64 computations exporters put in graphs (the pads of a <c>Pad</c>, shapes, axes) when they
/// depend on constants only: initializers and <c>Constant</c>, <c>ConstantOfShape</c>, <c>Concat</c>, <c>Reshape</c>,
/// <c>Slice</c>, <c>Transpose</c>, <c>Cast</c>, <c>Unsqueeze</c>, <c>Squeeze</c> and <c>Identity</c> nodes. Anything else
/// (a <c>Shape</c> of the input, say) is not constant, and <see cref="TryEvaluate"/> says so.
/// </summary>
internal sealed class ConstantFolder
{
    private const int MaxDepth = 64;
    private const long MaxElements = 1 << 16;
    private readonly Dictionary<string, TensorProto> _initializers;
    private readonly Dictionary<string, NodeProto> _producers;

    public ConstantFolder(Dictionary<string, TensorProto> initializers, Dictionary<string, NodeProto> producers)
    {
        _initializers = initializers;
        _producers = producers;
    }

    /// <summary>The value of <paramref name="name"/> if constants alone determine it.</summary>
    public bool TryEvaluate(string name, out Int64Tensor value) => (value = Evaluate(name, 0)!) is not null;

    /// <summary>
    /// The value of <paramref name="name"/>, or null. Every tensor the folder works with is consistent: its dimensions
    /// are between 0 and <see cref="MaxElements"/> and their product is its number of values; a computation that would
    /// break that (a malformed graph) is not constant.
    /// </summary>
    private Int64Tensor? Evaluate(string name, int depth) =>
        EvaluateUnchecked(name, depth) is { } value && value.Shape.All(d => d is >= 0 and <= MaxElements) && Product(value.Shape) == value.Values.Length
            ? value
            : null;

    private Int64Tensor? EvaluateUnchecked(string name, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (_initializers.TryGetValue(name, out TensorProto? initializer))
        {
            return Decode(initializer);
        }

        if (!_producers.TryGetValue(name, out NodeProto? node))
        {
            return null;
        }

        Int64Tensor? Input(int i) => i < node.Inputs.Count && node.Inputs[i].Length > 0 ? Evaluate(node.Inputs[i], depth + 1) : null;
        switch (node.OpType)
        {
            case "Constant":
                if (node.FindAttribute("value")?.Tensor is { } tensor)
                {
                    return Decode(tensor);
                }

                if (node.FindAttribute("value_ints") is { } ints)
                {
                    return new Int64Tensor(ints.Ints.ToArray(), [ints.Ints.Count]);
                }

                return node.FindAttribute("value_int") is { } one ? new Int64Tensor([one.Int], []) : null;
            case "Identity":
            case "Cast" when node.FindAttribute("to")?.Int is 6 or 7:
                return Input(0);
            case "ConstantOfShape":
                if (Input(0) is not { } shape || shape.Values.Any(d => d < 0) || Product(shape.Values) > MaxElements)
                {
                    return null;
                }

                long fill = node.FindAttribute("value")?.Tensor is { } v ? (Decode(v)?.Values is { Length: 1 } x ? x[0] : long.MinValue) : 0;
                return fill == long.MinValue ? null : new Int64Tensor(Enumerable.Repeat(fill, (int)Product(shape.Values)).ToArray(), shape.Values);
            case "Concat":
                var parts = new List<Int64Tensor>();
                for (int i = 0; i < node.Inputs.Count; i++)
                {
                    if (Input(i) is not { Shape.Length: 1 } part)
                    {
                        return null;
                    }

                    parts.Add(part);
                }

                long[] all = parts.SelectMany(p => p.Values).ToArray();
                return new Int64Tensor(all, [all.Length]);
            case "Reshape":
                return Input(0) is { } data && Input(1) is { } target ? Reshape(data, target.Values) : null;
            case "Unsqueeze":
            case "Squeeze":
                // Only the shape changes; callers here read the values.
                return Input(0) is { } d ? d with { Shape = node.OpType == "Squeeze" ? d.Shape.Where(s => s != 1).ToArray() : [.. d.Shape, 1] } : null;
            case "Transpose":
                return Input(0) is { } m ? Transpose(m, node.FindAttribute("perm")?.Ints.ToArray()) : null;
            case "Slice":
                return Input(0) is { } source && Input(1) is { } starts && Input(2) is { } ends
                    ? Slice(source, starts.Values, ends.Values, Input(3)?.Values, Input(4)?.Values)
                    : null;
            default:
                return null;
        }
    }

    private static Int64Tensor? Decode(TensorProto tensor)
    {
        if (tensor.DataType != 7)
        {
            return null;
        }

        long[] shape = tensor.Dims.ToArray();
        if (tensor.RawData is { } raw)
        {
            var values = new long[raw.Length / 8];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadInt64LittleEndian(raw.Span.Slice(i * 8));
            }

            return values.Length == Product(shape) ? new Int64Tensor(values, shape) : null;
        }

        return tensor.Int64Data.Count == Product(shape) ? new Int64Tensor(tensor.Int64Data.ToArray(), shape) : null;
    }

    private static Int64Tensor? Reshape(Int64Tensor data, long[] target)
    {
        var shape = new long[target.Length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < target.Length; i++)
        {
            shape[i] = target[i] == 0 && i < data.Shape.Length ? data.Shape[i] : target[i];
            if (shape[i] == -1)
            {
                if (infer >= 0)
                {
                    return null;
                }

                infer = i;
            }
            else if (shape[i] < 0)
            {
                return null;
            }
            else
            {
                known *= shape[i];
            }
        }

        if (infer >= 0)
        {
            if (known == 0 || data.Values.Length % known != 0)
            {
                return null;
            }

            shape[infer] = data.Values.Length / known;
        }

        return Product(shape) == data.Values.Length ? data with { Shape = shape } : null;
    }

    private static Int64Tensor? Transpose(Int64Tensor data, long[]? perm)
    {
        int rank = data.Shape.Length;
        perm ??= Enumerable.Range(0, rank).Reverse().Select(i => (long)i).ToArray();
        if (perm.Length != rank || perm.Distinct().Count() != rank || perm.Any(p => p < 0 || p >= rank))
        {
            return null;
        }

        long[] shape = perm.Select(p => data.Shape[p]).ToArray();
        long[] strides = Strides(data.Shape);
        var values = new long[data.Values.Length];
        var index = new long[rank];
        for (int flat = 0; flat < values.Length; flat++)
        {
            long source = 0;
            for (int a = 0; a < rank; a++)
            {
                source += index[a] * strides[perm[a]];
            }

            values[flat] = data.Values[source];
            Increment(index, shape);
        }

        return new Int64Tensor(values, shape);
    }

    /// <summary>ONNX Slice: per axis, indices from start towards end by step, both clamped as the operator defines.</summary>
    private static Int64Tensor? Slice(Int64Tensor data, long[] starts, long[] ends, long[]? axes, long[]? steps)
    {
        int rank = data.Shape.Length;
        axes ??= Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
        steps ??= Enumerable.Repeat(1L, starts.Length).ToArray();
        if (axes.Length != starts.Length || ends.Length != starts.Length || steps.Length != starts.Length)
        {
            return null;
        }

        var selected = Enumerable.Range(0, rank).Select(a => Enumerable.Range(0, (int)data.Shape[a]).Select(i => (long)i).ToArray()).ToArray();
        for (int i = 0; i < axes.Length; i++)
        {
            long axis = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (axis < 0 || axis >= rank || steps[i] == 0)
            {
                return null;
            }

            long dim = data.Shape[axis], step = steps[i];

            long start = starts[i] < 0 ? starts[i] + dim : starts[i], end = ends[i] < 0 ? ends[i] + dim : ends[i];
            var picks = new List<long>();
            if (step > 0)
            {
                for (long k = Clamp(start, 0, dim); k < Clamp(end, 0, dim); k += step)
                {
                    picks.Add(k);
                }
            }
            else
            {
                for (long k = Clamp(start, -1, dim - 1); k > Clamp(end, -1, dim - 1); k += step)
                {
                    picks.Add(k);
                }
            }

            selected[(int)axis] = picks.ToArray();
        }

        long[] shape = selected.Select(s => (long)s.Length).ToArray();
        long[] strides = Strides(data.Shape);
        var values = new long[Product(shape)];
        var index = new long[rank];
        for (int flat = 0; flat < values.Length; flat++)
        {
            long source = 0;
            for (int a = 0; a < rank; a++)
            {
                source += selected[a][index[a]] * strides[a];
            }

            values[flat] = data.Values[source];
            Increment(index, shape);
        }

        return new Int64Tensor(values, shape);
    }

    /// <summary>Row-major strides of <paramref name="shape"/> (the last axis 1).</summary>
    internal static long[] Strides(long[] shape)
    {
        var strides = new long[shape.Length];
        long stride = 1;
        for (int a = shape.Length - 1; a >= 0; a--)
        {
            strides[a] = stride;
            stride *= shape[a];
        }

        return strides;
    }

    private static void Increment(long[] index, long[] shape)
    {
        for (int a = index.Length - 1; a >= 0; a--)
        {
            if (++index[a] < shape[a])
            {
                return;
            }

            index[a] = 0;
        }
    }

    private static long Product(long[] shape)
    {
        long product = 1;
        foreach (long d in shape)
        {
            product = d < 0 || product > MaxElements ? MaxElements + 1 : product * d;
        }

        return product;
    }

    private static long Clamp(long value, long min, long max) => Math.Max(min, Math.Min(max, value));
}
