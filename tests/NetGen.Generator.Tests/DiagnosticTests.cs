using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// Each NETGEN diagnostic, on the exact span the contract names (marked <c>[|...|]</c> in the source), with no
/// generated source for the invalid class and no compiler errors cascading from it.
/// </summary>
public sealed class DiagnosticTests
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
    [InlineData("[Network(2, 3, 1, [|Hidden = (Activation)4|], Bias = false, [|Output = (Activation)5|])]")]
    public void NETGEN006_InvalidEnumValue_OnNamedArgument(string attribute) =>
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
