using System.Globalization;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>How one element type is spelled in generated code: keyword, literals, vector width.</summary>
internal sealed class NumericType
{
    private NumericType(string keyword, string suffix, int size)
    {
        Keyword = keyword;
        LiteralSuffix = suffix;
        Size = size;
    }

    public static NumericType Single { get; } = new("float", "f", 4);

    public static NumericType Double { get; } = new("double", "d", 8);

    /// <summary>The C# keyword, e.g. <c>float</c>.</summary>
    public string Keyword { get; }

    public string LiteralSuffix { get; }

    /// <summary>Bytes per element.</summary>
    public int Size { get; }

    public static NumericType For(ElementType type) => type == ElementType.Double ? Double : Single;

    /// <summary>A round-trippable, culture-invariant literal, e.g. <c>0.5f</c>.</summary>
    public string Literal(double value) =>
        (Keyword == "float"
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture)) + LiteralSuffix;
}
