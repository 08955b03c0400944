using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using NetGen.Onnx.Messages;

// Also compiled into the generator (linked).
namespace NetGen.Onnx;

/// <summary>A constant tensor as little-endian bytes: every fold moves whole elements.</summary>
internal sealed class ConstantTensor
{
    public const int Int32 = 6;
    public const int Int64 = 7;

    /// <summary>The most elements a folded tensor has; a larger one is not folded.</summary>
    public const long MaxElements = 1L << 25;

    private ConstantTensor(int dataType, long[] shape, byte[] bytes)
    {
        DataType = dataType;
        Shape = shape;
        Bytes = bytes;
    }

    public int DataType { get; }

    public long[] Shape { get; }

    public byte[] Bytes { get; }

    private int Size => DataType is TensorElementType.Float or Int32 ? 4 : 8;

    private long Count => Bytes.Length / Size;

    public static ConstantTensor? From(TensorProto proto)
    {
        int size = proto.DataType switch
        {
            TensorElementType.Float or Int32 => 4,
            TensorElementType.Double or Int64 => 8,
            _ => 0,
        };
        long count = Product(proto.Dims.ToArray());
        if (size == 0 || proto.UnsupportedStorage is not null || count < 0 || proto.Dims.Any(d => d > MaxElements))
        {
            return null;
        }

        byte[] bytes;
        if (proto.RawData is { } raw)
        {
            if (raw.Length != count * size)
            {
                return null;
            }

            bytes = raw.ToArray();
        }
        else
        {
            int stored = proto.DataType switch
            {
                TensorElementType.Float => proto.FloatData.Count,
                TensorElementType.Double => proto.DoubleData.Count,
                Int64 => proto.Int64Data.Count,
                _ => -1,
            };
            if (stored != count)
            {
                return null;
            }

            bytes = new byte[count * size];

            for (int i = 0; i < count; i++)
            {
                Span<byte> at = bytes.AsSpan(i * size);
                switch (proto.DataType)
                {
                    case TensorElementType.Float:
                        BinaryPrimitives.WriteInt32LittleEndian(at, SingleBits(proto.FloatData[i]));
                        break;
                    case TensorElementType.Double:
                        BinaryPrimitives.WriteInt64LittleEndian(at, BitConverter.DoubleToInt64Bits(proto.DoubleData[i]));
                        break;
                    default:
                        BinaryPrimitives.WriteInt64LittleEndian(at, proto.Int64Data[i]);
                        break;
                }
            }
        }

        return bytes.Length == count * size ? new ConstantTensor(proto.DataType, proto.Dims.ToArray(), bytes) : null;
    }

    /// <summary>This tensor, or null when a dimension is out of bounds.</summary>
    public ConstantTensor? Valid() => Shape.All(d => d is >= 0 and <= MaxElements) && Product(Shape) == Count ? this : null;

    public TensorProto ToProto()
    {
        var proto = new TensorProto { DataType = DataType, RawData = Bytes };
        proto.Dims.AddRange(Shape);
        return proto;
    }

    /// <summary>The values of an integer tensor (shapes, axes, starts and ends).</summary>
    public long[]? Integers()
    {
        if (DataType is not (Int32 or Int64))
        {
            return null;
        }

        var values = new long[Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = DataType == Int64
                ? BinaryPrimitives.ReadInt64LittleEndian(Bytes.AsSpan(i * 8))
                : BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(i * 4));
        }

        return values;
    }

    public ConstantTensor? Reshape(long[] target, bool allowZero)
    {
        var shape = new long[target.Length];
        int infer = -1;
        for (int i = 0; i < target.Length; i++)
        {
            shape[i] = target[i] == 0 && !allowZero ? (i < Shape.Length ? Shape[i] : -2) : target[i];
            if (shape[i] == -1 && infer < 0)
            {
                infer = i;
            }
            else if (shape[i] < 0)
            {
                return null;
            }
        }

        if (infer >= 0)
        {
            long known = Product(shape.Where((_, i) => i != infer).ToArray());
            if (known <= 0 || Count % known != 0)
            {
                return null;
            }

            shape[infer] = Count / known;
        }

        return Product(shape) == Count ? new ConstantTensor(DataType, shape, Bytes) : null;
    }

    public ConstantTensor? Flatten(long axis)
    {
        axis = axis < 0 ? axis + Shape.Length : axis;
        return axis < 0 || axis > Shape.Length
            ? null
            : new ConstantTensor(
                DataType, [Product(Shape.Take((int)axis).ToArray()), Product(Shape.Skip((int)axis).ToArray())], Bytes).Valid();
    }

    public ConstantTensor? Squeeze(long[]? axes)
    {
        int rank = Shape.Length;
        if (axes is null)
        {
            return new ConstantTensor(DataType, Shape.Where(d => d != 1).ToArray(), Bytes);
        }

        long[] normal = axes.Select(a => a < 0 ? a + rank : a).ToArray();
        if (normal.Any(a => a < 0 || a >= rank || Shape[a] != 1))
        {
            return null;
        }

        return new ConstantTensor(DataType, Shape.Where((_, i) => !normal.Contains(i)).ToArray(), Bytes);
    }

    public ConstantTensor? Unsqueeze(long[] axes)
    {
        int rank = Shape.Length + axes.Length;
        long[] normal = axes.Select(a => a < 0 ? a + rank : a).ToArray();
        if (normal.Any(a => a < 0 || a >= rank) || normal.Distinct().Count() != normal.Length)
        {
            return null;
        }

        var shape = new long[rank];
        int source = 0;
        for (int i = 0; i < rank; i++)
        {
            shape[i] = normal.Contains(i) ? 1 : Shape[source++];
        }

        return new ConstantTensor(DataType, shape, Bytes);
    }

    public ConstantTensor? Transpose(long[]? perm)
    {
        int rank = Shape.Length;
        perm ??= Enumerable.Range(0, rank).Reverse().Select(i => (long)i).ToArray();
        if (perm.Length != rank || perm.Distinct().Count() != rank || perm.Any(p => p < 0 || p >= rank))
        {
            return null;
        }

        long[] strides = ConstantFolder.Strides(Shape);
        return Gather(perm.Select(p => Shape[p]).ToArray(), index =>
        {
            long source = 0;
            for (int a = 0; a < rank; a++)
            {
                source += index[a] * strides[perm[a]];
            }

            return source;
        });
    }

    /// <summary>ONNX Slice: per axis, indices from start towards end by step, both clamped as the operator defines.</summary>
    public ConstantTensor? Slice(long[] starts, long[] ends, long[]? axes, long[]? steps)
    {
        int rank = Shape.Length;
        axes ??= Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
        steps ??= Enumerable.Repeat(1L, starts.Length).ToArray();
        if (axes.Length != starts.Length || ends.Length != starts.Length || steps.Length != starts.Length)
        {
            return null;
        }

        var picks = Enumerable.Range(0, rank).Select(a => Range(0, Shape[a], 1)).ToArray();
        for (int i = 0; i < axes.Length; i++)
        {
            long axis = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (axis < 0 || axis >= rank || steps[i] == 0)
            {
                return null;
            }

            // A step beyond the axis picks the start only; bounding it keeps the index arithmetic from overflowing.
            long dim = Shape[axis], step = Math.Max(-(dim + 1), Math.Min(dim + 1, steps[i]));
            long start = starts[i] < 0 ? starts[i] + dim : starts[i], end = ends[i] < 0 ? ends[i] + dim : ends[i];
            picks[axis] = step > 0
                ? Range(Clamp(start, 0, dim), Clamp(end, 0, dim), step)
                : Range(Clamp(start, -1, dim - 1), Clamp(end, -1, dim - 1), step);
        }

        long[] strides = ConstantFolder.Strides(Shape);
        return Gather(picks.Select(p => (long)p.Length).ToArray(), index =>
        {
            long source = 0;
            for (int a = 0; a < rank; a++)
            {
                source += picks[a][index[a]] * strides[a];
            }

            return source;
        });
    }

    public static ConstantTensor? Concat(ConstantTensor[] parts, long axis)
    {
        int rank = parts[0].Shape.Length;
        axis = axis < 0 ? axis + rank : axis;
        if (axis < 0 || axis >= rank || parts.Any(p => p.DataType != parts[0].DataType || p.Shape.Length != rank
            || Enumerable.Range(0, rank).Any(a => a != axis && p.Shape[a] != parts[0].Shape[a])))
        {
            return null;
        }

        if (parts.Sum(p => p.Count) > MaxElements)
        {
            return null;
        }

        // Row-major: each outer index takes one block from each part in turn.
        long outer = Product(parts[0].Shape.Take((int)axis).ToArray());
        long[] blocks = parts.Select(p => p.Bytes.Length / Math.Max(outer, 1)).ToArray();
        var bytes = new byte[parts.Sum(p => (long)p.Bytes.Length)];
        long offset = 0;
        for (long o = 0; o < outer; o++)
        {
            for (int p = 0; p < parts.Length; p++)
            {
                Buffer.BlockCopy(parts[p].Bytes, (int)(o * blocks[p]), bytes, (int)offset, (int)blocks[p]);
                offset += blocks[p];
            }
        }

        long[] shape = (long[])parts[0].Shape.Clone();
        shape[axis] = parts.Sum(p => p.Shape[axis]);
        return new ConstantTensor(parts[0].DataType, shape, bytes).Valid();
    }

    /// <summary>
    /// A tensor of <paramref name="shape"/> whose element at each index is this one's at <paramref name="source"/>(index).
    /// </summary>
    private ConstantTensor? Gather(long[] shape, Func<long[], long> source)
    {
        long count = Product(shape);
        if (count < 0 || count > MaxElements)
        {
            return null;
        }

        int size = Size;
        var bytes = new byte[count * size];
        var index = new long[shape.Length];
        for (long flat = 0; flat < count; flat++)
        {
            Buffer.BlockCopy(Bytes, (int)(source(index) * size), bytes, (int)(flat * size), size);
            for (int a = index.Length - 1; a >= 0 && ++index[a] == shape[a]; a--)
            {
                index[a] = 0;
            }
        }

        return new ConstantTensor(DataType, shape, bytes);
    }

    private static long[] Range(long start, long end, long step)
    {
        var values = new List<long>();
        for (long k = start; step > 0 ? k < end : k > end; k += step)
        {
            values.Add(k);
        }

        return values.ToArray();
    }

    private static long Product(long[] shape)
    {
        long product = 1;
        foreach (long d in shape)
        {
            if (d < 0 || (d > 0 && product > MaxElements / d))
            {
                return -1;
            }

            product *= d;
        }

        return product;
    }

    private static long Clamp(long value, long min, long max) => Math.Max(min, Math.Min(max, value));

    private static int SingleBits(float value)
    {
        // BitConverter.SingleToInt32Bits is not in netstandard2.0.
        Span<float> one = stackalloc float[] { value };
        return System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(one)[0];
    }
}
