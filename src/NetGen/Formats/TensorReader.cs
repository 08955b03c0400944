using System;
using System.Globalization;

// Also compiled into the generator (linked).
namespace NetGen.Formats;

/// <summary>
/// Reads nested JSON arrays of numbers into NetGen's parameter layout, as doubles that hold values of the network's
/// element type: each number is rounded once from its decimal text to float or double, and values that are not
/// finite there are refused. Errors name the entry.
/// </summary>
internal sealed class TensorReader
{
    private readonly bool _single;

    /// <param name="single">Whether the network computes in float (else double).</param>
    public TensorReader(bool single) => _single = single;

    /// <summary>One number, rounded to the element type.</summary>
    public double Number(JsonValue value, string where)
    {
        if (value.Kind != JsonKind.Number)
        {
            string nonFinite = value.Kind == JsonKind.String && IsNonFiniteName(value.Text)
                ? "; NaN and infinite weights are not accepted"
                : "";
            throw ModelFormatException.Invalid($"{where}: expected a number, found {value.Describe()}{nonFinite}");
        }

        double rounded;
        try
        {
            rounded = _single
                ? float.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture)
                : double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            rounded = double.PositiveInfinity;
        }

        if (double.IsNaN(rounded) || double.IsInfinity(rounded))
        {
            throw ModelFormatException.NotFinite($"{where} is {value.Text}, which is not finite in {Keyword}");
        }

        return rounded;
    }

    /// <summary>A vector of <paramref name="length"/> numbers into <paramref name="destination"/> at <paramref name="offset"/>.</summary>
    public void Vector(JsonValue value, int length, double[] destination, int offset, string where)
    {
        if (value.Kind != JsonKind.Array || value.Items.Count != length || value.Items.Exists(item => item.Kind == JsonKind.Array))
        {
            throw ModelFormatException.DoesNotFit($"{where} must be [{length}], found {value.Shape()}");
        }

        for (int i = 0; i < length; i++)
        {
            destination[offset + i] = Number(value.Items[i], $"{where}[{i}]");
        }
    }

    /// <summary>
    /// A [rows][cols] matrix; stored row-major at <paramref name="offset"/>, or transposed ([cols][rows]) when
    /// <paramref name="transpose"/> (PyTorch's [out][in] into NetGen's [in][out]).
    /// </summary>
    public void Matrix(JsonValue value, int rows, int cols, bool transpose, double[] destination, int offset, string where, string layout)
    {
        bool shapeOk = value.Kind == JsonKind.Array && value.Items.Count == rows &&
                       value.Items.TrueForAll(row => row.Kind == JsonKind.Array && row.Items.Count == cols);
        if (!shapeOk)
        {
            string found = value.Shape();
            string transposed = found == $"[{cols}][{rows}]" && rows != cols
                ? $" (that is the transposed shape: {layout} is expected)"
                : "";
            throw ModelFormatException.DoesNotFit($"{where} must be [{rows}][{cols}] ({layout}), found {found}{transposed}");
        }

        for (int r = 0; r < rows; r++)
        {
            JsonValue row = value.Items[r];
            for (int c = 0; c < cols; c++)
            {
                destination[offset + (transpose ? (c * rows) + r : (r * cols) + c)] = Number(row.Items[c], $"{where}[{r}][{c}]");
            }
        }
    }

    /// <summary>The sum of two numbers rounded once to the element type (an LSTM's two biases).</summary>
    public double Sum(double a, double b, string where)
    {
        double sum = _single ? (float)(a + b) : a + b;
        if (double.IsNaN(sum) || double.IsInfinity(sum))
        {
            throw ModelFormatException.NotFinite($"{where} is not finite in {Keyword}");
        }

        return sum;
    }

    private string Keyword => _single ? "float" : "double";

    /// <summary>Whether a string names a value JSON cannot hold: NaN, Infinity, inf.</summary>
    public static bool IsNonFiniteName(string text)
    {
        string unsigned = text.TrimStart('+', '-');
        return text.Equals("NaN", StringComparison.OrdinalIgnoreCase) ||
               unsigned.Equals("Infinity", StringComparison.OrdinalIgnoreCase) ||
               unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase);
    }
}
