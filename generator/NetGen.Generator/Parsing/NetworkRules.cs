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
    /// LogSoftmax gives their logarithms, ln ŷ itself: with it, cross entropy is the negative log-likelihood −Σ y·ŷ.
    private static readonly Activation[] CrossEntropyOutputs = { Activation.Sigmoid, Activation.Softmax, Activation.LogSoftmax };

    /// <summary>Output activations that are always &gt; 0, where the Hellinger distance's √ŷ and 1/√ŷ are defined.</summary>
    private static readonly Activation[] HellingerOutputs = { Activation.Sigmoid, Activation.Softmax, Activation.Softplus };

    /// <summary>One activation per weight layer, or <see langword="null"/> after reporting why there is none.</summary>
    public static Activation[]? Check(
        int weightLayers, NetworkOptions options, ElementType elementType, LocationInfo? attribute, string className, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        Activation[]? activations = LayerActivations(weightLayers, options, attribute, className, diagnostics);

        if (activations?.Take(weightLayers - 1).FirstOrDefault(a => a is Activation.Softmax or Activation.LogSoftmax) is
            Activation.Softmax or Activation.LogSoftmax)
        {
            Activation hidden = activations.Take(weightLayers - 1).First(a => a is Activation.Softmax or Activation.LogSoftmax);
            string argument = options.Activations is null ? nameof(NetworkAttribute.Hidden) : nameof(NetworkAttribute.Activations);
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SoftmaxInHiddenLayer, options.LocationOf(argument, attribute), className, hidden.ToString()));
        }

        Activation? output = activations?[weightLayers - 1];
        LocationInfo? loss = options.LocationOf(nameof(NetworkAttribute.Loss), attribute);
        if (output is { } o && options.Loss == Loss.CrossEntropy && !CrossEntropyOutputs.Contains(o))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CrossEntropyNeedsProbabilities, loss, className, o.ToString()));
        }

        if (output is { } h && options.Loss == Loss.Hellinger && !HellingerOutputs.Contains(h))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HellingerNeedsPositiveOutputs, loss, className, h.ToString()));
        }

        // Checked as the element type will hold them: a double that is fine can overflow or vanish in float.
        double tau = InElementType(options.Tau, elementType);
        if (!(tau > 0 && !double.IsInfinity(tau)))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidTau, options.LocationOf(nameof(NetworkAttribute.Tau), attribute), className, Format(options.Tau)));
        }

        CheckLeakySlope(options, elementType, attribute, className, diagnostics);
        return diagnostics.Count == before ? activations : null;
    }

    /// <summary>NETGEN017 unless α is finite and ≥ 0 in the element type.</summary>
    public static void CheckLeakySlope(
        NetworkOptions options, ElementType elementType, LocationInfo? attribute, string className, List<DiagnosticInfo> diagnostics)
    {
        double slope = InElementType(options.LeakySlope, elementType);
        if (!(slope >= 0 && !double.IsInfinity(slope)))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidLeakySlope, options.LocationOf(nameof(NetworkAttribute.LeakySlope), attribute), className, Format(options.LeakySlope)));
        }
    }

    private static Activation[]? LayerActivations(
        int weightLayers, NetworkOptions options, LocationInfo? attribute, string className, List<DiagnosticInfo> diagnostics)
    {
        if (options.Activations is not { } perLayer)
        {
            return Enumerable.Range(0, weightLayers)
                .Select(l => l == weightLayers - 1 ? options.Output : options.Hidden)
                .ToArray();
        }

        LocationInfo? location = options.LocationOf(nameof(NetworkAttribute.Activations), attribute);
        if (options.IsSet(nameof(NetworkAttribute.Hidden)) || options.IsSet(nameof(NetworkAttribute.Output)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ActivationsConflict, location, className));
            return null;
        }

        if (perLayer.Length != weightLayers)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ActivationsWrongLength, location, className, perLayer.Length.ToString(), weightLayers.ToString()));
            return null;
        }

        return perLayer;
    }

    private static double InElementType(double value, ElementType type) => type == ElementType.Single ? (float)value : value;

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
