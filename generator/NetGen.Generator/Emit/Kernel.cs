using System.Collections.Generic;

namespace NetGen.Generator.Emit;

/// <summary>
/// Spells the few primitives kernels are made of, always <c>global::</c>-qualified: a user's type named like one of
/// these helpers must never capture a call in generated code.
/// </summary>
internal static class Kernel
{
    public const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    public const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    public const string ActivationFunctions = "global::NetGen.Kernels.ActivationFunctions";

    /// <summary>Sum of <c>variable * stride</c> terms and a constant, e.g. <c>i * 3 + 2</c>.</summary>
    public static string Index(int constant, params (string? Variable, int Stride)[] terms)
    {
        var parts = new List<string>();
        foreach ((string? variable, int stride) in terms)
        {
            if (variable is not null)
            {
                parts.Add(stride == 1 ? variable : $"{variable} * {stride}");
            }
        }

        if (constant != 0 || parts.Count == 0)
        {
            parts.Add(constant.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join(" + ", parts);
    }

    /// <summary>The element at <paramref name="index"/> of the buffer <paramref name="reference"/> (an lvalue).</summary>
    public static string Element(string reference, string index) =>
        $"{Unsafe}.Add(ref {reference}, {index})";

    /// <summary>A ref local to element <paramref name="offset"/> of <paramref name="reference"/>.</summary>
    public static string Offset(string reference, string offset) => $"ref {Unsafe}.Add(ref {reference}, {offset})";

    /// <summary>A ref to the first element of a span.</summary>
    public static string First(string span) => $"ref {MemoryMarshal}.GetReference({span})";

    public static string Sum(SimdWidth simd, string vector) => $"{simd.Class}.Sum({vector})";

    /// <summary>A span over <paramref name="length"/> elements starting at the ref <paramref name="reference"/>.</summary>
    public static string Span(string reference, int length) => $"{MemoryMarshal}.CreateSpan(ref {reference}, {length})";

    public static string Load(SimdWidth simd, string reference, string index) => $"{simd.Class}.LoadUnsafe(ref {reference}, {index})";

    public static string Store(SimdWidth simd, string value, string reference, string index) =>
        $"{simd.Class}.StoreUnsafe({value}, ref {reference}, {index});";

    public static string Broadcast(SimdWidth simd, string scalar) => $"{simd.Class}.Create({scalar})";

    /// <summary>A Vector128 of <paramref name="values"/>, its remaining lanes 0.</summary>
    public static string Vector128Of(NumericType type, IReadOnlyList<string> values)
    {
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
}
