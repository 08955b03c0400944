using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Checks the named arguments against each other and the layer sizes (NETGEN011–NETGEN018) and settles each
/// weight layer's activation.
/// </summary>
internal static class NetworkRules
{
    /// <summary>Output activations whose values lie in (0, 1], where cross entropy's logarithms are defined.</summary>
    private static readonly ActivationKind[] CrossEntropyOutputs = { ActivationKind.Sigmoid, ActivationKind.Softmax };

    /// <summary>Output activations that are always &gt; 0, where the Hellinger distance's √ŷ and 1/√ŷ are defined.</summary>
    private static readonly ActivationKind[] HellingerOutputs = { ActivationKind.Sigmoid, ActivationKind.Softmax, ActivationKind.Softplus };

    /// <summary>One activation per weight layer, or <see langword="null"/> after reporting why there is none.</summary>
    public static ActivationKind[]? Check(
        int weightLayers, NetworkOptions options, ElementType elementType, LocationInfo? attribute, string className, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        ActivationKind[]? activations = LayerActivations(weightLayers, options, attribute, className, diagnostics);

        if (activations is not null && activations.Take(weightLayers - 1).Contains(ActivationKind.Softmax))
        {
            string argument = options.Activations is null ? "Hidden" : "Activations";
            diagnostics.Add(NetworkParser.Info(
                DiagnosticDescriptors.SoftmaxInHiddenLayer, options.LocationOf(argument, attribute), className));
        }

        ActivationKind? output = activations?[weightLayers - 1];
        LocationInfo? loss = options.LocationOf("Loss", attribute);
        if (output is { } o && options.Loss == LossKind.CrossEntropy && !CrossEntropyOutputs.Contains(o))
        {
            diagnostics.Add(NetworkParser.Info(DiagnosticDescriptors.CrossEntropyNeedsProbabilities, loss, className, o.ToString()));
        }

        if (output is { } h && options.Loss == LossKind.Hellinger && !HellingerOutputs.Contains(h))
        {
            diagnostics.Add(NetworkParser.Info(DiagnosticDescriptors.HellingerNeedsPositiveOutputs, loss, className, h.ToString()));
        }

        // Checked as the element type will hold them: a double that is fine can overflow or vanish in float.
        double tau = InElementType(options.Tau, elementType), slope = InElementType(options.LeakySlope, elementType);
        if (!(tau > 0 && !double.IsInfinity(tau)))
        {
            diagnostics.Add(NetworkParser.Info(
                DiagnosticDescriptors.InvalidTau, options.LocationOf("Tau", attribute), className, Format(options.Tau)));
        }

        if (!(slope >= 0 && !double.IsInfinity(slope)))
        {
            diagnostics.Add(NetworkParser.Info(
                DiagnosticDescriptors.InvalidLeakySlope, options.LocationOf("LeakySlope", attribute), className, Format(options.LeakySlope)));
        }

        return diagnostics.Count == before ? activations : null;
    }

    private static ActivationKind[]? LayerActivations(
        int weightLayers, NetworkOptions options, LocationInfo? attribute, string className, List<DiagnosticInfo> diagnostics)
    {
        if (options.Activations is not { } perLayer)
        {
            return Enumerable.Range(0, weightLayers)
                .Select(l => l == weightLayers - 1 ? options.Output : options.Hidden)
                .ToArray();
        }

        LocationInfo? location = options.LocationOf("Activations", attribute);
        if (options.IsSet("Hidden") || options.IsSet("Output"))
        {
            diagnostics.Add(NetworkParser.Info(DiagnosticDescriptors.ActivationsConflict, location, className));
            return null;
        }

        if (perLayer.Length != weightLayers)
        {
            diagnostics.Add(NetworkParser.Info(
                DiagnosticDescriptors.ActivationsWrongLength, location, className, perLayer.Length.ToString(), weightLayers.ToString()));
            return null;
        }

        return perLayer;
    }

    private static double InElementType(double value, ElementType type) => type == ElementType.Single ? (float)value : value;

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
