using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// The pipeline is incremental: edits that do not touch a network leave every tracked step Cached or Unchanged,
/// so nothing is re-emitted; an edit to the attribute re-emits that network and only that one.
/// </summary>
public sealed class CachingTests
{
    private const string UnrelatedSource = """
        namespace MyApp;

        public class Unrelated
        {
            public int Value => 1;
        }
        """;

    [Fact]
    public void SameCompilationAgain_EveryStepIsCached()
    {
        Compilation compilation = TwoNetworks();
        GeneratorRun first = GeneratorHarness.Run(compilation);

        GeneratorRun second = GeneratorHarness.Run(compilation, first.Driver);

        AssertNothingRecomputed(second);
        AssertSameSources(first, second);
    }

    [Fact]
    public void AddingAnUnrelatedFile_EveryStepIsCachedOrUnchanged()
    {
        Compilation compilation = TwoNetworks();
        GeneratorRun first = GeneratorHarness.Run(compilation);

        GeneratorRun second = GeneratorHarness.Run(
            compilation.AddSyntaxTrees(GeneratorHarness.ParseSource(UnrelatedSource, "Unrelated.cs")),
            first.Driver);

        AssertNothingRecomputed(second);
        AssertSameSources(first, second);
    }

    [Fact]
    public void EditingAnUnrelatedFile_EveryStepIsCachedOrUnchanged()
    {
        SyntaxTree unrelated = GeneratorHarness.ParseSource(UnrelatedSource, "Unrelated.cs");
        Compilation compilation = TwoNetworks().AddSyntaxTrees(unrelated);
        GeneratorRun first = GeneratorHarness.Run(compilation);

        SyntaxTree edited = GeneratorHarness.ParseSource(UnrelatedSource.Replace("=> 1", "=> 2"), "Unrelated.cs");
        GeneratorRun second = GeneratorHarness.Run(compilation.ReplaceSyntaxTree(unrelated, edited), first.Driver);

        AssertNothingRecomputed(second);
        AssertSameSources(first, second);
    }

    [Fact]
    public void EditingOtherCodeAboveTheNetworkInItsFile_ModelIsUnchanged()
    {
        // Shifts the network's position in the file: a model that kept locations would change here.
        Compilation compilation = TwoNetworks();
        SyntaxTree networkTree = compilation.SyntaxTrees.First();
        string edited = networkTree.ToString().Replace(
            "namespace MyApp;", "namespace MyApp;\n\ninternal static class Helper\n{\n    public static int Twice(int x) => 2 * x;\n}");
        Assert.NotEqual(networkTree.ToString(), edited);
        GeneratorRun first = GeneratorHarness.Run(compilation);

        GeneratorRun second = GeneratorHarness.Run(
            compilation.ReplaceSyntaxTree(networkTree, GeneratorHarness.ParseSource(edited, networkTree.FilePath)),
            first.Driver);

        AssertNothingRecomputed(second);
        AssertSameSources(first, second);
    }

    [Fact]
    public void InvalidNetwork_AfterAnUnrelatedEdit_IsCachedAndItsDiagnosticIsStillReported()
    {
        Compilation compilation = GeneratorHarness.CreateCompilation(
            "using NetGen;\n\nnamespace MyApp;\n\n[Network(2, 0, 1)]\npublic partial class Broken\n{\n}\n",
            Scenarios.StudyScore.UserSource);
        GeneratorRun first = GeneratorHarness.Run(compilation);
        Assert.Equal("NETGEN004", Assert.Single(first.GeneratorDiagnostics).Id);

        GeneratorRun second = GeneratorHarness.Run(
            compilation.AddSyntaxTrees(GeneratorHarness.ParseSource(UnrelatedSource, "Unrelated.cs")),
            first.Driver);

        AssertNothingRecomputed(second);
        Assert.Equal(first.GeneratorDiagnostics.Select(d => d.ToString()), second.GeneratorDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void ChangingALayerSize_RegeneratesThatNetworkOnly()
    {
        Compilation compilation = TwoNetworks();
        SyntaxTree studyScore = compilation.SyntaxTrees.First();
        GeneratorRun first = GeneratorHarness.Run(compilation);

        string edited = studyScore.ToString().Replace("[Network(2, 3, 1,", "[Network(2, 4, 1,");
        Assert.NotEqual(studyScore.ToString(), edited);
        GeneratorRun second = GeneratorHarness.Run(
            compilation.ReplaceSyntaxTree(studyScore, GeneratorHarness.ParseSource(edited, studyScore.FilePath)),
            first.Driver);

        AssertExactlyOneModified(StepOutputs.Of(second, TrackingNames.Specs), TrackingNames.Specs);
        AssertExactlyOneModified(StepOutputs.OfSourceOutput(second), WellKnownGeneratorOutputs.SourceOutput);
        Assert.NotEqual(first.SourceText(Scenarios.StudyScore.HintName), second.SourceText(Scenarios.StudyScore.HintName));
        Assert.Equal(first.SourceText(Scenarios.Mnist.HintName), second.SourceText(Scenarios.Mnist.HintName));
    }

    /// <summary>
    /// Each attribute property is part of the model: editing it re-emits that network (a model that dropped the
    /// property would stay Unchanged and keep stale code) and leaves the other network cached.
    /// </summary>
    [Theory]
    [InlineData(nameof(Scenarios.ExponentialCost), "Tau = 2.5", "Tau = 3.5")]
    [InlineData(nameof(Scenarios.ExponentialCost), "Loss = Loss.Exponential", "Loss = Loss.SquaredError")]
    [InlineData(nameof(Scenarios.PerLayerActivations), "LeakySlope = 0.05", "LeakySlope = 0.1")]
    [InlineData(nameof(Scenarios.PerLayerActivations), "Activation.GELU, Activation.LeakyReLU", "Activation.GELU, Activation.ELU")]
    [InlineData(nameof(Scenarios.Classifier), "Loss = Loss.CrossEntropy", "Loss = Loss.Hellinger")]
    [InlineData(nameof(Scenarios.StudyScoreDouble), "typeof(double)", "typeof(float)")]
    public void ChangingAnAttributeProperty_RegeneratesThatNetworkOnly(string scenarioField, string from, string to)
    {
        var scenario = (Scenario)typeof(Scenarios).GetField(scenarioField)!.GetValue(null)!;
        Compilation compilation = GeneratorHarness.CreateCompilation(scenario.UserSource, Scenarios.Mnist.UserSource);
        SyntaxTree tree = compilation.SyntaxTrees.First();
        GeneratorRun first = GeneratorHarness.Run(compilation);
        Assert.True(first.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(first.GeneratorDiagnostics));

        string edited = tree.ToString().Replace(from, to);
        Assert.NotEqual(tree.ToString(), edited);
        GeneratorRun second = GeneratorHarness.Run(
            compilation.ReplaceSyntaxTree(tree, GeneratorHarness.ParseSource(edited, tree.FilePath)),
            first.Driver);

        Assert.True(second.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(second.GeneratorDiagnostics));
        AssertExactlyOneModified(StepOutputs.Of(second, TrackingNames.Specs), TrackingNames.Specs);
        AssertExactlyOneModified(StepOutputs.OfSourceOutput(second), WellKnownGeneratorOutputs.SourceOutput);
        Assert.NotEqual(first.SourceText(scenario.HintName), second.SourceText(scenario.HintName));
        Assert.Equal(first.SourceText(Scenarios.Mnist.HintName), second.SourceText(Scenarios.Mnist.HintName));
    }

    /// <summary>Two networks in two files: the first is the StudyScore network.</summary>
    private static Compilation TwoNetworks() =>
        GeneratorHarness.CreateCompilation(Scenarios.StudyScore.UserSource, Scenarios.Mnist.UserSource);

    private static void AssertNothingRecomputed(GeneratorRun run)
    {
        Assert.Null(run.Exception);
        foreach (string step in StepOutputs.ModelSteps)
        {
            var outputs = StepOutputs.Of(run, step);
            Assert.True(!outputs.IsEmpty, $"Step '{step}' has no outputs, so the check would be vacuous.");
            Assert.True(
                outputs.All(o => IsReused(o.Reason)),
                $"Step '{step}' recomputed something:\n{StepOutputs.Describe(outputs)}");
        }

        var sourceOutputs = StepOutputs.OfSourceOutput(run);
        Assert.NotEmpty(sourceOutputs);
        Assert.True(
            sourceOutputs.All(o => IsReused(o.Reason)),
            $"Source output re-ran:\n{StepOutputs.Describe(sourceOutputs)}");
    }

    private static void AssertExactlyOneModified(
        ImmutableArray<(object Value, IncrementalStepRunReason Reason)> outputs, string step)
    {
        string all = $"Step '{step}':\n{StepOutputs.Describe(outputs)}";
        Assert.True(outputs.Count(o => o.Reason == IncrementalStepRunReason.Modified) == 1, all);
        Assert.True(outputs.Count(o => IsReused(o.Reason)) == outputs.Length - 1, all);
    }

    private static void AssertSameSources(GeneratorRun first, GeneratorRun second)
    {
        Assert.Equal(first.GeneratedSources.Select(s => s.HintName), second.GeneratedSources.Select(s => s.HintName));
        foreach (GeneratedFile file in first.GeneratedSources)
        {
            Assert.Equal(file.Text, second.SourceText(file.HintName));
        }
    }

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;
}
