using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic NetGen reports. IDs are stable and never reused; each has a page under docs/diagnostics. All are
/// errors that mean no network can be generated, so none can be suppressed or lowered in severity.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Where the pages live: the repository's docs/diagnostics folder, one page per ID.</summary>
    public const string HelpLinkBase = "https://github.com/netgen/netgen/blob/main/docs/diagnostics/";

    private const string Category = "NetGen";

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        "NETGEN001",
        "Network class must be partial",
        "The class '{0}' has [Network] but is not partial; add the 'partial' modifier so NetGen can generate its members",
        "NetGen adds the network's members to the class in a second part of the same partial class, so the class must be declared partial.");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "NETGEN002",
        "Types containing a network class must be partial",
        "The class '{0}' is nested in '{1}', which is not partial; add the 'partial' modifier to '{1}'",
        "A nested network class is re-opened inside its containing types, so every containing type must be partial too.");

    public static readonly DiagnosticDescriptor TooFewLayers = Error(
        "NETGEN003",
        "A network needs at least two layer sizes",
        "[Network] on '{0}' has {1} layer size(s); give at least an input size and an output size, e.g. [Network(2, 3, 1)]",
        "The layer sizes are the input size, zero or more hidden sizes and the output size, so there are at least two.");

    public static readonly DiagnosticDescriptor LayerSizeNotPositive = Error(
        "NETGEN004",
        "Layer sizes must be greater than zero",
        "Layer size {0} of '{1}' is {2}; every layer size must be at least 1",
        "Every layer, the input and output included, has at least one neuron.");

    public static readonly DiagnosticDescriptor NetworkTooLarge = Error(
        "NETGEN005",
        "Network is too large to generate",
        "The network '{0}' is too large to generate: {1}",
        "Sizes, depth, parameter count and per-call stack scratch have documented limits; the message says which one the network exceeds.");

    public static readonly DiagnosticDescriptor InvalidEnumValue = Error(
        "NETGEN006",
        "Invalid enum value",
        "'{0}' = {1} is not a defined {2} value; use one of: {3}",
        "An activation, loss or optimizer given as a number cast to the enum must be one of the enum's named values.");

    public static readonly DiagnosticDescriptor StaticClassNotSupported = Error(
        "NETGEN007",
        "A network class cannot be static",
        "The class '{0}' is static; a network holds its parameters in an instance, so remove 'static'",
        "A network's parameters, gradient buffer and optimizer belong to an instance, which a static class cannot have.");

    public static readonly DiagnosticDescriptor GenericClassNotSupported = Error(
        "NETGEN008",
        "A network class cannot be generic",
        "The class '{0}' is generic or nested in a generic type; declare the network in a non-generic class",
        "The generated network is specialized for fixed sizes and one element type, which a type parameter cannot vary.");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "NETGEN009",
        "NetGen failed unexpectedly",
        "NetGen could not generate '{0}': {1}; please report this as a bug",
        "The generator met a case it does not handle; it generated nothing for this class instead of failing the build in the compiler.");

    public static readonly DiagnosticDescriptor DerivesFromNetwork = Error(
        "NETGEN010",
        "A network class cannot derive from another network class",
        "The class '{0}' derives from the network class '{1}'; a network cannot inherit another network's generated members, so hold '{1}' in a field instead",
        "Both classes would declare the same generated members, and the base class's would be hidden.");

    public static readonly DiagnosticDescriptor SoftmaxInHiddenLayer = Error(
        "NETGEN011",
        "Softmax and LogSoftmax are for the output layer only",
        "The network '{0}' uses {1} for a hidden layer; {1} normalizes a whole layer into (log-)probabilities and belongs on the output layer only",
        "Softmax turns a layer into a probability distribution, and LogSoftmax into its logarithms; NetGen supports them where that distribution is the prediction.");

    public static readonly DiagnosticDescriptor CrossEntropyNeedsProbabilities = Error(
        "NETGEN012",
        "Cross entropy needs a Sigmoid, Softmax or LogSoftmax output",
        "The network '{0}' uses Loss.CrossEntropy with a {1} output, whose values can leave (0, 1) where ln ŷ and ln(1 − ŷ) are undefined; use Output = Activation.Sigmoid (binary), Activation.Softmax (categorical) or Activation.LogSoftmax (the negative log-likelihood of log-probabilities)",
        "Cross entropy takes logarithms of the outputs, which must therefore be probabilities, or their logarithms (LogSoftmax).");

    public static readonly DiagnosticDescriptor HellingerNeedsPositiveOutputs = Error(
        "NETGEN013",
        "The Hellinger distance needs outputs greater than zero",
        "The network '{0}' uses Loss.Hellinger with a {1} output, which can be ≤ 0 where √ŷ is undefined; use a Sigmoid, Softmax or Softplus output",
        "The Hellinger distance takes square roots of the outputs and divides by them.");

    public static readonly DiagnosticDescriptor InvalidTau = Error(
        "NETGEN014",
        "Tau must be a finite number greater than zero",
        "Tau of '{0}' is {1}; the exponential cost τ·exp((1/τ)·Σ(ŷ − y)²) needs a τ > 0 that is finite in the network's element type",
        "τ divides the squared error inside the exponential cost; it is checked in the element type, where a double can overflow or vanish.");

    public static readonly DiagnosticDescriptor ActivationsWrongLength = Error(
        "NETGEN015",
        "Activations needs one entry per weight layer",
        "Activations of '{0}' has {1} entries, but the network has {2} weight layers (layer sizes − 1); give one activation per hidden layer and one for the output",
        "Activations lists the activation of every weight layer in order: each hidden layer, then the output layer.");

    public static readonly DiagnosticDescriptor UnsupportedElementType = Error(
        "NETGEN016",
        "ElementType must be float or double",
        "ElementType of '{0}' is '{1}'; use typeof(float) or typeof(double)",
        "NetGen generates single- and double-precision networks.");

    public static readonly DiagnosticDescriptor InvalidLeakySlope = Error(
        "NETGEN017",
        "LeakySlope must be a finite number ≥ 0",
        "LeakySlope of '{0}' is {1}; use a slope α ≥ 0 that is finite in the network's element type (the derivative is read from the sign of the output)",
        "LeakyReLU's derivative is read from the sign of its output, which keeps the sign of z only when α ≥ 0.");

    public static readonly DiagnosticDescriptor ActivationsConflict = Error(
        "NETGEN018",
        "Give either Activations or Hidden/Output",
        "The network '{0}' sets both Activations and Hidden or Output; Activations already names every layer's activation, so remove Hidden and Output",
        "Activations and Hidden/Output are two ways to say the same thing; NetGen does not guess which one is meant.");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        "NETGEN019",
        "NetGen needs C# 12 or newer",
        "The network '{0}' cannot be generated for C# {1}; NetGen's generated code needs C# 12 or newer, so set <LangVersion> to 12 or higher (or remove it)",
        "Generated networks use file-local types, static abstract interface members and inline arrays.");

    public static readonly DiagnosticDescriptor SequenceNeedsInputSizeOnly = Error(
        "NETGEN020",
        "With layer attributes, [Network] takes the input size only",
        "[Network] on '{0}' gives {1} sizes, but the class declares its layers with layer attributes; give only the input size, e.g. [Network(1)] [Lstm(16)] [Dense(1)]",
        "A sequence network is [Network(inputSize)] followed by its layer attributes in source order; the layer attributes give every other size.");

    public static readonly DiagnosticDescriptor DenseOptionInSequence = Error(
        "NETGEN021",
        "Option applies to dense layer sizes only",
        "'{1}' of '{0}' sets activations of [Network] layer sizes, but the class declares its layers with layer attributes; set each layer's Activation instead",
        "Hidden, Output and Activations belong to networks declared as [Network(2, 3, 1)]; in a sequence network each [Dense] and [Conv1D] has its own Activation.");

    public static readonly DiagnosticDescriptor SequenceLossNotSupported = Error(
        "NETGEN022",
        "Loss not available for sequence networks",
        "The sequence network '{0}' uses Loss.{1}; sequence networks train on Loss.SquaredError (J = ½‖ŷ − y‖² per frame)",
        "Sequence networks are regressors over frames (audio, sensors, control); their objective is the mean squared error over the frames of a sequence.");

    public static readonly DiagnosticDescriptor LayerArgumentBelowOne = Error(
        "NETGEN023",
        "Layer sizes, kernel sizes and dilations must be at least 1",
        "{1} of layer {2} ([{3}]) of '{0}' is {4}; it must be at least 1",
        "Every layer has at least one unit, channel or output, and a convolution at least one tap spaced at least one step apart.");

    public static readonly DiagnosticDescriptor SequenceActivationNotSupported = Error(
        "NETGEN024",
        "Activation not available in sequence layers",
        "Layer {1} ([{2}]) of '{0}' uses {3}, which sequence layers do not support; use Identity, Sigmoid, Tanh, ReLU, LeakyReLU, Softplus or ELU",
        "Sequence layers take their derivative from each output alone; Softmax couples a layer's outputs and GELU needs its input.");

    public static readonly DiagnosticDescriptor LayerWithoutNetwork = Error(
        "NETGEN025",
        "A layer attribute needs [Network] on the same class",
        "[{1}] on '{0}' declares a layer, but the class has no [Network]; add [Network(inputSize)] before the layer attributes",
        "Layer attributes describe the layers of a sequence network, which [Network(inputSize)] declares and NetGen generates.");

    public static readonly DiagnosticDescriptor ModelFileNotFound = Error(
        "NETGEN026",
        "Model file is not among the project's additional files",
        "The model file '{1}' of '{0}' is not among the project's additional files; add <AdditionalFiles Include=\"{1}\" /> to the project file",
        "Model files are read at compile time through the project's AdditionalFiles, so that the build sees every change to them; the path is matched against the end of each additional file's path.");

    public static readonly DiagnosticDescriptor ModelFileAmbiguous = Error(
        "NETGEN027",
        "Model file path matches several additional files",
        "The model file '{1}' of '{0}' matches several additional files: {2}; give more of the path",
        "The path is matched against the end of each additional file's path and must pick exactly one.");

    public static readonly DiagnosticDescriptor ModelFileInvalid = Error(
        "NETGEN028",
        "Model file cannot be read",
        "The model file '{1}' of '{0}' cannot be read as {2}: {3}",
        "A model file must be readable text in one of the supported formats; the message says what was expected where.");

    public static readonly DiagnosticDescriptor ModelNotSupported = Error(
        "NETGEN029",
        "Model uses something NetGen does not run",
        "The model file '{1}' of '{0}' cannot be generated: {2}",
        "NetGen generates dense, LSTM, GRU and causal Conv1D layers with its own activations; the message names the layer or operator it does not run.");

    public static readonly DiagnosticDescriptor ModelDoesNotFit = Error(
        "NETGEN030",
        "Weight file does not fit the declared network",
        "The weight file '{1}' does not fit '{0}': {2}",
        "With Weights, the file must hold exactly the declared layers' weights and shapes, in an order the file or ModuleOrder makes unambiguous.");

    public static readonly DiagnosticDescriptor ModelWeightNotFinite = Error(
        "NETGEN031",
        "Model weight is not finite",
        "The model file '{1}' of '{0}' has a weight that is not finite: {2}",
        "A NaN or infinite weight makes every output NaN; NetGen refuses it at build time, as its run-time loaders do.");

    public static readonly DiagnosticDescriptor NetworkModelWithLayers = Error(
        "NETGEN032",
        "[NetworkModel] takes the architecture from its file",
        "'{0}' has [NetworkModel] and [{1}]; the model file gives the layers, so remove [{1}]",
        "[NetworkModel] generates the layers the model file describes; declaring layers as well would give two architectures for one class.");

    public static readonly DiagnosticDescriptor MemberCollidesWithGenerated = Error(
        "NETGEN033",
        "Member has the name of a generated member",
        "'{0}' declares '{1}', and NetGen generates a member named '{1}' in every {2}; rename or remove the member",
        "NetGen generates the network's members into the class itself; a member of the same name would be a compiler error inside the generated file. The page of NETGEN033 lists the names.");

    public static readonly DiagnosticDescriptor ModuleOrderWithoutWeights = Error(
        "NETGEN034",
        "ModuleOrder needs Weights",
        "[Network] on '{0}' sets ModuleOrder but no Weights; ModuleOrder orders the modules of the state_dict that Weights names, so add Weights or remove ModuleOrder",
        "ModuleOrder says in which order the modules of a PyTorch state_dict run; without a Weights file there is nothing to order.");

    /// <summary>
    /// An error that cannot be configured away: an .editorconfig or #pragma that silenced it would only turn it into
    /// compiler errors about missing members.
    /// </summary>
    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description,
            helpLinkUri: HelpLinkBase + id + ".md", WellKnownDiagnosticTags.NotConfigurable);
}
