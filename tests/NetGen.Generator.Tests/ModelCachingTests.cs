using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// Model files go through the pipeline's additional texts: editing other code reads no file again and re-emits
/// nothing; changing one model file re-binds and re-emits its class only.
/// </summary>
public sealed class ModelCachingTests
{
    private const string Sources = """
        using NetGen;

        namespace MyApp;

        [NetworkModel("models/amp.json")]
        public partial class Amp { }

        [Network(2, 2, 1, Weights = "models/tiny.json")]
        public partial class Tiny { }
        """;

    private const string Amp = """
        {"in_shape": [null, null, 1], "layers": [
          {"type": "gru", "activation": "", "shape": [null, null, 1], "weights": [[[1, 2, 3]], [[4, 5, 6]], [[0, 0, 0], [0, 0, 0]]]},
          {"type": "dense", "activation": "", "shape": [null, null, 1], "weights": [[[0.5]], [0.25]]}]}
        """;

    private const string Tiny = """{"0.weight": [[1.0, -2.0], [0.5, 3.0]], "0.bias": [0.25, -1.0], "2.weight": [[2.0, -1.0]], "2.bias": [0.5]}""";

    private static readonly AdditionalText AmpFile = new InMemoryAdditionalText("/p/models/amp.json", Amp);
    private static readonly AdditionalText TinyFile = new InMemoryAdditionalText("/p/models/tiny.json", Tiny);
    private static readonly AdditionalText Notes = new InMemoryAdditionalText("/p/notes.txt", "not a model");

    [Fact]
    public void EditingOtherCode_ReadsNoFileAgain_AndReEmitsNothing()
    {
        GeneratorRun first = GeneratorHarness.RunWithFiles([AmpFile, TinyFile, Notes], Sources);
        Assert.True(first.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(first.GeneratorDiagnostics));
        Assert.Equal(2, first.GeneratedSources.Length);

        Compilation edited = first.InputCompilation.AddSyntaxTrees(
            GeneratorHarness.ParseSource("namespace MyApp; public class Other { public int X => 1; }", "Other.cs"));
        GeneratorRun second = GeneratorHarness.Run(edited, first.Driver);

        AssertAll(StepOutputs.Of(second, TrackingNames.ReadModelFile), 3, IncrementalStepRunReason.Cached);
        AssertAll(StepOutputs.Of(second, TrackingNames.BindModel), 2, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(StepOutputs.OfSourceOutput(second), o => Assert.True(IsReused(o.Reason), o.Reason.ToString()));
    }

    [Fact]
    public void ChangingOneModelFile_ReEmitsItsClassOnly()
    {
        GeneratorRun first = GeneratorHarness.RunWithFiles([AmpFile, TinyFile, Notes], Sources);
        string tinyBefore = first.GeneratedSources.Single(s => s.HintName.Contains("Tiny")).Text;
        string ampBefore = first.GeneratedSources.Single(s => s.HintName.Contains("Amp")).Text;

        GeneratorDriver driver = first.Driver.ReplaceAdditionalText(
            AmpFile, new InMemoryAdditionalText("/p/models/amp.json", Amp.Replace("[[0.5]]", "[[0.75]]")));
        GeneratorRun second = GeneratorHarness.Run(first.InputCompilation, driver);

        ImmutableArray<(object Value, IncrementalStepRunReason Reason)> reads = StepOutputs.Of(second, TrackingNames.ReadModelFile);
        Assert.Equal(1, reads.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        ImmutableArray<(object Value, IncrementalStepRunReason Reason)> binds = StepOutputs.Of(second, TrackingNames.BindModel);
        Assert.Equal(1, binds.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, StepOutputs.OfSourceOutput(second).Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(tinyBefore, second.GeneratedSources.Single(s => s.HintName.Contains("Tiny")).Text);
        string ampAfter = second.GeneratedSources.Single(s => s.HintName.Contains("Amp")).Text;
        Assert.NotEqual(ampBefore, ampAfter);
        Assert.Contains("\"\\u0000\\u3F40\\u0000\\u3E80\");", ampAfter);   // the dense layer's W = 0.75 (bits 3F400000), b = 0.25
    }

    private static void AssertAll(
        ImmutableArray<(object Value, IncrementalStepRunReason Reason)> outputs, int count, params IncrementalStepRunReason[] reasons)
    {
        Assert.Equal(count, outputs.Length);
        Assert.All(outputs, o => Assert.Contains(o.Reason, reasons));
    }

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;
}

/// <summary>The whole file generated for a small compiled model, against its reviewed snapshot.</summary>
public sealed class ModelSnapshotTests
{
    [Fact]
    public void GruModelFromRTNeuralJson_MatchesSnapshot()
    {
        const string Amp = """
            {"in_shape": [null, null, 1], "layers": [
              {"type": "gru", "activation": "", "shape": [null, null, 2],
               "weights": [[[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]],
                           [[0.1, -0.2, 0.3, -0.4, 0.5, -0.6], [0.6, 0.5, 0.4, 0.3, 0.2, 0.1]],
                           [[0.01, 0.02, 0.03, 0.04, 0.05, 0.06], [-0.01, -0.02, -0.03, -0.04, -0.05, -0.06]]]},
              {"type": "dense", "activation": "", "shape": [null, null, 1], "weights": [[[0.5], [-0.25]], [0.125]]}]}
            """;
        GeneratorRun run = GeneratorHarness.RunWithFiles(
            [new InMemoryAdditionalText("/p/models/amp.json", Amp)],
            "using NetGen;\n\nnamespace MyApp;\n\n[NetworkModel(\"models/amp.json\")]\npublic partial class Amp { }\n");

        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(run.GeneratorDiagnostics));
        Assert.Empty(run.OutputDiagnosticsAtLeast(DiagnosticSeverity.Warning));
        SnapshotAssert.Matches(Assert.Single(run.GeneratedSources).Text, "Model_Gru2_RTNeural");
    }
}
