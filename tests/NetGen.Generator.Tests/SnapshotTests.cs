using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// What is generated, compared with reviewed snapshots in <c>Snapshots/</c>: three whole files, and single kernels and
/// class heads of the other scenarios (<c>&lt;scenario&gt;.&lt;member&gt;.verified.cs</c>). Users read this code: review
/// every change to a verified file as if it were hand-written. Also the generated file's shape: one [GeneratedCode] per
/// type, no line over 140 characters, kernels without global:: in file-local types.
/// </summary>
public sealed class SnapshotTests
{
    // Whole files: the classic network in float and double, and the largest one.
    [Fact]
    public void Network_2_3_1_Sigmoid_NoBias() => Verify(Scenarios.StudyScore);

    [Fact]
    public void Network_2_3_1_Double() => Verify(Scenarios.StudyScoreDouble);

    [Fact]
    public void Network_784_128_10_ReLU_Identity() => Verify(Scenarios.Mnist);

    // Single members, so that a change to one kernel shows as one small diff.
    [Theory]
    [InlineData(nameof(Scenarios.DeepTanh), "ForwardLayer2")]           // the dispatcher between vector widths
    [InlineData(nameof(Scenarios.DeepTanh), "ForwardLayer2V256")]       // whole vectors
    [InlineData(nameof(Scenarios.DeepTanh), "UpdateLayer2V256")]        // fused SGD update with δ of a hidden layer
    [InlineData(nameof(Scenarios.DeepTanh), "SgdStep")]                 // the fused SGD pass, three layers
    [InlineData(nameof(Scenarios.OddSizesReLU), "ForwardLayer1")]       // a vector and a scalar tail
    [InlineData(nameof(Scenarios.OddSizesReLU), "ForwardLayer1x6")]     // six rows at once, the tail in the same pass
    [InlineData(nameof(Scenarios.OddSizesReLU), "AccumulateLayer2")]    // gradient with δ from a vector and a tail
    [InlineData(nameof(Scenarios.Classifier), "ForwardLayer2")]         // softmax output
    [InlineData(nameof(Scenarios.Classifier), "OutputDelta")]           // cross entropy through softmax, fused
    [InlineData(nameof(Scenarios.Classifier), "Cost")]
    [InlineData(nameof(Scenarios.LogSoftmaxClassifier), "ForwardLayer2")]   // log-softmax output
    [InlineData(nameof(Scenarios.LogSoftmaxClassifier), "OutputDelta")]     // negative log-likelihood through log-softmax, fused
    [InlineData(nameof(Scenarios.LogSoftmaxClassifier), "Cost")]
    [InlineData(nameof(Scenarios.PerLayerActivations), "ForwardLayer1")]    // GELU keeps z for the backward pass
    [InlineData(nameof(Scenarios.PerLayerActivations), "AccumulateLayer2")] // GELU′ from z, LeakyReLU′ with its slope
    [InlineData(nameof(Scenarios.PerLayerActivations), "OutputDelta")]      // Hellinger through sigmoid, fused
    [InlineData(nameof(Scenarios.ExponentialCost), "OutputDelta")]          // exponential cost with τ, then f′
    [InlineData(nameof(Scenarios.ExponentialCost), "AccumulateGradients")]
    public void Kernel(string scenarioField, string member)
    {
        Scenario scenario = ScenarioNamed(scenarioField);
        string text = GenerateSingle(scenario);

        SnapshotAssert.Matches(GeneratedText.KernelMember(text, member), $"{scenario.Name}.{member}");
    }

    // The class documentation (the derivation for the network at hand) and the user's class re-opened in place.
    [Theory]
    [InlineData(nameof(Scenarios.DeepTanh))]
    [InlineData(nameof(Scenarios.PerLayerActivations))]
    [InlineData(nameof(Scenarios.Classifier))]
    [InlineData(nameof(Scenarios.LogSoftmaxClassifier))]
    [InlineData(nameof(Scenarios.ExponentialCost))]
    [InlineData(nameof(Scenarios.NestedInNamespace))]
    [InlineData(nameof(Scenarios.GlobalNamespace))]
    public void UserClassHead(string scenarioField)
    {
        Scenario scenario = ScenarioNamed(scenarioField);

        SnapshotAssert.Matches(GeneratedText.UserClassHead(GenerateSingle(scenario)), $"{scenario.Name}.Head");
    }

    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void EveryGeneratedType_CarriesGeneratedCodeOnce_WithTheGeneratorsVersion(string scenarioName)
    {
        string version = typeof(NetworkGenerator).Assembly.GetName().Version!.ToString(3);
        SyntaxNode root = CSharpSyntaxTree.ParseText(GenerateSingle(Scenarios.Named(scenarioName))).GetRoot();

        // The types the file declares: not the user's containing types, which it only re-opens around the network.
        var types = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>()
            .Where(t => !t.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Any())
            .ToList();
        Assert.True(types.Count >= 4, "The user's class, the operations, the kernels and at least one scratch row type.");
        Assert.All(types, type =>
        {
            AttributeSyntax attribute = Assert.Single(GeneratedCodeAttributes(type.AttributeLists));
            Assert.Equal($"(\"NetGen\", \"{version}\")", attribute.ArgumentList!.ToString());
        });
        Assert.All(
            root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is not BaseTypeDeclarationSyntax),
            member => Assert.Empty(GeneratedCodeAttributes(member.AttributeLists)));
    }

    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void NoLine_IsWiderThan140Characters(string scenarioName)
    {
        string[] lines = GenerateSingle(Scenarios.Named(scenarioName)).Split('\n');

        string[] wide = lines.Where(line => line.Length > 140).ToArray();
        Assert.True(wide.Length == 0, string.Join("\n", wide));
    }

    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void Kernels_ReadWithoutGlobalQualifiers_AndLiveInFileLocalTypes(string scenarioName)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(GenerateSingle(Scenarios.Named(scenarioName))).GetRoot();
        NamespaceDeclarationSyntax generated = Assert.Single(
            root.DescendantNodes().OfType<NamespaceDeclarationSyntax>(), n => n.Name.ToString() == "NetGen.Generated");

        // Only documentation may name the user's class from here.
        Assert.DoesNotContain("global::", string.Concat(generated.DescendantTokens().Select(t => t.Text)));
        Assert.All(generated.Members.OfType<BaseTypeDeclarationSyntax>(), type => Assert.Contains(type.Modifiers, m => m.Text == "file"));
    }

    [Fact]
    public void TheClassic2_3_1Network_GeneratesAtMost25KB()
    {
        // A size budget keeps boilerplate in the runtime library, where it is written once.
        int bytes = System.Text.Encoding.UTF8.GetByteCount(GenerateSingle(Scenarios.StudyScore));

        Assert.True(bytes <= 25_000, $"The 2-3-1 float network's file is {bytes} bytes.");
    }

    [Fact]
    public void UserClass_HoldsNoKernel()
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(GenerateSingle(Scenarios.Mnist)).GetRoot();
        ClassDeclarationSyntax user = root.DescendantNodes().OfType<ClassDeclarationSyntax>().First(c => c.Identifier.Text == "MnistNet");

        Assert.DoesNotContain(user.Members.OfType<MethodDeclarationSyntax>(), m => m.Modifiers.Any(t => t.Text == "private"));
        Assert.All(user.Members.OfType<MethodDeclarationSyntax>(), m => Assert.NotNull(m.ExpressionBody));
    }

    [Fact]
    public void DoubleNetwork_IsDoubleThroughout()
    {
        string text = GenerateSingle(Scenarios.StudyScoreDouble);

        Assert.Contains("global::NetGen.ITrainableNetwork<double>", text);
        Assert.DoesNotContain("Network<float>", text);
        Assert.DoesNotMatch(new Regex(@"\bfloat\b"), text);
        Assert.DoesNotContain("MathF.", text);
        // No float literal (0.5f, 1e-3f, 1f) anywhere, so nothing is computed in single precision.
        Assert.DoesNotMatch(new Regex(@"(?<![\w.])\d+(\.\d+)?([eE][-+]?\d+)?[fF]\b"), text);
    }

    [Theory]
    [InlineData(nameof(Scenarios.ExponentialCost), 2.5, 0.01)]
    [InlineData(nameof(Scenarios.PerLayerActivations), 1.0, 0.05)]
    [InlineData(nameof(Scenarios.StudyScore), 1.0, 0.01)]
    [InlineData(nameof(Scenarios.StudyScoreDouble), 1.0, 0.01)]
    public void TauAndLeakySlope_AreDoubleConstantsWithTheAttributesValues(string scenarioField, double tau, double leakySlope)
    {
        var scenario = (Scenario)typeof(Scenarios).GetField(scenarioField)!.GetValue(null)!;
        GeneratorRun run = GeneratorHarness.Run(scenario.UserSource);
        Assert.Null(run.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(run.GeneratorDiagnostics));

        INamedTypeSymbol type = run.OutputCompilation.GetTypeByMetadataName(scenario.FullyQualifiedName["global::".Length..])!;
        Assert.NotNull(type);
        AssertPublicDoubleConstant(type, "Tau", tau);
        AssertPublicDoubleConstant(type, "LeakySlope", leakySlope);
    }

    private static void AssertPublicDoubleConstant(INamedTypeSymbol type, string name, double expected)
    {
        IFieldSymbol field = Assert.Single(type.GetMembers(name).OfType<IFieldSymbol>());
        Assert.True(field.IsConst, $"{name} is not a const");
        Assert.Equal(Accessibility.Public, field.DeclaredAccessibility);
        Assert.Equal(SpecialType.System_Double, field.Type.SpecialType);
        Assert.Equal(expected, Assert.IsType<double>(field.ConstantValue));
    }

    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void GeneratedFile_HasAutoGeneratedHeader_NullableEnabled_AndOnlyTargetedPragmas(string scenarioName)
    {
        string text = GenerateSingle(Scenarios.Named(scenarioName));

        Assert.StartsWith("// <auto-generated/>", text);
        Assert.Contains("#nullable enable", text);
        foreach (string line in text.Split('\n').Where(l => l.TrimStart().StartsWith("#pragma warning disable")))
        {
            // "#pragma warning disable" with no ID silences everything, user-visible warnings included.
            Assert.Matches(new Regex(@"#pragma warning disable\s+\w+"), line);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void GeneratedText_DoesNotDependOnTheCurrentCulture(string scenarioName)
    {
        Scenario scenario = Scenarios.Named(scenarioName);
        string invariant = WithCulture(CultureInfo.InvariantCulture, () => GenerateSingle(scenario));
        // Decimal comma, and a culture whose minus sign is not U+002D.
        string german = WithCulture(new CultureInfo("de-DE"), () => GenerateSingle(scenario));
        string swedish = WithCulture(new CultureInfo("sv-SE"), () => GenerateSingle(scenario));

        Assert.Equal(invariant, german);
        Assert.Equal(invariant, swedish);
    }

    private static void Verify(Scenario scenario)
    {
        string text = GenerateSingle(scenario);

        // Stable: an independent run produces the same text.
        Assert.Equal(text, GenerateSingle(scenario));
        SnapshotAssert.Matches(text, scenario.Name);
    }

    private static string GenerateSingle(Scenario scenario)
    {
        GeneratorRun run = GeneratorHarness.Run(scenario.UserSource);

        Assert.Null(run.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(run.GeneratorDiagnostics));
        GeneratedFile file = Assert.Single(run.GeneratedSources);
        Assert.Equal(scenario.HintName, file.HintName);
        return file.Text;
    }

    private static Scenario ScenarioNamed(string field) => (Scenario)typeof(Scenarios).GetField(field)!.GetValue(null)!;

    private static IEnumerable<AttributeSyntax> GeneratedCodeAttributes(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(l => l.Attributes).Where(a => a.Name.ToString().EndsWith("GeneratedCode", System.StringComparison.Ordinal));

    private static T WithCulture<T>(CultureInfo culture, System.Func<T> action)
    {
        CultureInfo culture0 = CultureInfo.CurrentCulture, uiCulture0 = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = uiCulture0;
        }
    }
}
