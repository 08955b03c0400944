using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// Generated code plus user code compiles with no warnings and emits, in the project setups users have.
/// </summary>
public sealed class CompileTests
{
    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void GeneratedCode_WithUserCodeCallingEveryMember_CompilesWithoutWarnings(string scenarioName)
    {
        Scenario scenario = Scenarios.Named(scenarioName);

        GeneratorRun run = GeneratorHarness.Run(
            scenario.UserSource, UserCode.Usage(scenario.FullyQualifiedName, scenario.ElementType));

        AssertCompilesCleanly(run, expectedFiles: 1);
    }

    /// <summary>
    /// Every output activation with every cost it accepts, in float and in double, each with a hidden activation
    /// (the eight that may be hidden take turns, so each appears in both element types).
    /// </summary>
    public static TheoryData<string, string, string, string> ValidActivationAndCostCombinations()
    {
        string[] hiddenChoices = Enum.GetNames<Activation>().Where(a => a is not (nameof(Activation.Softmax) or nameof(Activation.LogSoftmax))).ToArray();
        var data = new TheoryData<string, string, string, string>();
        foreach (string element in new[] { "float", "double" })
        {
            int turn = 0;
            foreach (string output in Enum.GetNames<Activation>())
            {
                foreach (string loss in Enum.GetNames<Loss>())
                {
                    bool valid = loss switch
                    {
                        nameof(Loss.CrossEntropy) => output is nameof(Activation.Sigmoid) or nameof(Activation.Softmax) or nameof(Activation.LogSoftmax),
                        nameof(Loss.Hellinger) =>
                            output is nameof(Activation.Sigmoid) or nameof(Activation.Softmax) or nameof(Activation.Softplus),
                        _ => true,
                    };
                    if (valid)
                    {
                        data.Add(hiddenChoices[turn++ % hiddenChoices.Length], output, loss, element);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidActivationAndCostCombinations))]
    public void EveryActivationAndCost_InFloatAndDouble_CompilesWithUserCode(
        string hidden, string output, string loss, string element)
    {
        // 3 → 5 → 3: one full vector and a scalar tail in both element types.
        string source = $$"""
            using NetGen;

            namespace MyApp;

            [Network(3, 5, 3, Hidden = Activation.{{hidden}}, Output = Activation.{{output}}, Loss = Loss.{{loss}}, Tau = 0.75, LeakySlope = 0.2, ElementType = typeof({{element}}))]
            public partial class Net
            {
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source, UserCode.Usage("global::MyApp.Net", element));

        AssertCompilesCleanly(run, expectedFiles: 1);
    }

    [Fact]
    public void ValidActivationAndCostCombinations_CoverEveryActivationAndCostInBothElementTypes()
    {
        var rows = ValidActivationAndCostCombinations().Select(row => ((string)row[0], (string)row[1], (string)row[2], (string)row[3])).ToArray();
        foreach (string element in new[] { "float", "double" })
        {
            var ofElement = rows.Where(r => r.Item4 == element).ToArray();
            // Every activation is a hidden one somewhere, but Softmax and LogSoftmax, which are for the output layer only.
            Assert.Equal(Enum.GetNames<Activation>().Length - 2, ofElement.Select(r => r.Item1).Distinct().Count());
            Assert.Equal(Enum.GetNames<Activation>().Order(), ofElement.Select(r => r.Item2).Distinct().Order());
            Assert.Equal(Enum.GetNames<Loss>().Order(), ofElement.Select(r => r.Item3).Distinct().Order());
        }
    }

    /// <summary>More outputs than are written out one by one: the output delta loops over them.</summary>
    [Theory]
    [InlineData("GELU", "SquaredError", "float")]
    [InlineData("GELU", "Exponential", "double")]
    [InlineData("Softmax", "Exponential", "float")]
    [InlineData("Softmax", "CrossEntropy", "double")]
    [InlineData("Softmax", "Hellinger", "float")]
    [InlineData("Softplus", "Hellinger", "double")]
    [InlineData("LeakyReLU", "SquaredError", "double")]
    [InlineData("Sigmoid", "CrossEntropy", "float")]
    [InlineData("LogSoftmax", "CrossEntropy", "float")]
    [InlineData("LogSoftmax", "SquaredError", "double")]
    public void WideOutputLayer_EveryOutputDeltaForm_Compiles(string output, string loss, string element)
    {
        string source = $$"""
            using NetGen;

            namespace MyApp;

            [Network(8, 20, 33, Hidden = Activation.GELU, Output = Activation.{{output}}, Loss = Loss.{{loss}}, ElementType = typeof({{element}}))]
            public partial class Net
            {
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source, UserCode.Usage("global::MyApp.Net", element));

        AssertCompilesCleanly(run, expectedFiles: 1);
    }

    [Fact]
    public void PerLayerActivations_EveryHiddenActivationInOneNetwork_InDouble_Compiles()
    {
        const string source = """
            using NetGen;

            namespace MyApp;

            [Network(2, 3, 4, 5, 6, 7, 8, 9, 10, 4, Activations = new[] { Activation.Identity, Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.Softplus, Activation.ELU, Activation.GELU, Activation.Softmax }, Loss = Loss.CrossEntropy, ElementType = typeof(double))]
            public partial class Net
            {
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source, UserCode.Usage("global::MyApp.Net", "double"));

        AssertCompilesCleanly(run, expectedFiles: 1);
    }

    [Fact]
    public void UserClassDeclaringItsOwnConstructors_Compiles()
    {
        const string source = """
            using NetGen;

            namespace MyApp;

            [Network(2, 3, 1)]
            public partial class Net
            {
                public Net() => Tag = 1;

                public Net(int tag) => Tag = tag;

                public int Tag { get; }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source, UserCode.Usage("global::MyApp.Net"));

        AssertCompilesCleanly(run, expectedFiles: 1);
    }

    [Fact]
    public void UserProjectWithoutAnyUsingDirectives_Compiles()
    {
        const string source = """
            namespace MyApp
            {
                [global::NetGen.Network(2, 3, 1, Hidden = global::NetGen.Activation.Tanh)]
                public partial class Net
                {
                }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source, UserCode.UsageWithoutUsings("global::MyApp.Net"));

        AssertCompilesCleanly(run, expectedFiles: 1);
    }

    /// <summary>User types in namespace MyApp named like every type generated code might use.</summary>
    private const string Shadows = """
        namespace MyApp
        {
            public class System { }
            public class NetGen { }
            public class Math { }
            public class MathF { }
            public class Span<T> { }
            public class ReadOnlySpan<T> { }
            public class ArgumentException { }
            public class ArgumentOutOfRangeException { }
            public class Vector128 { }
            public class Vector128<T> { }
            public class Unsafe { }
            public class MemoryMarshal { }
            public class MemoryExtensions { }
            public class Activation { }
            public class Loss { }
            public class INetwork<T> { }
            public class ParameterInitializer { }
            public class NetworkLayout { }
            public class SpanChecks { }
            public class ActivationFunctions { }
            public class GeneratedCodeAttribute : global::System.Attribute { }
            public class EditorBrowsableAttribute : global::System.Attribute { }
            public class SkipLocalsInitAttribute : global::System.Attribute { }
            public class MethodImplAttribute : global::System.Attribute { }
            public class Double { }
            public class Single { }
            public class Vector { }
            public class Vector256 { }
            public class BitConverter { }
            public class Type { }
        }
        """;

    [Fact]
    public void UserTypesNamedLikeTheTypesGeneratedCodeUses_DoNotCaptureItsNames()
    {
        // Without global:: on every type name, generated code inside namespace MyApp would bind to these.
        const string source = """
            namespace MyApp
            {
                [global::NetGen.Network(3, 5, 2, Hidden = global::NetGen.Activation.ReLU)]
                public partial class Net
                {
                }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(Shadows, source, UserCode.UsageWithoutUsings("global::MyApp.Net"));

        AssertCompilesCleanly(run, expectedFiles: 1);
    }

    [Theory]
    [InlineData("Softmax", "CrossEntropy", "float")]
    [InlineData("Softmax", "CrossEntropy", "double")]
    [InlineData("Sigmoid", "CrossEntropy", "double")]
    [InlineData("Softmax", "Hellinger", "double")]
    [InlineData("Sigmoid", "Hellinger", "float")]
    [InlineData("Softplus", "Hellinger", "double")]
    [InlineData("Softmax", "Exponential", "float")]
    [InlineData("ELU", "Exponential", "double")]
    public void UserTypesNamedLikeTheTypesGeneratedCodeUses_DoNotCaptureItsNames_EveryActivationAndCost(
        string output, string loss, string element)
    {
        string source = $$"""
            namespace MyApp
            {
                [global::NetGen.Network(3, 5, 4, 2, Activations = new[] { global::NetGen.Activation.GELU, global::NetGen.Activation.LeakyReLU, global::NetGen.Activation.{{output}} }, Loss = global::NetGen.Loss.{{loss}}, Tau = 2, ElementType = typeof({{element}}))]
                public partial class Net
                {
                }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(Shadows, source, UserCode.UsageWithoutUsings("global::MyApp.Net", element));

        AssertCompilesCleanly(run, expectedFiles: 1);
    }

    [Fact]
    public void UserProjectWithNullableDisabled_CompilesWithoutWarnings()
    {
        Scenario scenario = Scenarios.StudyScore;
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(
            [scenario.UserSource, UserCode.Usage(scenario.FullyQualifiedName)],
            GeneratorHarness.DefaultParseOptions,
            NullableContextOptions.Disable);

        AssertCompilesCleanly(GeneratorHarness.Run(compilation), expectedFiles: 1);
    }

    [Fact]
    public void UserProjectThatRequiresXmlDocs_GetsNoMissingDocWarningsFromGeneratedCode()
    {
        const string source = """
            using NetGen;

            namespace MyApp;

            /// <summary>A documented network.</summary>
            [Network(2, 3, 1)]
            public partial class Net
            {
            }
            """;
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(
            [source],
            GeneratorHarness.DefaultParseOptions.WithDocumentationMode(DocumentationMode.Diagnose),
            NullableContextOptions.Enable);

        GeneratorRun run = GeneratorHarness.Run(compilation);

        AssertCompilesCleanly(run, expectedFiles: 1);
    }

    [Theory]
    [InlineData("internal sealed partial class")]
    [InlineData("public sealed partial class")]
    [InlineData("internal partial class")]
    [InlineData("public abstract partial class")]
    public void ClassModifiers_AreRespected(string declaration)
    {
        string source = $$"""
            namespace MyApp;

            [global::NetGen.Network(2, 2, 1)]
            {{declaration}} Net
            {
            }
            """;

        AssertCompilesCleanly(GeneratorHarness.Run(source), expectedFiles: 1);
    }

    [Theory]
    [InlineData("public partial struct Outer")]
    [InlineData("public partial record Outer")]
    [InlineData("public partial record struct Outer")]
    [InlineData("public readonly partial struct Outer")]
    [InlineData("public static partial class Outer")]
    [InlineData("internal sealed partial class Outer")]
    [InlineData("public partial interface IOuter")]
    public void ContainingTypesOfEveryKind_AreReopenedCorrectly(string containingDeclaration)
    {
        string source = $$"""
            namespace MyApp.Models
            {
                {{containingDeclaration}}
                {
                    public partial class Middle
                    {
                        [global::NetGen.Network(2, 3, 1)]
                        public partial class Net
                        {
                        }
                    }
                }
            }
            """;

        AssertCompilesCleanly(GeneratorHarness.Run(source), expectedFiles: 1);
    }

    [Fact]
    public void ClassSplitAcrossFiles_WithBaseTypeAndInterfaceOnTheOtherPart_Compiles()
    {
        const string annotatedPart = """
            namespace MyApp;

            [global::NetGen.Network(2, 3, 1)]
            public partial class Net
            {
            }
            """;
        const string otherPart = """
            namespace MyApp;

            public abstract class ModelBase
            {
                public string Name { get; set; } = "";
            }

            public partial class Net : ModelBase, global::NetGen.INetwork<float>
            {
                public int Epochs { get; set; }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(annotatedPart, otherPart, UserCode.Usage("global::MyApp.Net"));

        AssertCompilesCleanly(run, expectedFiles: 1);
    }

    [Fact]
    public void NetworksWithTheSameName_InDifferentNamespacesAndTypes_GetDistinctFiles()
    {
        const string source = """
            using NetGen;

            namespace First
            {
                [Network(2, 3, 1)]
                public partial class Net { }
            }

            namespace Second
            {
                [Network(4, 2)]
                public partial class Net { }

                public partial class Holder
                {
                    [Network(3, 3)]
                    public partial class Net { }
                }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        AssertCompilesCleanly(run, expectedFiles: 3);
        Assert.Equal(
            ["First.Net.g.cs", "Second.Holder.Net.g.cs", "Second.Net.g.cs"],
            run.GeneratedSources.Select(s => s.HintName).Order());
    }

    /// <summary>No generator exception or diagnostic, no compiler warning or error, and <c>Emit</c> succeeds.</summary>
    internal static void AssertCompilesCleanly(GeneratorRun run, int expectedFiles)
    {
        Assert.Null(run.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(run.GeneratorDiagnostics));
        Assert.Equal(expectedFiles, run.GeneratedSources.Length);

        IEnumerable<Diagnostic> problems = run.OutputDiagnosticsAtLeast(DiagnosticSeverity.Warning);
        Assert.True(!problems.Any(), "Output compilation diagnostics:\n" + GeneratorHarness.Describe(problems));

        EmitResult emit = GeneratorHarness.Emit(run.OutputCompilation);
        Assert.True(emit.Success, "Emit failed:\n" + GeneratorHarness.Describe(emit.Diagnostics));

        // The generated file disables a few warnings for users' sake; here it must not need to.
        IEnumerable<Diagnostic> hidden = WithoutWarningPragmas(run).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.True(!hidden.Any(), "Warnings the generated file's pragmas hide:\n" + GeneratorHarness.Describe(hidden));
    }

    /// <summary>The output compilation with every <c>#pragma warning disable</c> line removed from the generated trees.</summary>
    private static Compilation WithoutWarningPragmas(GeneratorRun run)
    {
        Compilation compilation = run.OutputCompilation;
        foreach (SyntaxTree tree in compilation.SyntaxTrees.Except(run.InputCompilation.SyntaxTrees).ToList())
        {
            string text = string.Join("\n", tree.ToString().Split('\n').Where(l => !l.StartsWith("#pragma warning disable", StringComparison.Ordinal)));
            compilation = compilation.ReplaceSyntaxTree(tree, GeneratorHarness.ParseSource(text, tree.FilePath, (CSharpParseOptions)tree.Options));
        }

        return compilation;
    }
}
