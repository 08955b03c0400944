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

    public static readonly DiagnosticDescriptor SoftmaxInHiddenLayer = Error(
        "NETGEN011",
        "Softmax is for the output layer only",
        "The network '{0}' uses Softmax for a hidden layer; Softmax normalizes a whole layer into probabilities and belongs on the output layer only");

    public static readonly DiagnosticDescriptor CrossEntropyNeedsProbabilities = Error(
        "NETGEN012",
        "Cross entropy needs a Sigmoid or Softmax output",
        "The network '{0}' uses Loss.CrossEntropy with a {1} output, whose values can leave (0, 1) where ln ŷ and ln(1 − ŷ) are undefined; use Output = Activation.Sigmoid (binary) or Activation.Softmax (categorical)");

    public static readonly DiagnosticDescriptor HellingerNeedsPositiveOutputs = Error(
        "NETGEN013",
        "The Hellinger distance needs outputs greater than zero",
        "The network '{0}' uses Loss.Hellinger with a {1} output, which can be ≤ 0 where √ŷ is undefined; use a Sigmoid, Softmax or Softplus output");

    public static readonly DiagnosticDescriptor InvalidTau = Error(
        "NETGEN014",
        "Tau must be a finite number greater than zero",
        "Tau of '{0}' is {1}; the exponential cost τ·exp((1/τ)·Σ(ŷ − y)²) needs a τ > 0 that is finite in the network's element type");

    public static readonly DiagnosticDescriptor ActivationsWrongLength = Error(
        "NETGEN015",
        "Activations needs one entry per weight layer",
        "Activations of '{0}' has {1} entries, but the network has {2} weight layers (layer sizes − 1); give one activation per hidden layer and one for the output");

    public static readonly DiagnosticDescriptor UnsupportedElementType = Error(
        "NETGEN016",
        "ElementType must be float or double",
        "ElementType of '{0}' is '{1}'; use typeof(float) or typeof(double)");

    public static readonly DiagnosticDescriptor InvalidLeakySlope = Error(
        "NETGEN017",
        "LeakySlope must be a finite number ≥ 0",
        "LeakySlope of '{0}' is {1}; use a slope α ≥ 0 that is finite in the network's element type (the derivative is read from the sign of the output)");

    public static readonly DiagnosticDescriptor ActivationsConflict = Error(
        "NETGEN018",
        "Give either Activations or Hidden/Output",
        "The network '{0}' sets both Activations and Hidden or Output; Activations already names every layer's activation, so remove Hidden and Output");

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
        "NETGEN011" => SoftmaxInHiddenLayer,
        "NETGEN012" => CrossEntropyNeedsProbabilities,
        "NETGEN013" => HellingerNeedsPositiveOutputs,
        "NETGEN014" => InvalidTau,
        "NETGEN015" => ActivationsWrongLength,
        "NETGEN016" => UnsupportedElementType,
        "NETGEN017" => InvalidLeakySlope,
        "NETGEN018" => ActivationsConflict,
        _ => GeneratorFailure,
    };

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
