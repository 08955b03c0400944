namespace NetGen.Generator.Planning;

/// <summary>One of the vector widths kernels can be written for: Vector128, Vector256 or Vector512.</summary>
internal sealed class SimdWidth
{
    private SimdWidth(int bits)
    {
        Bits = bits;
        Class = $"Vector{bits}";
    }

    public static SimdWidth V128 { get; } = new(128);

    public static SimdWidth V256 { get; } = new(256);

    public static SimdWidth V512 { get; } = new(512);

    /// <summary>Widest first, as dispatch tests them.</summary>
    public static SimdWidth[] Descending { get; } = { V512, V256, V128 };

    public int Bits { get; }

    /// <summary>The static helper class, e.g. <c>Vector256</c> (kernels live where System.Runtime.Intrinsics is imported).</summary>
    public string Class { get; }

    /// <summary>Name suffix of a kernel written for this width, e.g. <c>V256</c>.</summary>
    public string Suffix => $"V{Bits}";

    /// <summary>The vector type of <paramref name="type"/>, e.g. <c>Vector256&lt;float&gt;</c>.</summary>
    public string VectorType(NumericType type) => $"{Class}<{type.Keyword}>";

    /// <summary>Elements of <paramref name="type"/> per vector.</summary>
    public int Lanes(NumericType type) => Bits / 8 / type.Size;
}
