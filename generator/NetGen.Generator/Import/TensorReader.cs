using System;
using System.Globalization;
using NetGen.Generator.Model;

namespace NetGen.Generator.Import;

/// <summary>
/// Reads nested JSON arrays of numbers into NetGen's parameter layout, rounding each number once from its decimal
/// text to the network's element type and refusing values that are not finite there. Errors name the entry.
/// </summary>
internal sealed class TensorReader
{
    private readonly ElementType _type;

    public TensorReader(ElementType type) => _type = type;

    /// <summary>One number, rounded to the element type.</summary>
    public double Number(JsonValue value, string where)
    {
        if (value.Kind != JsonKind.Number)
        {
            throw ModelImportException.Invalid($"{where} holds {value.Kind.ToString().ToLowerInvariant()} where a number belongs");
        }

        double rounded;
        try
        {
            rounded = _type == ElementType.Single
                ? float.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture)
                : double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            rounded = double.PositiveInfinity;
        }

        if (double.IsNaN(rounded) || double.IsInfinity(rounded))
        {
            throw ModelImportException.NotFinite($"{where} is {value.Text}, which is not finite in {Keyword}");
        }

        return rounded;
    }

    /// <summary>A vector of <paramref name="length"/> numbers into <paramref name="destination"/> at <paramref name="offset"/>.</summary>
    public void Vector(JsonValue value, int length, double[] destination, int offset, string where)
    {
        if (value.Kind != JsonKind.Array || value.Items.Count != length)
        {
            throw ModelImportException.DoesNotFit($"{where} must be [{length}], found {value.Shape()}");
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
        if (value.Kind != JsonKind.Array || value.Items.Count != rows)
        {
            throw ModelImportException.DoesNotFit($"{where} must be [{rows}][{cols}] ({layout}), found {value.Shape()}");
        }

        for (int r = 0; r < rows; r++)
        {
            JsonValue row = value.Items[r];
            if (row.Kind != JsonKind.Array || row.Items.Count != cols)
            {
                throw ModelImportException.DoesNotFit($"{where} must be [{rows}][{cols}] ({layout}), found {value.Shape()}");
            }

            for (int c = 0; c < cols; c++)
            {
                destination[offset + (transpose ? (c * rows) + r : (r * cols) + c)] = Number(row.Items[c], $"{where}[{r}][{c}]");
            }
        }
    }

    /// <summary>The sum of two numbers rounded once to the element type (an LSTM's two biases).</summary>
    public double Sum(double a, double b, string where)
    {
        double sum = _type == ElementType.Single ? (float)(a + b) : a + b;
        if (double.IsNaN(sum) || double.IsInfinity(sum))
        {
            throw ModelImportException.NotFinite($"{where} is not finite in {Keyword}");
        }

        return sum;
    }

    private string Keyword => _type == ElementType.Single ? "float" : "double";
}
