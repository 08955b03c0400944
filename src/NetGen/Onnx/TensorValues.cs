using System;
using NetGen.Onnx.Messages;
#if NETGEN_GENERATOR
using NetGen.Formats;
#endif

// Also compiled into the generator (linked).
namespace NetGen.Onnx;

/// <summary>
/// Reads the elements of a FLOAT or DOUBLE tensor as doubles (a float widens exactly), from raw_data, float_data or
/// double_data, and refuses values that are not finite, naming the tensor.
/// </summary>
internal static class TensorValues
{
    /// <summary>"float (ONNX FLOAT, 1)" or "double (ONNX DOUBLE, 11)", for messages.</summary>
    public static string Describe(int elementType) =>
        elementType == TensorElementType.Float ? "float (ONNX FLOAT, 1)" : "double (ONNX DOUBLE, 11)";

    /// <summary>
    /// The <paramref name="count"/> elements of <paramref name="tensor"/>, which must be of
    /// <paramref name="elementType"/> (FLOAT or DOUBLE); throws <see cref="OnnxFormatException"/> otherwise.
    /// </summary>
    public static double[] Read(TensorProto tensor, int elementType, int count)
    {
        string name = $"Initializer '{tensor.Name}'";
        if (tensor.UnsupportedStorage is { } storage)
        {
            throw new OnnxFormatException($"{name} uses {storage}, which NetGen does not read.");
        }

        if (tensor.DataType != elementType)
        {
            throw new OnnxFormatException(
                $"{name} has element type {TensorElementType.Describe(tensor.DataType)}; the network's element type is {Describe(elementType)}.");
        }

        bool single = elementType == TensorElementType.Float;
        int size = single ? 4 : 8;
        var values = new double[count];
        if (tensor.RawData is { } raw)
        {
            if (raw.Length != (long)count * size)
            {
                throw new OnnxFormatException(
                    $"{name} has {raw.Length} bytes of raw_data; {count} elements of {size} bytes need {(long)count * size}.");
            }

            ReadOnlySpan<byte> bytes = raw.Span;
            for (int i = 0; i < count; i++)
            {
                values[i] = single ? LittleEndian.ReadSingle(bytes.Slice(i * 4)) : LittleEndian.ReadDouble(bytes.Slice(i * 8));
            }

            return values;
        }

        int stored = single ? tensor.FloatData.Count : tensor.DoubleData.Count;
        if (stored != count)
        {
            throw new OnnxFormatException($"{name} has {stored} elements in {(single ? "float_data" : "double_data")}; its shape needs {count}.");
        }

        for (int i = 0; i < count; i++)
        {
            values[i] = single ? tensor.FloatData[i] : tensor.DoubleData[i];
        }

        return values;
    }

    /// <summary>
    /// Refuses a value of <paramref name="values"/> that is NaN or infinite, or, when <paramref name="toSingle"/>, too
    /// large for float (a double model read into a float class), naming the tensor and its role.
    /// </summary>
    public static void CheckFinite(double[] values, TensorProto tensor, string role, bool toSingle = false)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]) || double.IsInfinity(values[i]) || (toSingle && float.IsInfinity((float)values[i])))
            {
                string what = double.IsNaN(values[i]) || double.IsInfinity(values[i])
                    ? Describe(values[i])
                    : values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ", which is not finite in float,";
                string message = $"Initializer '{tensor.Name}' ({role}) holds {what} at element {i}; NetGen reads finite weights only.";
#if NETGEN_GENERATOR
                throw ModelFormatException.NotFinite(message);
#else
                throw new OnnxFormatException(message);
#endif
            }
        }
    }

    private static string Describe(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "+∞" : "−∞";
}
