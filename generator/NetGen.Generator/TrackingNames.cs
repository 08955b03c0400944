namespace NetGen.Generator;

/// <summary>Names of the pipeline steps, so tests can check that they cache.</summary>
internal static class TrackingNames
{
    /// <summary>Each annotated class parsed into a spec and diagnostics.</summary>
    public const string Parse = "Parse";

    /// <summary>The valid specs that are emitted.</summary>
    public const string Specs = "Specs";
}
