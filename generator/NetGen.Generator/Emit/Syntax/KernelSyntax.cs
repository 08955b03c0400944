using System.Collections.Generic;
using System.Globalization;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit.Syntax;

/// <summary>
/// Spells the few primitives kernels are made of. Kernels live in a file-local type inside a namespace of NetGen's
/// own, whose using directives these short names rely on.
/// </summary>
internal static class KernelSyntax
{
    /// <summary>Sum of <c>variable * stride</c> terms and a constant, e.g. <c>i * 3 + 2</c>.</summary>
    public static string Index(int constant, params (string? Variable, int Stride)[] terms)
    {
        var parts = new List<string>();
        foreach ((string? variable, int stride) in terms)
        {
            if (variable is not null)
            {
                parts.Add(stride == 1 ? variable : $"{variable} * {Literal(stride)}");
            }
        }

        if (constant != 0 || parts.Count == 0)
        {
            parts.Add(Literal(constant));
        }

        return string.Join(" + ", parts);
    }

    /// <summary><paramref name="a"/> + <paramref name="b"/> as an index, leaving out a term that is 0.</summary>
    public static string Plus(string a, string b) => a == "0" ? b : b == "0" ? a : $"{a} + {b}";

    /// <summary>The element at <paramref name="index"/> of the buffer <paramref name="reference"/> (an lvalue).</summary>
    public static string Element(string reference, string index) => index == "0" ? reference : $"Unsafe.Add(ref {reference}, {index})";

    /// <summary>A reference to the element at <paramref name="index"/> of <paramref name="reference"/>, to pass on.</summary>
    public static string ElementRef(string reference, string index) =>
        index == "0" ? $"ref {reference}" : $"ref Unsafe.Add(ref {reference}, {index})";

    public static string Sum(SimdWidth simd, string vector) => $"{simd.Class}.Sum({vector})";

    /// <summary>A span over <paramref name="length"/> elements starting at the ref <paramref name="reference"/>.</summary>
    public static string Span(string reference, int length) => $"MemoryMarshal.CreateSpan(ref {reference}, {Literal(length)})";

    /// <summary>A read-only span over <paramref name="length"/> elements starting at the ref <paramref name="reference"/>.</summary>
    public static string ReadOnlySpan(string reference, int length) =>
        $"MemoryMarshal.CreateReadOnlySpan(ref {reference}, {Literal(length)})";

    public static string Load(SimdWidth simd, string reference, string index) => $"{simd.Class}.LoadUnsafe(ref {reference}, {index})";

    public static string Store(SimdWidth simd, string value, string reference, string index) =>
        $"{simd.Class}.StoreUnsafe({value}, ref {reference}, {index});";

    public static string Broadcast(SimdWidth simd, string scalar) => $"{simd.Class}.Create({scalar})";

    /// <summary>A Vector128 of <paramref name="values"/>, its remaining lanes 0.</summary>
    public static string Vector128Of(NumericType type, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            return $"{SimdWidth.V128.Class}.CreateScalar({values[0]})";
        }

        var lanes = new List<string>(values);
        while (lanes.Count < SimdWidth.V128.Lanes(type))
        {
            lanes.Add(type.Literal(0));
        }

        return $"{SimdWidth.V128.Class}.Create({string.Join(", ", lanes)})";
    }

    /// <summary>a·b + c, fused where the hardware has FMA.</summary>
    public static string MultiplyAdd(SimdWidth simd, string a, string b, string c) => $"{simd.Class}.MultiplyAddEstimate({a}, {b}, {c})";

    /// <summary>a·b + c on scalars, fused where the hardware has FMA.</summary>
    public static string MultiplyAdd(NumericType type, string a, string b, string c) =>
        $"{type.Keyword}.MultiplyAddEstimate({a}, {b}, {c})";

    public static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);
}
