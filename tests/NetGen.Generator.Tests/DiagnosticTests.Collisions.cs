using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>NETGEN033: a user member with the name of a generated one, at the user's member, for every kind of network.</summary>
public sealed partial class DiagnosticTests
{
    [Theory]
    [InlineData("public float[] [|Parameters|] = new float[9];")]
    [InlineData("public void [|Forward|](int x) { }")]
    [InlineData("public int [|InputSize|] => 3;")]
    [InlineData("private float[] [|_parameters|] = [];")]
    [InlineData("public const int [|Cost|] = 1;")]
    [InlineData("public class [|Optimizer|] { }")]
    [InlineData("public int [|TrainStep|] { get; set; }")]
    public void NETGEN033_MemberNamedLikeAGeneratedOne_DenseNetwork_OnTheMember(string member)
    {
        GeneratorRun run = AssertCollision("[Network(2, 3, 1)]\npublic partial class Net\n{\n    " + member + "\n}\n");
        Assert.Contains("in every dense network", run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NETGEN033_EveryCollision_InEveryPartOfTheClass()
    {
        AssertDiagnostics(
            ["NETGEN033", "NETGEN033"],
            Header + """
            [Network(2, 3, 1)]
            public partial class Net
            {
                public int [|HasBias|];
            }

            public partial class Net
            {
                public void [|SgdStep|]() { }
            }
            """);
    }

    [Fact]
    public void NETGEN033_ExplicitImplementationOfAGeneratedInterfaceMember()
    {
        Markup markup = Markup.Parse(
            Header + "[Network(2, 3, 1)]\npublic partial class Net : INetwork<float>\n{\n    int INetwork<float>.[|InputSize|] => 2;\n}\n");
        GeneratorRun run = GeneratorHarness.Run(markup.Text);

        AssertLocatedAt(run, markup, [("NETGEN033", markup.Spans[0])]);
        // Nothing is generated, so the class's own interface list is all that is left to implement.
        Assert.All(run.OutputDiagnosticsAtLeast(DiagnosticSeverity.Warning), d => Assert.Equal("CS0535", d.Id));
    }

    [Theory]
    [InlineData("public void [|Step|]() { }")]
    [InlineData("public int [|StateSize|];")]
    [InlineData("private object? [|_state|] { get; set; }")]
    public void NETGEN033_SequenceNetwork(string member)
    {
        GeneratorRun run = AssertCollision("[Network(1)]\n[Lstm(4)]\n[Dense(1)]\npublic partial class Amp\n{\n    " + member + "\n}\n");
        Assert.Contains("in every sequence network", run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NamesOnlyTheOtherKindGenerates_AreFree()
    {
        // Forward is a dense network's, Step a sequence network's: each class may use the other's.
        GeneratorRun sequence = GeneratorHarness.Run(Header + "[Network(1)]\n[Gru(2)]\npublic partial class Amp\n{\n    public void Forward() { }\n}\n");
        GeneratorRun dense = GeneratorHarness.Run(Header + "[Network(2, 1)]\npublic partial class Net\n{\n    public int Step;\n}\n");

        foreach (GeneratorRun run in new[] { sequence, dense })
        {
            Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(run.GeneratorDiagnostics));
            Assert.Single(run.GeneratedSources);
            AssertNoCompilerWarningsOrErrors(run);
        }
    }

    [Fact]
    public void NETGEN033_TrainedParameters_WithWeights() =>
        AssertModelDiagnostic(
            "NETGEN033",
            "[Network(2, 2, 1, Weights = \"tiny.json\")]\npublic partial class Tiny\n{\n    public static int [|TrainedParameters|];\n}\n",
            ("/src/tiny.json", Tiny));

    [Fact]
    public void NETGEN033_NetworkModel_CheckedAgainstTheKindTheFileGives()
    {
        // An RTNeural file gives a sequence network: Step collides, Forward does not.
        AssertModelDiagnostic(
            "NETGEN033",
            "[NetworkModel(\"amp.json\")]\npublic partial class Amp\n{\n    public void Forward() { }\n    public int [|Step|];\n}\n",
            ("/src/amp.json", Lstm2));

        // An ONNX file of dense layers gives a dense network: Forward collides, Step does not.
        AssertOnnxDiagnostic(
            "NETGEN033",
            "[NetworkModel(\"models/tiny.onnx\")]\npublic partial class TinyModel\n{\n    public int Step;\n    public void [|Forward|]() { }\n}\n",
            TinyOnnx());
    }

    private static GeneratorRun AssertCollision(string markupSource)
    {
        Markup markup = Markup.Parse(Header + markupSource);
        GeneratorRun run = GeneratorHarness.Run(markup.Text);

        Assert.Null(run.Exception);
        AssertLocatedAt(run, markup, markup.Spans.Select(span => ("NETGEN033", span)).ToArray());
        Assert.True(run.GeneratedSources.IsEmpty, string.Join(", ", run.GeneratedSources.Select(s => s.HintName)));
        AssertNoCompilerWarningsOrErrors(run);
        return run;
    }
}
