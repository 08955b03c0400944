using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// A network class's parameters field and, when a model file gave them, the trained parameters as one string literal
/// of the values' bits behind a <c>ReadOnlySpan</c> (<c>TrainedData.Read</c>): the compiler stores it once in the
/// assembly and the span reads it in place, with nothing to parse. A few thousand string operands cost the compiler far
/// less than an array initializer of as many elements as there are values. Each layer's values start with a comment
/// naming the layer and its layout.
/// </summary>
internal static class TrainedWeightsEmitter
{
    /// <summary>The name of the file-local class that holds the values.</summary>
    public static string ClassName(NetworkSpec spec) => spec.ClassName + "TrainedParameters";

    /// <summary>
    /// The <c>_parameters</c> field: a copy of <c>TrainedParameters</c> (also written here) when a model file gave
    /// them, else <paramref name="initializer"/>, the network's usual random start.
    /// </summary>
    public static void EmitParametersField(SourceWriter w, NetworkSpec spec, NumericType type, string initializer)
    {
        if (spec.Weights is { } weights)
        {
            w.Summary($"The parameters read from '{weights.Path}' ({weights.Format}) when this class was compiled; every " +
                      "instance's <c>Parameters</c> start as a copy of them.");
            string values = $"global::{TypeNames.GeneratedNamespace}.{ClassName(spec)}.Values";
            w.Line($"public static {TypeNames.ReadOnlySpan}<{type.Keyword}> TrainedParameters => {values};");
            w.Line();
            initializer = $"{TypeNames.AlignedArray}<{type.Keyword}>.CopyOf(TrainedParameters)";
        }

        w.Line("// A field initializer runs before every constructor the class may declare. The arrays start at a cache line.");
        w.Line($"private readonly {TypeNames.AlignedArray}<{type.Keyword}> _parameters =");
        w.Line($"    {initializer};");
    }

    /// <summary>The file-local class with the values, in NetGen's namespace of the generated file.</summary>
    public static void EmitClass(
        SourceWriter w, NetworkSpec spec, NumericType type, IReadOnlyList<(string Title, int Count)> layers, string generatedCode)
    {
        TrainedWeights weights = spec.Weights!;
        int perLine = CodeUnitsPerLine / (type.Size / 2);
        w.Line();
        // Nullable analysis walks every operand of the concatenation below; with thousands of lines it would cost the
        // compiler seconds, and a string of constants has nothing to analyse.
        w.Line("#nullable disable");
        w.Summary($"The trained parameters of <see cref=\"global::{spec.FullName}\"/>, from '{weights.Path}', in <c>Parameters</c> order.");
        w.Line(generatedCode);
        using (w.Block($"file static class {ClassName(spec)}"))
        {
            string units = $"{type.Size / 2} per {type.Keyword}";
            w.Line($"// {perLine} values a line, each as its IEEE 754 bits in UTF-16 code units, low half first ({units}):");
            w.Line("// one string in the assembly, read in place by TrainedData.Read.");
            w.Line($"public static ReadOnlySpan<{type.Keyword}> Values => TrainedData.Read<{type.Keyword}>(");
            int offset = 0, total = weights.Values.Count;
            foreach ((string title, int count) in layers)
            {
                w.Line($"    // {title}");
                for (int start = 0; start < count; start += perLine)
                {
                    var bits = new StringBuilder("    \"");
                    for (int i = start; i < start + perLine && i < count; i++)
                    {
                        AppendBits(bits, weights.Values[offset + i], type);
                    }

                    bool last = offset + start + perLine >= total;
                    w.Line($"{bits}\"{(last ? ");" : " +")}");
                }

                offset += count;
            }
        }

        w.Line("#nullable restore");
    }

    /// <summary>String-literal code units per line: eight floats or four doubles.</summary>
    private const int CodeUnitsPerLine = 16;

    private static void AppendBits(StringBuilder bits, double value, NumericType type)
    {
        ulong pattern = type.Size == 4 ? new SingleBits { Value = (float)value }.Pattern : (ulong)BitConverter.DoubleToInt64Bits(value);
        for (int k = 0; k < type.Size / 2; k++)
        {
            bits.Append("\\u").Append(((pattern >> (16 * k)) & 0xFFFF).ToString("X4", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A float's bits (netstandard2.0 has no BitConverter.SingleToUInt32Bits).</summary>
    [StructLayout(LayoutKind.Explicit)]
    private struct SingleBits
    {
        [FieldOffset(0)]
        public float Value;

        [FieldOffset(0)]
        public uint Pattern;
    }
}
