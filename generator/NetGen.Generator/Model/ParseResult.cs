namespace NetGen.Generator.Model;

/// <summary>
/// What parsing one annotated class yields: a spec to emit (when valid) and diagnostics to report. With a
/// <paramref name="Model"/>, the spec is completed from the model file before it is emitted: its weights, and for
/// <c>[NetworkModel]</c> its layers too (the spec then holds the class and options only); the binder then checks
/// <paramref name="ReservedNames"/> against the kind of network the file gives (NETGEN033).
/// </summary>
internal sealed record ParseResult(
    NetworkSpec? Spec,
    EquatableArray<DiagnosticInfo> Diagnostics,
    ModelReference? Model = null,
    EquatableArray<ReservedNameUse> ReservedNames = default);
