namespace NetGen.Generator;

/// <summary>Names of the pipeline steps, so tests can check that they cache.</summary>
internal static class TrackingNames
{
    /// <summary>Each annotated class parsed into a spec and diagnostics.</summary>
    public const string Parse = "Parse";

    /// <summary>The valid specs that are emitted.</summary>
    public const string Specs = "Specs";

    /// <summary>Parsing a <c>[NetworkModel]</c> class.</summary>
    public const string ParseModel = "ParseModel";

    /// <summary>Reading one additional file (text model formats only).</summary>
    public const string ReadModelFile = "ReadModelFile";

    /// <summary>Completing a network from its model file.</summary>
    public const string BindModel = "BindModel";
}
