using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The named arguments of one <c>[Network]</c>, read into plain values, each with the location of the argument
/// that set it (so a diagnostic can point at it). Values that cannot be read are reported here. Defaults are the
/// attribute's own.
/// </summary>
internal sealed class NetworkOptions
{
    private static readonly NetworkAttribute Defaults = new();
    private readonly Dictionary<string, LocationInfo?> _locations = new();

    public Activation Hidden { get; private set; } = Defaults.Hidden;

    public Activation Output { get; private set; } = Defaults.Output;

    /// <summary>The per-layer list, when the attribute gives one.</summary>
    public Activation[]? Activations { get; private set; }

    public Loss Loss { get; private set; } = Defaults.Loss;

    public OptimizerKind Optimizer { get; private set; } = Defaults.Optimizer;

    public bool HasBias { get; private set; } = Defaults.Bias;

    public double Tau { get; private set; } = Defaults.Tau;

    public double LeakySlope { get; private set; } = Defaults.LeakySlope;

    /// <summary>The element type, or <see langword="null"/> when the attribute names an unsupported one.</summary>
    public ElementType? ElementType { get; private set; } = Model.ElementType.Single;

    /// <summary>[NetworkModel]'s Logits: the activation appended to a graph that ends in logits (Identity: none).</summary>
    public Activation Logits { get; private set; } = Activation.Identity;

    /// <summary>The PyTorch state_dict file the parameters start from, when the attribute names one.</summary>
    public string? Weights { get; private set; }

    /// <summary>Whether the attribute sets <paramref name="name"/>.</summary>
    public bool IsSet(string name) => _locations.ContainsKey(name);

    /// <summary>Where <paramref name="name"/> is set, or <paramref name="fallback"/> when it is not.</summary>
    public LocationInfo? LocationOf(string name, LocationInfo? fallback) =>
        _locations.TryGetValue(name, out LocationInfo? location) && location is not null ? location : fallback;

    public static NetworkOptions Read(AttributeData attribute, AttributeSyntax? syntax, string className, List<DiagnosticInfo> diagnostics)
    {
        var options = new NetworkOptions();
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            LocationInfo? location = LocationInfo.From(NamedArgument(syntax, argument.Key)?.GetLocation())
                ?? LocationInfo.From(syntax?.GetLocation());
            options._locations[argument.Key] = location;
            options.Set(argument.Key, argument.Value, location, className, diagnostics);
        }

        if (options.IsSet(nameof(NetworkAttribute.ModuleOrder)) && options.Weights is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ModuleOrderWithoutWeights,
                options.LocationOf(nameof(NetworkAttribute.ModuleOrder), null),
                className));
        }

        return options;
    }

    private void Set(string name, TypedConstant value, LocationInfo? location, string className, List<DiagnosticInfo> diagnostics)
    {
        switch (name)
        {
            case nameof(NetworkAttribute.Hidden):
                Hidden = ReadEnum(name, value, location, diagnostics, Hidden);
                break;
            case nameof(NetworkAttribute.Output):
                Output = ReadEnum(name, value, location, diagnostics, Output);
                break;
            case nameof(NetworkAttribute.Activations):
                Activations = value.IsNull
                    ? null
                    : value.Values.Select(element => ReadEnum(name, element, location, diagnostics, Activation.Identity)).ToArray();
                break;
            case nameof(NetworkAttribute.Loss):
                Loss = ReadEnum(name, value, location, diagnostics, Loss);
                break;
            case nameof(NetworkAttribute.Optimizer):
                Optimizer = ReadEnum(name, value, location, diagnostics, Optimizer);
                break;
            case nameof(NetworkModelAttribute.Logits):
                Logits = ReadEnum(name, value, location, diagnostics, Logits);
                break;
            case nameof(NetworkAttribute.Bias):
                HasBias = value.Value is true;
                break;
            case nameof(NetworkAttribute.Tau):
                Tau = value.Value is double tau ? tau : double.NaN;
                break;
            case nameof(NetworkAttribute.LeakySlope):
                LeakySlope = value.Value is double slope ? slope : double.NaN;
                break;
            case nameof(NetworkAttribute.Weights):
                Weights = value.Value as string;
                if (Weights is not null && Weights.Trim().Length == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelFileNotFound, location, className, Weights));
                }

                break;
            case nameof(NetworkAttribute.ElementType):
                ElementType = (value.Value as ITypeSymbol)?.SpecialType switch
                {
                    SpecialType.System_Single => Model.ElementType.Single,
                    SpecialType.System_Double => Model.ElementType.Double,
                    _ => null,
                };
                if (ElementType is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnsupportedElementType, location, className, value.Value?.ToString() ?? "null"));
                }

                break;
        }
    }

    private static TEnum ReadEnum<TEnum>(
        string name, TypedConstant value, LocationInfo? location, List<DiagnosticInfo> diagnostics, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (value.Value is int number && Enum.IsDefined(typeof(TEnum), number))
        {
            return (TEnum)(object)number;
        }

        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.InvalidEnumValue,
            location,
            name,
            value.Value?.ToString() ?? "null",
            typeof(TEnum).Name,
            string.Join(", ", Enum.GetNames(typeof(TEnum)))));
        return fallback;
    }

    /// <summary>Where the named argument <paramref name="name"/> is written, else the whole attribute.</summary>
    public static LocationInfo? ArgumentLocation(AttributeSyntax? syntax, string name) =>
        LocationInfo.From(NamedArgument(syntax, name)?.GetLocation()) ?? LocationInfo.From(syntax?.GetLocation());

    private static AttributeArgumentSyntax? NamedArgument(AttributeSyntax? syntax, string name) =>
        syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
}
