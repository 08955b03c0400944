using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>The diagnostics of model files (NETGEN026–NETGEN032, and NETGEN005 for sizes a file claims), each at the path argument.</summary>
public sealed partial class DiagnosticTests
{
    private const string Lstm2 = """
        {"in_shape": [null, null, 1], "layers": [
          {"type": "lstm", "activation": "", "shape": [null, null, 2],
           "weights": [[[1, 2, 3, 4, 5, 6, 7, 8]],
                       [[1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 8]],
                       [1, 2, 3, 4, 5, 6, 7, 8]]},
          {"type": "dense", "activation": "", "shape": [null, null, 1], "weights": [[[0.5], [-0.5]], [0.25]]}]}
        """;

    private const string Tiny = """{"0.weight": [[1.0, -2.0], [0.5, 3.0]], "0.bias": [0.25, -1.0], "2.weight": [[2.0, -1.0]], "2.bias": [0.5]}""";

    private const string ModelClass = "\npublic partial class Amp\n{\n}\n";

    private const string DenseClass = "\npublic partial class Tiny\n{\n}\n";

    [Fact]
    public void NETGEN026_ModelFileNotAmongTheAdditionalFiles_OnThePath_WithTheLineToAdd()
    {
        GeneratorRun run = AssertModelDiagnostic(
            "NETGEN026", "[NetworkModel([|\"models/amp.json\"|])]" + ModelClass, ("/src/other/amp.json", Lstm2));
        Assert.Contains("<AdditionalFiles Include=\"models/amp.json\" />", run.GeneratorDiagnostics[0].GetMessage());
    }

    [Fact]
    public void NETGEN026_WeightsFileNotAmongTheAdditionalFiles_OnWeights() =>
        AssertModelDiagnostic(
            "NETGEN026", "[Network(2, 2, 1, [|Weights = \"tiny.json\"|])]" + DenseClass, ("/src/models/other.json", Tiny));

    [Fact]
    public void NETGEN027_PathMatchingTwoFiles_OnThePath() =>
        AssertModelDiagnostic(
            "NETGEN027", "[NetworkModel([|\"amp.json\"|])]" + ModelClass, ("/src/a/amp.json", Lstm2), ("/src/b/amp.json", Lstm2));

    [Theory]
    [InlineData("{\"in_shape\": [null, null, 1], \"layers\": [", "line 1, column 42, found the end of the file")]
    [InlineData("{\"layers\": []}", "\"in_shape\"")]
    [InlineData("not json", "expected a value at line 1, column 1")]
    public void NETGEN028_FileThatIsNotTheFormat_OnThePath_SayingWhere(string text, string detail)
    {
        GeneratorRun run = AssertModelDiagnostic("NETGEN028", "[NetworkModel([|\"models/amp.json\"|])]" + ModelClass, ("/src/models/amp.json", text));
        AssertMessageContains(run, detail);
    }

    [Fact]
    public void NETGEN028_BinaryModelFile_IsRefusedWithoutBeingRead() =>
        AssertModelDiagnostic("NETGEN028", "[NetworkModel([|\"models/amp.onnx\"|])]" + ModelClass, ("/src/models/amp.onnx", null));

    [Theory]
    [InlineData("\"type\": \"dense\"", "\"type\": \"prelu\"", "type \"prelu\"")]
    [InlineData("\"type\": \"dense\", \"activation\": \"\"", "\"type\": \"dense\", \"activation\": \"softmax\"", "activation \"softmax\"")]
    [InlineData("\"type\": \"lstm\", \"activation\": \"\"", "\"type\": \"lstm\", \"activation\": \"tanh\"", "has an activation")]
    public void NETGEN029_LayerNetGenDoesNotRun_OnThePath_NamingIt(string from, string to, string detail)
    {
        Assert.Contains(from, Lstm2);
        GeneratorRun run = AssertModelDiagnostic(
            "NETGEN029", "[NetworkModel([|\"models/amp.json\"|])]" + ModelClass, ("/src/models/amp.json", Lstm2.Replace(from, to)));
        AssertMessageContains(run, detail);
    }

    [Theory]
    [InlineData("[Network(2, 3, 1, [|Weights = \"tiny.json\"|])]", "must be [3][2]")]
    [InlineData("[Network(2, 2, 2, 1, [|Weights = \"tiny.json\"|])]", "3 weight layers, but the file holds 2")]
    [InlineData("[Network(2, 2, 1, Bias = false, [|Weights = \"tiny.json\"|])]", "Bias = false")]
    [InlineData("[Network(1, [|Weights = \"tiny.json\"|])]\n[Lstm(2)]", "the file holds 2")]
    public void NETGEN030_StateDictThatDoesNotFitTheDeclaration_OnWeights(string attribute, string detail)
    {
        GeneratorRun run = AssertModelDiagnostic("NETGEN030", attribute + DenseClass, ("/src/tiny.json", Tiny));
        AssertMessageContains(run, detail);
    }

    [Theory]
    [InlineData("[Network(2, 2, 2, 1, [|Weights = \"named.json\"|])]",
        "the order of the modules is ambiguous", "layer 1 (2 → 2) could be \"c\" or \"a\"", "ModuleOrder = new[]")]
    [InlineData("[Network(2, 2, 2, 1, [|Weights = \"named.json\"|], ModuleOrder = new[] { \"a\", \"x\", \"b\" })]",
        "the given module order names \"x\", which is not a module of the file")]
    [InlineData("[Network(2, 2, 2, 1, [|Weights = \"named.json\"|], ModuleOrder = new[] { \"b\", \"c\", \"a\" })]",
        "layer 1 (2 → 2): 'b' does not fit it; it fits layer 3 (2 → 1), so the modules may be out of order")]
    public void NETGEN030_NamedModulesWithoutAnOrder_OrAWrongModuleOrder_OnWeights(string attribute, params string[] details)
    {
        const string Named = """{"c.weight": [[1, 0], [0, 1]], "a.weight": [[2, 0], [0, 2]], "b.weight": [[1, 1]]}""";
        GeneratorRun run = AssertModelDiagnostic("NETGEN030", attribute.Replace("1, [|", "1, Bias = false, [|") + DenseClass, ("/src/named.json", Named));
        foreach (string detail in details)
        {
            AssertMessageContains(run, detail);
        }
    }

    [Fact]
    public void NETGEN034_ModuleOrderWithoutWeights_OnModuleOrder() =>
        AssertModelDiagnostic("NETGEN034", "[Network(2, 2, 1, [|ModuleOrder = new[] { \"fc1\", \"fc2\" }|])]" + DenseClass);

    [Theory]
    [InlineData("typeof(float)", "1e39", "'2' weight[0][0] is 1e39, which is not finite in float")]
    [InlineData("typeof(double)", "1e309", "not finite in double")]
    public void NETGEN031_WeightThatIsNotFiniteInTheElementType_OnWeights_NamingTheEntry(string type, string value, string detail)
    {
        GeneratorRun run = AssertModelDiagnostic(
            "NETGEN031",
            $"[Network(2, 2, 1, ElementType = {type}, [|Weights = \"tiny.json\"|])]" + DenseClass,
            ("/src/tiny.json", Tiny.Replace("[[2.0, -1.0]]", $"[[{value}, -1.0]]")));
        AssertMessageContains(run, detail);
    }

    [Theory]
    [InlineData("[NetworkModel(\"amp.json\")]\n[Network(2, 3, 1)]\npublic partial class [|Amp|]\n{\n}\n")]
    [InlineData("[NetworkModel(\"amp.json\")]\n[[|Lstm(4)|]]\npublic partial class Amp\n{\n}\n")]
    public void NETGEN032_NetworkModelWithDeclaredLayers(string source) =>
        AssertModelDiagnostic("NETGEN032", source, ("/src/amp.json", Lstm2));

    [Fact]
    public void NETGEN005_SizesAFileClaims_AreCheckedBeforeAnythingIsAllocated()
    {
        GeneratorRun run = AssertModelDiagnostic(
            "NETGEN005", "[NetworkModel([|\"amp.json\"|])]" + ModelClass,
            ("/src/amp.json", Lstm2.Replace("\"shape\": [null, null, 2]", "\"shape\": [null, null, 2000000000]")));
        Assert.Contains("above the limit", run.GeneratorDiagnostics[0].GetMessage());
    }

    private static void AssertMessageContains(GeneratorRun run, string detail)
    {
        string message = run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(message.Contains(detail, System.StringComparison.Ordinal), $"'{detail}' is not in: {message}");
    }

    private static GeneratorRun AssertModelDiagnostic(string id, string markupSource, params (string Path, string? Text)[] files)
    {
        Markup markup = Markup.Parse(Header + markupSource);
        Assert.NotEmpty(markup.Spans);

        GeneratorRun run = GeneratorHarness.RunWithFiles(
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), markup.Text);

        Assert.Null(run.Exception);
        AssertLocatedAt(run, markup, markup.Spans.Select(span => (id, span)).ToArray());
        Assert.True(run.GeneratedSources.IsEmpty, string.Join(", ", run.GeneratedSources.Select(s => s.HintName)));
        AssertNoCompilerWarningsOrErrors(run);
        return run;
    }
}
