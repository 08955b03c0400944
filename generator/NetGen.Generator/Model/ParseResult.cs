namespace NetGen.Generator.Model;

/// <summary>What parsing one annotated class yields: a spec to emit (when valid) and diagnostics to report.</summary>
internal sealed record ParseResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
