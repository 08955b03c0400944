using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Benchmarks;

/// <summary>Checks, from a run with tracked steps, that a benchmark measures what its name says.</summary>
internal static class StepCheck
{
    /// <summary>Throws unless the run emitted exactly one source and reported no diagnostic.</summary>
    public static void OneSourceNoDiagnostics(GeneratorRunResult run)
    {
        if (run.Exception is not null || run.GeneratedSources.Length != 1 || !run.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException(
                $"Expected one generated source and no diagnostics; got {run.GeneratedSources.Length} sources, " +
                $"diagnostics [{string.Join("; ", run.Diagnostics)}], exception {run.Exception?.Message ?? "none"}.");
        }
    }

    /// <summary>The generator's own steps (the compiler's steps inside them see the edited file change).</summary>
    private static readonly string[] ModelSteps = [TrackingNames.Parse, TrackingNames.Specs];

    /// <summary>Throws unless the generator's steps and every source output were reused (Cached or Unchanged).</summary>
    public static void NothingRecomputed(GeneratorRunResult run)
    {
        if (ModelSteps.FirstOrDefault(name => !run.TrackedSteps.TryGetValue(name, out var steps) || steps.IsEmpty) is string missing)
        {
            throw new InvalidOperationException($"No tracked step '{missing}': the check would be vacuous.");
        }

        var outputs = Outputs(run.TrackedSteps.Where(s => ModelSteps.Contains(s.Key))).Concat(SourceOutputs(run)).ToList();
        if (outputs.Any(o => !IsReused(o.Reason)))
        {
            throw new InvalidOperationException($"The unrelated edit recomputed something:\n{Describe(outputs)}");
        }
    }

    /// <summary>Throws unless a source output ran again (Modified or New): the network was emitted again.</summary>
    public static void Reemitted(GeneratorRunResult run)
    {
        var outputs = SourceOutputs(run);
        if (!outputs.Any(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New))
        {
            throw new InvalidOperationException($"The attribute edit did not emit again:\n{Describe(outputs)}");
        }
    }

    /// <summary>The outputs of <c>RegisterSourceOutput</c>; throws when there are none, which would make a check vacuous.</summary>
    private static List<(object Value, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRunResult run)
    {
        var outputs = Outputs(run.TrackedOutputSteps.Where(s => s.Key == WellKnownGeneratorOutputs.SourceOutput)).ToList();
        return outputs.Count > 0 ? outputs : throw new InvalidOperationException("No tracked source output: is step tracking on?");
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(
        IEnumerable<KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>>> steps) =>
        steps.SelectMany(s => s.Value).SelectMany(step => step.Outputs);

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static string Describe(IEnumerable<(object Value, IncrementalStepRunReason Reason)> outputs) =>
        string.Join("\n", outputs.Select(o => $"  {o.Reason}: {o.Value}"));
}
