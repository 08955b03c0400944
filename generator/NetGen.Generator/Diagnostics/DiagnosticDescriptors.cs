using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Diagnostics;

/// <summary>Every diagnostic NetGen reports. IDs are stable and never reused.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "NetGen";

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        "NETGEN001",
        "Network class must be partial",
        "The class '{0}' has [Network] but is not partial; add the 'partial' modifier so NetGen can generate its members");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "NETGEN002",
        "Types containing a network class must be partial",
        "The class '{0}' is nested in '{1}', which is not partial; add the 'partial' modifier to '{1}'");

    public static readonly DiagnosticDescriptor TooFewLayers = Error(
        "NETGEN003",
        "A network needs at least two layer sizes",
        "[Network] on '{0}' has {1} layer size(s); give at least an input size and an output size, e.g. [Network(2, 3, 1)]");

    public static readonly DiagnosticDescriptor LayerSizeNotPositive = Error(
        "NETGEN004",
        "Layer sizes must be greater than zero",
        "Layer size {0} of '{1}' is {2}; every layer size must be at least 1");

    public static readonly DiagnosticDescriptor NetworkTooLarge = Error(
        "NETGEN005",
        "Network is too large to generate",
        "The network '{0}' is too large to generate: {1}");

    public static readonly DiagnosticDescriptor InvalidEnumValue = Error(
        "NETGEN006",
        "Invalid enum value",
        "'{0}' = {1} is not a defined {2} value; use one of: {3}");

    public static readonly DiagnosticDescriptor StaticClassNotSupported = Error(
        "NETGEN007",
        "A network class cannot be static",
        "The class '{0}' is static; a network holds its parameters in an instance, so remove 'static'");

    public static readonly DiagnosticDescriptor GenericClassNotSupported = Error(
        "NETGEN008",
        "A network class cannot be generic",
        "The class '{0}' is generic or nested in a generic type; declare the network in a non-generic class");

    public static readonly DiagnosticDescriptor DerivesFromNetwork = Error(
        "NETGEN010",
        "A network class cannot derive from another network class",
        "The class '{0}' derives from the network class '{1}'; a network cannot inherit another network's generated members, so hold '{1}' in a field instead");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "NETGEN009",
        "NetGen failed unexpectedly",
        "NetGen could not generate '{0}': {1}; please report this as a bug");

    /// <summary>Looks a descriptor up by its ID (diagnostics travel through the pipeline as IDs).</summary>
    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "NETGEN001" => ClassNotPartial,
        "NETGEN002" => ContainingTypeNotPartial,
        "NETGEN003" => TooFewLayers,
        "NETGEN004" => LayerSizeNotPositive,
        "NETGEN005" => NetworkTooLarge,
        "NETGEN006" => InvalidEnumValue,
        "NETGEN007" => StaticClassNotSupported,
        "NETGEN008" => GenericClassNotSupported,
        "NETGEN010" => DerivesFromNetwork,
        _ => GeneratorFailure,
    };

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
