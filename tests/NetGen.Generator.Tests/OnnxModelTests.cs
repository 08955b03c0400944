using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// ONNX model files through the pipeline as the build step passes them: the generated file against its snapshot,
/// and caching (editing other code reads nothing again; changing the model re-emits its class only).
/// </summary>
public sealed class OnnxModelTests
{
    private const string Sources = """
        using NetGen;

        namespace MyApp;

        [NetworkModel("models/tiny.onnx")]
        public partial class TinyModel { }

        [NetworkModel("models/other.onnx", ElementType = typeof(double))]
        public partial class OtherModel { }
        """;

    /// <summary>2 → 2 (ReLU) → 1 as torch.onnx.export writes it; parameter k is 0.25·(k + 1).</summary>
    private static readonly byte[] Tiny = OnnxGraphs.Dense([2, 2, 1], ["Relu", null], k => 0.25f * (k + 1));

    private static readonly byte[] Other = OnnxGraphs.Dense([3, 2], ["Tanh"], k => k - 2.5f);

    [Fact]
    public void DenseOnnxModel_MatchesSnapshot_AndCompiles()
    {
        GeneratorRun run = GeneratorHarness.RunWithModelFiles(
            [("/p/models/tiny.onnx", Tiny)],
            "using NetGen;\n\nnamespace MyApp;\n\n[NetworkModel(\"models/tiny.onnx\")]\npublic partial class TinyModel { }\n");

        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(run.GeneratorDiagnostics));
        Assert.Empty(run.OutputDiagnosticsAtLeast(DiagnosticSeverity.Warning));
        SnapshotAssert.Matches(Assert.Single(run.GeneratedSources).Text, "Model_Dense_Onnx");
    }

    [Fact]
    public void EditingOtherCode_ReadsNoModelAgain_AndReEmitsNothing()
    {
        GeneratorRun first = GeneratorHarness.RunWithModelFiles([("/p/models/tiny.onnx", Tiny), ("/p/models/other.onnx", Other)], Sources);
        Assert.True(first.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(first.GeneratorDiagnostics));

        Compilation edited = first.InputCompilation.AddSyntaxTrees(
            GeneratorHarness.ParseSource("namespace MyApp; public class Other { public int X => 1; }", "Other.cs"));
        GeneratorRun second = GeneratorHarness.Run(edited, first.Driver);

        Assert.All(StepOutputs.Of(second, TrackingNames.ReadModelFile), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(StepOutputs.Of(second, TrackingNames.BindModel), o => Assert.True(IsReused(o.Reason), o.Reason.ToString()));
        Assert.All(StepOutputs.OfSourceOutput(second), o => Assert.True(IsReused(o.Reason), o.Reason.ToString()));
    }

    [Fact]
    public void ChangingOneModel_ReEmitsItsClassOnly()
    {
        EncodedModelFiles before = EncodedModelFiles.Of([("/p/models/tiny.onnx", Tiny), ("/p/models/other.onnx", Other)]);
        GeneratorRun first = GeneratorHarness.RunWithModelFiles(before, Sources);
        string otherBefore = first.GeneratedSources.Single(s => s.HintName.Contains("OtherModel")).Text;
        EncodedModelFiles after = EncodedModelFiles.Of(
            [("/p/models/tiny.onnx", OnnxGraphs.Dense([2, 2, 1], ["Relu", null], k => 0.5f * (k + 1))), ("/p/models/other.onnx", Other)]);

        GeneratorDriver driver = first.Driver.ReplaceAdditionalText(before.Texts[0], after.Texts[0]);
        GeneratorRun second = GeneratorHarness.Run(first.InputCompilation, driver);

        ImmutableArray<(object Value, IncrementalStepRunReason Reason)> reads = StepOutputs.Of(second, TrackingNames.ReadModelFile);
        Assert.Equal(1, reads.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, StepOutputs.OfSourceOutput(second).Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(otherBefore, second.GeneratedSources.Single(s => s.HintName.Contains("OtherModel")).Text);
        Assert.Contains("\"\\u0000\\u3F00", second.GeneratedSources.Single(s => s.HintName.Contains("TinyModel")).Text);   // 0.5f first
    }

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;
}
