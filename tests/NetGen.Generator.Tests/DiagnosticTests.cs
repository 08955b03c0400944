using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// Each NETGEN diagnostic, on the exact span the contract names (marked <c>[|...|]</c> in the source), with no
/// generated source for the invalid class and no compiler errors cascading from it.
/// </summary>
public sealed partial class DiagnosticTests
{
    private const string Header = """
        using NetGen;

        namespace MyApp;


        """;

    [Fact]
    public void NETGEN001_ClassNotPartial_OnClassIdentifier() => AssertDiagnostics("NETGEN001", Header + """
        [Network(2, 3, 1)]
        public class [|Net|]
        {
        }
        """);

    [Theory]
    [InlineData("""
        public class Outer
        {
            [Network(2, 3, 1)]
            public partial class [|Net|]
            {
            }
        }
        """)]
    [InlineData("""
        public partial class Outermost
        {
            internal class Middle
            {
                [Network(2, 3, 1)]
                public partial class [|Net|]
                {
                }
            }
        }
        """)]
    public void NETGEN002_ContainingTypeNotPartial_OnClassIdentifier(string declaration) =>
        AssertDiagnostics("NETGEN002", Header + declaration);

    [Theory]
    [InlineData("[[|Network|]]")]
    [InlineData("[[|Network()|]]")]
    [InlineData("[[|Network(5)|]]")]
    [InlineData("[[|Network(5, Hidden = Activation.Tanh)|]]")]
    [InlineData("[[|Network(new[] { 5 })|]]")]
    [InlineData("[[|NetGen.NetworkAttribute(5)|]]")]
    public void NETGEN003_FewerThanTwoLayerSizes_OnAttribute(string attribute) =>
        AssertDiagnostics("NETGEN003", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Theory]
    [InlineData("[Network([|0|], 3, 1)]")]
    [InlineData("[Network(2, 3, [|-4|])]")]
    [InlineData("[Network(2, [|0|], [|-1|])]")]
    [InlineData("[Network(2, [|0|], 1, Hidden = Activation.Tanh)]")]
    [InlineData("[Network([|-2147483648|], [|0|])]")]
    public void NETGEN004_LayerSizeNotPositive_OnEachBadArgument(string attribute) =>
        AssertDiagnostics("NETGEN004", Header + attribute + "\npublic partial class Net\n{\n}\n");

    public static TheoryData<string> TooLargeNetworks() => new()
    {
        "[[|Network(65537, 1)|]]",                                   // a layer size > 65,536
        "[[|Network(int.MaxValue, int.MaxValue)|]]",                 // would overflow 32-bit arithmetic
        "[[|Network(" + Repeat("1", 66) + ")|]]",                    // 65 weight layers > 64
        "[[|Network(4096, 4097, 1)|]]",                              // 16,789,507 parameters > 16,777,216
        "[[|Network(" + Repeat("300", 65) + ", Bias = false)|]]",   // scratch Σ sizes 19,500 > 16,384
    };

    [Theory]
    [MemberData(nameof(TooLargeNetworks))]
    public void NETGEN005_NetworkTooLarge_OnAttribute(string attribute) =>
        AssertDiagnostics(
            "NETGEN005", Header + attribute + "\npublic partial class Net\n{\n}\n", oneLimitMayBeReportedTwice: true);

    [Theory]
    [InlineData("[Network(2, 3, 1, [|Hidden = (Activation)42|])]")]
    [InlineData("[Network(2, 3, 1, [|Output = (Activation)(-1)|])]")]
    [InlineData("[Network(2, 3, 1, [|Loss = (Loss)7|])]")]
    [InlineData("[Network(2, 3, 1, [|Hidden = (Activation)10|], Bias = false, [|Output = (Activation)11|])]")]
    [InlineData("[Network(2, 3, 1, [|Loss = (Loss)4|])]")]
    public void NETGEN006_InvalidEnumValue_OnNamedArgument(string attribute) =>
        AssertDiagnostics("NETGEN006", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Theory]
    [InlineData("[Network(2, 3, 1, [|Activations = new[] { Activation.ReLU, (Activation)42 }|])]")]
    [InlineData("[Network(2, 3, 1, [|Activations = new[] { (Activation)(-1), Activation.Sigmoid }|])]")]
    [InlineData("[Network(2, 3, 1, [|Activations = new Activation[] { Activation.Tanh, (Activation)10 }|], Bias = false)]")]
    public void NETGEN006_InvalidEnumValueInActivations_OnActivationsArgument(string attribute) =>
        AssertDiagnostics("NETGEN006", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Fact]
    public void NETGEN007_StaticClass_OnClassIdentifier() => AssertDiagnostics("NETGEN007", Header + """
        [Network(2, 3, 1)]
        public static partial class [|Net|]
        {
        }
        """);

    [Theory]
    [InlineData("""
        [Network(2, 3, 1)]
        public partial class [|Net|]<T>
        {
        }
        """)]
    [InlineData("""
        public partial class Outer<T>
        {
            [Network(2, 3, 1)]
            public partial class [|Net|]
            {
            }
        }
        """)]
    public void NETGEN008_GenericClass_OnClassIdentifier(string declaration) =>
        AssertDiagnostics("NETGEN008", Header + declaration);

    [Theory]
    [InlineData("[Network(2, 3, 1, [|Hidden = Activation.Softmax|])]")]
    [InlineData("[Network(2, 3, 4, 3, Output = Activation.Softmax, [|Hidden = Activation.Softmax|], Loss = Loss.CrossEntropy)]")]
    [InlineData("[Network(2, 3, 1, [|Activations = new[] { Activation.Softmax, Activation.Sigmoid }|])]")]
    [InlineData("[Network(2, 3, 4, 3, [|Activations = new[] { Activation.ReLU, Activation.Softmax, Activation.Softmax }|], Loss = Loss.CrossEntropy)]")]
    [InlineData("[Network(2, 3, 4, 3, Output = Activation.LogSoftmax, [|Hidden = Activation.LogSoftmax|], Loss = Loss.CrossEntropy)]")]
    [InlineData("[Network(2, 3, 4, 3, [|Activations = new[] { Activation.LogSoftmax, Activation.ReLU, Activation.LogSoftmax }|])]")]
    public void NETGEN011_SoftmaxOnAHiddenLayer_OnHiddenOrActivationsArgument(string attribute) =>
        AssertDiagnostics("NETGEN011", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Theory]
    [InlineData("[Network(2, 3, 1, Output = Activation.Identity, [|Loss = Loss.CrossEntropy|])]")]
    [InlineData("[Network(2, 3, 1, [|Loss = Loss.CrossEntropy|], Output = Activation.Tanh)]")]
    [InlineData("[Network(2, 3, 2, Activations = new[] { Activation.Sigmoid, Activation.Softplus }, [|Loss = Loss.CrossEntropy|])]")]
    public void NETGEN012_CrossEntropyWithoutSigmoidOrSoftmaxOutput_OnLossArgument(string attribute) =>
        AssertDiagnostics("NETGEN012", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Theory]
    [InlineData("[Network(2, 3, 1, Output = Activation.Identity, [|Loss = Loss.Hellinger|])]")]
    [InlineData("[Network(2, 3, 1, Output = Activation.ReLU, [|Loss = Loss.Hellinger|])]")]
    [InlineData("[Network(2, 3, 1, [|Loss = Loss.Hellinger|], Output = Activation.Tanh)]")]
    [InlineData("[Network(2, 3, 2, Activations = new[] { Activation.Softplus, Activation.ELU }, [|Loss = Loss.Hellinger|])]")]
    [InlineData("[Network(2, 3, 2, Hidden = Activation.Sigmoid, Output = Activation.GELU, [|Loss = Loss.Hellinger|])]")]
    [InlineData("[Network(2, 3, 2, Output = Activation.LeakyReLU, [|Loss = Loss.Hellinger|], LeakySlope = 0)]")]
    [InlineData("[Network(2, 3, 2, Output = Activation.LogSoftmax, [|Loss = Loss.Hellinger|])]")]
    public void NETGEN013_HellingerOnAnOutputThatCanBeZeroOrNegative_OnLossArgument(string attribute) =>
        AssertDiagnostics("NETGEN013", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Theory]
    [InlineData("[Network(2, 3, 1, Loss = Loss.Exponential, [|Tau = 0|])]")]
    [InlineData("[Network(2, 3, 1, Loss = Loss.Exponential, [|Tau = -0.0|])]")]
    [InlineData("[Network(2, 3, 1, [|Tau = -2.5|], Loss = Loss.Exponential)]")]
    [InlineData("[Network(2, 3, 1, Loss = Loss.Exponential, [|Tau = double.NaN|])]")]
    [InlineData("[Network(2, 3, 1, Loss = Loss.Exponential, [|Tau = double.PositiveInfinity|])]")]
    [InlineData("[Network(2, 3, 1, Loss = Loss.Exponential, [|Tau = 1.0 / 0.0|])]")]
    [InlineData("[Network(2, 3, 1, [|Tau = 0|])]")] // invalid whatever the loss: the contract has no exception
    [InlineData("[Network(2, 3, 1, Loss = Loss.Exponential, [|Tau = 1e-300|])]")] // 0 in float
    [InlineData("[Network(2, 3, 1, Loss = Loss.Exponential, [|Tau = 1e300|])]")] // ∞ in float
    public void NETGEN014_TauNotFiniteAndPositive_OnTauArgument(string attribute) =>
        AssertDiagnostics("NETGEN014", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Theory]
    [InlineData("[Network(2, 3, 1, [|Activations = new[] { Activation.ReLU }|])]")]
    [InlineData("[Network(2, 3, 1, [|Activations = new[] { Activation.ReLU, Activation.Tanh, Activation.Sigmoid }|])]")]
    [InlineData("[Network(2, 3, 1, [|Activations = new Activation[0]|])]")]
    [InlineData("[Network(2, 3, 1, [|Activations = new Activation[] { }|], Bias = false)]")]
    [InlineData("[Network(4, 2, [|Activations = new[] { Activation.Tanh, Activation.Identity }|])]")]
    public void NETGEN015_ActivationsOfTheWrongLength_OnActivationsArgument(string attribute) =>
        AssertDiagnostics("NETGEN015", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Theory]
    [InlineData("[Network(2, 3, 1, [|ElementType = typeof(int)|])]")]
    [InlineData("[Network(2, 3, 1, [|ElementType = typeof(decimal)|])]")]
    [InlineData("[Network(2, 3, 1, [|ElementType = typeof(System.Half)|])]")]
    [InlineData("[Network(2, 3, 1, [|ElementType = typeof(string)|])]")]
    [InlineData("[Network(2, 3, 1, [|ElementType = typeof(float[])|])]")]
    [InlineData("[Network(2, 3, 1, [|ElementType = typeof(double?)|])]")]
    [InlineData("[Network(2, 3, 1, [|ElementType = typeof(System.Collections.Generic.List<double>)|])]")]
    public void NETGEN016_ElementTypeNeitherFloatNorDouble_OnElementTypeArgument(string attribute) =>
        AssertDiagnostics("NETGEN016", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Theory]
    [InlineData("[Network(2, 3, 1, Hidden = Activation.LeakyReLU, [|LeakySlope = -0.01|])]")]
    [InlineData("[Network(2, 3, 1, [|LeakySlope = double.NaN|], Hidden = Activation.LeakyReLU)]")]
    [InlineData("[Network(2, 3, 1, Hidden = Activation.LeakyReLU, [|LeakySlope = double.PositiveInfinity|])]")]
    [InlineData("[Network(2, 3, 1, Hidden = Activation.LeakyReLU, [|LeakySlope = double.NegativeInfinity|])]")]
    [InlineData("[Network(2, 3, 1, [|LeakySlope = -1|])]")] // invalid whatever the activations: the contract has no exception
    public void NETGEN017_LeakySlopeNotFiniteAndNonNegative_OnLeakySlopeArgument(string attribute) =>
        AssertDiagnostics("NETGEN017", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Theory]
    [InlineData("[Network(2, 3, 1, [|Activations = new[] { Activation.ReLU, Activation.Sigmoid }|], Hidden = Activation.ReLU)]")]
    [InlineData("[Network(2, 3, 1, Output = Activation.Identity, [|Activations = new[] { Activation.ReLU, Activation.Identity }|])]")]
    [InlineData("[Network(2, 3, 1, Hidden = Activation.Tanh, Output = Activation.Tanh, [|Activations = new[] { Activation.Tanh, Activation.Tanh }|])]")]
    // Given explicitly, even when equal to the default.
    [InlineData("[Network(2, 3, 1, Hidden = Activation.Sigmoid, [|Activations = new[] { Activation.ReLU, Activation.Sigmoid }|])]")]
    public void NETGEN018_ActivationsTogetherWithHiddenOrOutput_OnActivationsArgument(string attribute) =>
        AssertDiagnostics("NETGEN018", Header + attribute + "\npublic partial class Net\n{\n}\n");

    [Theory]
    [InlineData(LanguageVersion.CSharp10)]
    [InlineData(LanguageVersion.CSharp11)]
    public void NETGEN019_LanguageVersionBelow12_OnClassIdentifier(LanguageVersion version)
    {
        Markup markup = Markup.Parse(Header + "[Network(2, 3, 1)]\npublic partial class [|Net|]\n{\n}\n");
        CSharpParseOptions options = GeneratorHarness.DefaultParseOptions.WithLanguageVersion(version);

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([markup.Text], options, NullableContextOptions.Enable));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "NETGEN019", Assert.Single(markup.Spans), markup.Text);
        Assert.Contains(version.ToDisplayString(), diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void NETGEN019_NotReportedFromCSharp12On()
    {
        CSharpParseOptions options = GeneratorHarness.DefaultParseOptions.WithLanguageVersion(LanguageVersion.CSharp12);

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(
            [Header + "[Network(2, 3, 1)]\npublic partial class Net\n{\n}\n", UserCode.Usage("global::MyApp.Net")],
            options,
            NullableContextOptions.Enable));

        CompileTests.AssertCompilesCleanly(run, expectedFiles: 1);
    }

    /// <summary>
    /// A NETGEN error means no network was generated; an .editorconfig or global severity setting, &lt;NoWarn&gt; or
    /// a #pragma must not turn it into a warning or hide it (the user would be left with errors about missing members).
    /// </summary>
    [Theory]
    [InlineData(ReportDiagnostic.Suppress, false)]
    [InlineData(ReportDiagnostic.Warn, false)]
    [InlineData(ReportDiagnostic.Hidden, false)]
    [InlineData(ReportDiagnostic.Default, true)]
    public void Errors_CannotBeConfiguredAway(ReportDiagnostic setting, bool pragma)
    {
        string source = (pragma ? "#pragma warning disable NETGEN001\n" : "") + Header + "[Network(2, 3, 1)]\npublic class Net\n{\n}\n";
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(source);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("NETGEN001", setting)));

        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> reported);

        Diagnostic diagnostic = Assert.Single(reported);
        Assert.Equal("NETGEN001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.False(diagnostic.IsSuppressed);
    }

    [Fact]
    public void SoftmaxHiddenLayerAndCrossEntropyOnAReLUOutput_BothReported_EachOnItsArgument() =>
        AssertDiagnostics(
            ["NETGEN011", "NETGEN012"],
            Header + "[Network(2, 3, 1, [|Hidden = Activation.Softmax|], Output = Activation.ReLU, [|Loss = Loss.CrossEntropy|])]"
            + "\npublic partial class Net\n{\n}\n");

    [Fact]
    public void IndependentMistakes_AreEachReportedOnTheirOwnArgument()
    {
        AssertDiagnostics(
            ["NETGEN011", "NETGEN013", "NETGEN014", "NETGEN017"],
            Header + """
            [Network(2, 3, 1, [|Hidden = Activation.Softmax|], Output = Activation.Identity, [|Loss = Loss.Hellinger|],
                [|Tau = 0|], [|LeakySlope = -1|])]
            public partial class Net
            {
            }
            """);
    }

    /// <summary>Declarations the new rules must accept: each generates one file that compiles cleanly.</summary>
    [Theory]
    [InlineData("[Network(2, 3, 1, Output = Activation.Sigmoid, Loss = Loss.CrossEntropy)]")]
    [InlineData("[Network(2, 3, 1, Loss = Loss.CrossEntropy)]")] // the default output is Sigmoid
    [InlineData("[Network(2, 3, 3, Output = Activation.Softmax, Loss = Loss.CrossEntropy)]")]
    [InlineData("[Network(2, 3, Activations = new[] { Activation.Softmax }, Loss = Loss.CrossEntropy)]")]
    [InlineData("[Network(2, 3, 1, Output = Activation.Softplus, Loss = Loss.Hellinger)]")]
    [InlineData("[Network(2, 3, 1, Output = Activation.Sigmoid, Loss = Loss.Hellinger)]")]
    [InlineData("[Network(2, 3, 3, Output = Activation.Softmax, Loss = Loss.Hellinger)]")]
    [InlineData("[Network(2, 3, 3, Output = Activation.Softmax, Loss = Loss.Exponential)]")]
    [InlineData("[Network(2, 3, 1, Activations = new[] { Activation.ReLU, Activation.Sigmoid })]")]
    [InlineData("[Network(2, 3, 4, 1, Activations = new[] { Activation.GELU, Activation.ELU, Activation.Identity }, Bias = false)]")]
    [InlineData("[Network(2, 3, 1, ElementType = typeof(double))]")]
    [InlineData("[Network(2, 3, 1, ElementType = typeof(System.Double))]")]
    [InlineData("[Network(2, 3, 1, ElementType = typeof(float))]")]
    [InlineData("[Network(2, 3, 1, Loss = Loss.Exponential, Tau = 0.5)]")]
    [InlineData("[Network(2, 3, 1, Tau = 0.5)]")]
    [InlineData("[Network(2, 3, 1, Hidden = Activation.LeakyReLU, LeakySlope = 0)]")]
    [InlineData("[Network(2, 3, 1, Hidden = Activation.LeakyReLU, LeakySlope = 0.3)]")]
    public void ValidUseOfTheNewProperties_ReportsNothing_AndCompiles(string attribute)
    {
        GeneratorRun run = GeneratorHarness.Run(Header + attribute + "\npublic partial class Net\n{\n}\n");

        CompileTests.AssertCompilesCleanly(run, expectedFiles: 1);
    }

    /// <summary>Every output activation with every cost: accepted, or rejected with the one diagnostic for it.</summary>
    public static TheoryData<string, string, string?> OutputAndLossCombinations()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (string output in Enum.GetNames<Activation>())
        {
            foreach (string loss in Enum.GetNames<Loss>())
            {
                string? expected = loss switch
                {
                    nameof(Loss.CrossEntropy) when output is not (nameof(Activation.Sigmoid) or nameof(Activation.Softmax) or nameof(Activation.LogSoftmax))
                        => "NETGEN012",
                    nameof(Loss.Hellinger) when output is not (nameof(Activation.Sigmoid) or nameof(Activation.Softmax) or nameof(Activation.Softplus))
                        => "NETGEN013",
                    _ => null,
                };
                data.Add(output, loss, expected);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OutputAndLossCombinations))]
    public void OutputActivationAndLoss_EveryCombination(string output, string loss, string? expectedId)
    {
        string attribute = $"[Network(2, 3, 2, Output = Activation.{output}, [|Loss = Loss.{loss}|])]";
        string source = Header + attribute + "\npublic partial class Net\n{\n}\n";
        if (expectedId is not null)
        {
            AssertDiagnostics(expectedId, source);
            return;
        }

        GeneratorRun run = GeneratorHarness.Run(Markup.Parse(source).Text);
        CompileTests.AssertCompilesCleanly(run, expectedFiles: 1);
    }

    [Fact]
    public void NETGEN010_NetworkDerivingFromANetwork_OnClassIdentifier()
    {
        Markup markup = Markup.Parse(Header + """
            [Network(2, 3, 1)]
            public partial class Net
            {
            }

            [Network(2, 2, 1)]
            public partial class [|Derived|] : Net
            {
            }
            """);

        GeneratorRun run = GeneratorHarness.Run(markup.Text);

        Assert.Null(run.Exception);
        AssertLocatedAt(run, markup, [("NETGEN010", markup.Spans[0])]);
        Assert.Equal("MyApp.Net.g.cs", Assert.Single(run.GeneratedSources).HintName);
        AssertNoCompilerWarningsOrErrors(run);
    }

    [Fact]
    public void InvalidNetwork_DoesNotStopAValidOneFromGenerating()
    {
        Markup markup = Markup.Parse(Header + """
            [Network(2, 3, 1)]
            public partial class Good
            {
            }

            [Network(2, [|0|], 1)]
            public partial class Bad
            {
            }

            [Network(2, 3, 1)]
            public class [|AlsoBad|]
            {
            }
            """);

        GeneratorRun run = GeneratorHarness.Run(markup.Text);

        Assert.Null(run.Exception);
        AssertLocatedAt(run, markup, [("NETGEN004", markup.Spans[0]), ("NETGEN001", markup.Spans[1])]);
        GeneratedFile file = Assert.Single(run.GeneratedSources);
        Assert.Equal("MyApp.Good.g.cs", file.HintName);
        AssertNoCompilerWarningsOrErrors(run);
    }

    /// <summary>
    /// The generator reports exactly one <paramref name="id"/> error per marked span (or, for limits that can
    /// be exceeded together, one or more on the single marked span), generates nothing, and the compiler has
    /// nothing to add.
    /// </summary>
    private static void AssertDiagnostics(string id, string markupSource, bool oneLimitMayBeReportedTwice = false)
    {
        Markup markup = Markup.Parse(markupSource);
        Assert.NotEmpty(markup.Spans);

        GeneratorRun run = GeneratorHarness.Run(markup.Text);

        Assert.Null(run.Exception);
        if (oneLimitMayBeReportedTwice && run.GeneratorDiagnostics.Length > 1)
        {
            TextSpan span = Assert.Single(markup.Spans);
            foreach (Diagnostic extra in run.GeneratorDiagnostics.Skip(1))
            {
                AssertDiagnostic(extra, id, span, markup.Text);
            }

            AssertDiagnostic(run.GeneratorDiagnostics[0], id, span, markup.Text);
        }
        else
        {
            AssertLocatedAt(run, markup, markup.Spans.Select(span => (id, span)).ToArray());
        }

        Assert.True(
            run.GeneratedSources.IsEmpty,
            "Nothing should be generated for an invalid network, but got: "
            + string.Join(", ", run.GeneratedSources.Select(s => s.HintName)));
        AssertNoCompilerWarningsOrErrors(run);
    }

    /// <summary>
    /// The generator reports exactly the errors <paramref name="ids"/>, one per marked span in source order,
    /// generates nothing, and the compiler has nothing to add.
    /// </summary>
    private static void AssertDiagnostics(string[] ids, string markupSource)
    {
        Markup markup = Markup.Parse(markupSource);
        Assert.NotEmpty(markup.Spans);
        Assert.Equal(markup.Spans.Length, ids.Length);

        GeneratorRun run = GeneratorHarness.Run(markup.Text);

        Assert.Null(run.Exception);
        AssertLocatedAt(run, markup, ids.Zip(markup.Spans, (id, span) => (id, span)).ToArray());
        Assert.True(
            run.GeneratedSources.IsEmpty,
            "Nothing should be generated for an invalid network, but got: "
            + string.Join(", ", run.GeneratedSources.Select(s => s.HintName)));
        AssertNoCompilerWarningsOrErrors(run);
    }

    private static void AssertLocatedAt(GeneratorRun run, Markup markup, IReadOnlyList<(string Id, TextSpan Span)> expected)
    {
        Diagnostic[] actual = run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        Assert.True(
            actual.Length == expected.Count,
            $"Expected {expected.Count} diagnostic(s) at {string.Join(", ", expected.Select(e => $"{e.Id} {e.Span} '{markup.Text.Substring(e.Span.Start, e.Span.Length)}'"))}, got:\n"
            + GeneratorHarness.Describe(actual));
        for (int i = 0; i < actual.Length; i++)
        {
            AssertDiagnostic(actual[i], expected[i].Id, expected[i].Span, markup.Text);
        }
    }

    private static void AssertDiagnostic(Diagnostic diagnostic, string id, TextSpan span, string text)
    {
        string expectedText = text.Substring(span.Start, span.Length);
        string where = $"{diagnostic}\n  expected {id} on '{expectedText}' {span}";
        Assert.True(diagnostic.Id == id, where);
        Assert.True(diagnostic.Severity == DiagnosticSeverity.Error, where);
        // The model may not hold a SyntaxTree, so the location may be re-created from path and span
        // (Location.Create(path, span, lineSpan)): compare the path, the span and the line, not the tree.
        Assert.True(diagnostic.Location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile, where);
        Assert.True(diagnostic.Location.GetLineSpan().Path == GeneratorHarness.SourcePath(0), where);
        string actualText = diagnostic.Location.SourceSpan.End <= text.Length
            ? text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length)
            : "(outside the source)";
        Assert.True(diagnostic.Location.SourceSpan == span, $"{where}\n  but it is on '{actualText}'");
        LinePositionSpan expectedLines = SourceText.From(text).Lines.GetLinePositionSpan(span);
        Assert.True(diagnostic.Location.GetLineSpan().Span == expectedLines, $"{where}\n  expected lines {expectedLines}");
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage()), where);
    }

    private static void AssertNoCompilerWarningsOrErrors(GeneratorRun run)
    {
        Diagnostic[] compiler = run.OutputDiagnosticsAtLeast(DiagnosticSeverity.Warning).ToArray();
        Assert.True(compiler.Length == 0, "Compiler diagnostics (cascade?):\n" + GeneratorHarness.Describe(compiler));
    }

    private static string Repeat(string size, int count) => string.Join(", ", Enumerable.Repeat(size, count));
}
