using System.Collections.Generic;
using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// A network class's parameters field and, when a model file gave them, the trained parameters as one constant array
/// behind a <c>ReadOnlySpan</c>: the compiler stores such an array as data in the assembly and the span maps it
/// without copying or parsing. Each layer's values start with a comment naming the layer and its layout; eight values
/// per line.
/// </summary>
internal static class TrainedWeightsEmitter
{
    private const int ValuesPerLine = 8;

    /// <summary>The name of the file-local class that holds the values.</summary>
    public static string ClassName(NetworkSpec spec) => spec.ClassName + "Weights";

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
            w.Line($"public static {TypeNames.ReadOnlySpan}<{type.Keyword}> TrainedParameters => global::{TypeNames.GeneratedNamespace}.{ClassName(spec)}.Values;");
            w.Line();
            initializer = $"{TypeNames.AlignedArray}<{type.Keyword}>.CopyOf(TrainedParameters)";
        }

        w.Line("// A field initializer runs before every constructor the class may declare. The arrays start at a cache line.");
        w.Line($"private readonly {TypeNames.AlignedArray}<{type.Keyword}> _parameters =");
        w.Line($"    {initializer};");
    }

    /// <summary>The file-local class with the values, in NetGen's namespace of the generated file.</summary>
    public static void EmitClass(SourceWriter w, NetworkSpec spec, NumericType type, IReadOnlyList<(string Title, int Count)> layers, string generatedCode)
    {
        TrainedWeights weights = spec.Weights!;
        w.Line();
        w.Summary($"The trained parameters of <see cref=\"global::{spec.FullName}\"/>, from '{weights.Path}', in <c>Parameters</c> order.");
        w.Line(generatedCode);
        using (w.Block($"file static class {ClassName(spec)}"))
        {
            using (w.Block($"public static ReadOnlySpan<{type.Keyword}> Values => new {type.Keyword}[]", closing: "};"))
            {
                int offset = 0;
                foreach ((string title, int count) in layers)
                {
                    w.Line($"// {title}");
                    for (int start = 0; start < count; start += ValuesPerLine)
                    {
                        var line = new System.Text.StringBuilder();
                        for (int i = start; i < start + ValuesPerLine && i < count; i++)
                        {
                            line.Append(type.Literal(weights.Values[offset + i])).Append(',');
                            if (i + 1 < start + ValuesPerLine && i + 1 < count)
                            {
                                line.Append(' ');
                            }
                        }

                        w.Line(line.ToString());
                    }

                    offset += count;
                }
            }
        }
    }
}
