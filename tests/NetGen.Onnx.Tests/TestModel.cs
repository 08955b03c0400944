using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NetGen.Onnx.Tests;

/// <summary>
/// Builds ONNX models by hand for the tests, with its own minimal protobuf encoding (independent of NetGen's
/// writer, so that a shared misunderstanding of the format cannot hide). Field numbers are those of onnx.proto.
/// </summary>
public sealed class TestModel
{
    public const int FloatElements = 1;
    public const int DoubleElements = 11;

    private readonly int _elementType;
    private readonly List<byte[]> _nodes = new();
    private readonly List<byte[]> _initializers = new();
    private readonly List<byte[]> _inputs = new();
    private readonly List<byte[]> _outputs = new();

    public TestModel(int elementType) => _elementType = elementType;

    /// <summary>How an initializer stores its elements.</summary>
    public enum Storage
    {
        /// <summary>raw_data, little-endian bytes (what NetGen and PyTorch write).</summary>
        Raw,

        /// <summary>float_data or double_data, packed.</summary>
        Typed,

        /// <summary>float_data or double_data, one field per element (unpacked).</summary>
        TypedUnpacked,
    }

    /// <summary>A graph input; each dimension is a long (dim_value) or a string (dim_param).</summary>
    public TestModel Input(string name, params object[] dims) => Value(_inputs, name, _elementType, dims);

    public TestModel InputOfType(string name, int elementType, params object[] dims) => Value(_inputs, name, elementType, dims);

    public TestModel Output(string name, params object[] dims) => Value(_outputs, name, _elementType, dims);

    public TestModel Node(string opType, string[] inputs, string[] outputs, string name = "", string domain = "", params byte[][] attributes)
    {
        var node = new Message();
        foreach (string input in inputs)
        {
            node.String(1, input);
        }

        foreach (string output in outputs)
        {
            node.String(2, output);
        }

        if (name.Length != 0)
        {
            node.String(3, name);
        }

        node.String(4, opType);
        foreach (byte[] attribute in attributes)
        {
            node.Bytes(5, attribute);
        }

        if (domain.Length != 0)
        {
            node.String(7, domain);
        }

        _nodes.Add(node.ToArray());
        return this;
    }

    public TestModel Initializer(string name, long[] dims, double[] values, Storage storage = Storage.Raw, bool alsoGraphInput = false)
    {
        var tensor = new Message();
        foreach (long dim in dims)
        {
            tensor.Varint(1, (ulong)dim);
        }

        tensor.Varint(2, (ulong)_elementType);
        tensor.String(8, name);
        bool isFloat = _elementType == FloatElements;
        switch (storage)
        {
            case Storage.Raw:
                tensor.Bytes(9, isFloat ? LittleEndian(values, true) : LittleEndian(values, false));
                break;
            case Storage.Typed:
                tensor.Bytes(isFloat ? 4 : 10, LittleEndian(values, isFloat));
                break;
            default:
                foreach (double value in values)
                {
                    if (isFloat)
                    {
                        tensor.Fixed32(4, (float)value);
                    }
                    else
                    {
                        tensor.Fixed64(10, value);
                    }
                }

                break;
        }

        _initializers.Add(tensor.ToArray());
        if (alsoGraphInput)
        {
            var shape = new object[dims.Length];
            for (int i = 0; i < dims.Length; i++)
            {
                shape[i] = dims[i];
            }

            Value(_inputs, name, _elementType, shape);
        }

        return this;
    }

    /// <summary>An initializer with external data (a separate file), which NetGen does not read.</summary>
    public TestModel ExternalInitializer(string name, long[] dims)
    {
        var tensor = new Message();
        foreach (long dim in dims)
        {
            tensor.Varint(1, (ulong)dim);
        }

        tensor.Varint(2, (ulong)_elementType);
        tensor.String(8, name);
        tensor.Bytes(13, new Message().String(1, "location").String(2, "weights.bin").ToArray());
        tensor.Varint(14, 1);
        _initializers.Add(tensor.ToArray());
        return this;
    }

    public static byte[] FloatAttribute(string name, float value) =>
        new Message().String(1, name).Fixed32(2, value).Varint(20, 1).ToArray();

    public static byte[] IntAttribute(string name, long value) =>
        new Message().String(1, name).Varint(3, (ulong)value).Varint(20, 2).ToArray();

    public static byte[] StringAttribute(string name, string value) =>
        new Message().String(1, name).Bytes(4, Encoding.UTF8.GetBytes(value)).Varint(20, 3).ToArray();

    public byte[] Build(int opset, long irVersion, string producer = "hand-built test model")
    {
        var graph = new Message();
        foreach (byte[] node in _nodes)
        {
            graph.Bytes(1, node);
        }

        graph.String(2, "test_graph");
        foreach (byte[] initializer in _initializers)
        {
            graph.Bytes(5, initializer);
        }

        foreach (byte[] input in _inputs)
        {
            graph.Bytes(11, input);
        }

        foreach (byte[] output in _outputs)
        {
            graph.Bytes(12, output);
        }

        return new Message()
            .Varint(1, (ulong)irVersion)
            .String(2, producer)
            .Bytes(7, graph.ToArray())
            .Bytes(8, new Message().String(1, "").Varint(2, (ulong)opset).ToArray())
            .ToArray();
    }

    private TestModel Value(List<byte[]> list, string name, int elementType, object[] dims)
    {
        var shape = new Message();
        foreach (object dim in dims)
        {
            shape.Bytes(1, dim switch
            {
                string symbol => new Message().String(2, symbol).ToArray(),
                long value => new Message().Varint(1, (ulong)value).ToArray(),
                int value => new Message().Varint(1, (ulong)value).ToArray(),
                _ => throw new ArgumentException($"Dimension {dim} is neither a number nor a name."),
            });
        }

        byte[] tensorType = new Message().Varint(1, (ulong)elementType).Bytes(2, shape.ToArray()).ToArray();
        byte[] type = new Message().Bytes(1, tensorType).ToArray();
        list.Add(new Message().String(1, name).Bytes(2, type).ToArray());
        return this;
    }

    private static byte[] LittleEndian(double[] values, bool asFloat)
    {
        var bytes = new List<byte>();
        foreach (double value in values)
        {
            byte[] element = asFloat ? BitConverter.GetBytes((float)value) : BitConverter.GetBytes(value);
            if (!BitConverter.IsLittleEndian)
            {
                Array.Reverse(element);
            }

            bytes.AddRange(element);
        }

        return bytes.ToArray();
    }

    /// <summary>One protobuf message under construction: each call appends one field.</summary>
    private sealed class Message
    {
        private readonly MemoryStream _bytes = new();

        public Message Varint(int field, ulong value)
        {
            Key(field, 0);
            Raw(value);
            return this;
        }

        public Message Fixed32(int field, float value)
        {
            Key(field, 5);
            Write(BitConverter.GetBytes(value));
            return this;
        }

        public Message Fixed64(int field, double value)
        {
            Key(field, 1);
            Write(BitConverter.GetBytes(value));
            return this;
        }

        public Message String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Message Bytes(int field, byte[] value)
        {
            Key(field, 2);
            Raw((ulong)value.Length);
            _bytes.Write(value);
            return this;
        }

        public byte[] ToArray() => _bytes.ToArray();

        private void Key(int field, int wireType) => Raw(((ulong)field << 3) | (uint)wireType);

        private void Write(byte[] littleEndian)
        {
            if (!BitConverter.IsLittleEndian)
            {
                Array.Reverse(littleEndian);
            }

            _bytes.Write(littleEndian);
        }

        private void Raw(ulong value)
        {
            do
            {
                byte low = (byte)(value & 0x7F);
                value >>= 7;
                _bytes.WriteByte(value == 0 ? low : (byte)(low | 0x80));
            }
            while (value != 0);
        }
    }
}
