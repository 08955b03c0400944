using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>Reads the outputs of the generator's tracked steps from a run.</summary>
internal static class StepOutputs
{
    /// <summary>The tracked steps the contract names; a test fails if the generator stops tracking them.</summary>
    public static readonly string[] ModelSteps = [TrackingNames.Parse, TrackingNames.Specs];

    /// <summary>Every output (value and reason) of the step named <paramref name="stepName"/>.</summary>
    public static ImmutableArray<(object Value, IncrementalStepRunReason Reason)> Of(GeneratorRun run, string stepName)
    {
        Assert.True(
            run.Result.TrackedSteps.TryGetValue(stepName, out ImmutableArray<IncrementalGeneratorRunStep> steps),
            $"The generator has no tracked step '{stepName}'. Tracked: [{string.Join(", ", run.Result.TrackedSteps.Keys)}]");
        return steps.SelectMany(step => step.Outputs).ToImmutableArray();
    }

    /// <summary>Every output of the generator's source outputs (<c>RegisterSourceOutput</c>).</summary>
    public static ImmutableArray<(object Value, IncrementalStepRunReason Reason)> OfSourceOutput(GeneratorRun run)
    {
        Assert.True(
            run.Result.TrackedOutputSteps.TryGetValue(
                WellKnownGeneratorOutputs.SourceOutput, out ImmutableArray<IncrementalGeneratorRunStep> steps),
            $"No tracked source output. Tracked: [{string.Join(", ", run.Result.TrackedOutputSteps.Keys)}]");
        return steps.SelectMany(step => step.Outputs).ToImmutableArray();
    }

    public static string Describe(IEnumerable<(object Value, IncrementalStepRunReason Reason)> outputs) =>
        string.Join("\n", outputs.Select(o => $"  {o.Reason}: {o.Value}"));
}
