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
/// that set it (so a diagnostic can point at it). Values that cannot be read are reported here.
/// </summary>
internal sealed class NetworkOptions
{
    private readonly Dictionary<string, LocationInfo?> _locations = new();

    public ActivationKind Hidden { get; private set; } = ActivationKind.Sigmoid;

    public ActivationKind Output { get; private set; } = ActivationKind.Sigmoid;

    /// <summary>The per-layer list, when the attribute gives one.</summary>
    public ActivationKind[]? Activations { get; private set; }

    public LossKind Loss { get; private set; } = LossKind.SquaredError;

    public OptimizerKind Optimizer { get; private set; } = OptimizerKind.Sgd;

    public bool HasBias { get; private set; } = true;

    public double Tau { get; private set; } = 1.0;

    public double LeakySlope { get; private set; } = 0.01;

    /// <summary>The element type, or <see langword="null"/> when the attribute names an unsupported one.</summary>
    public ElementType? ElementType { get; private set; } = Model.ElementType.Single;

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
            TypedConstant value = argument.Value;
            switch (argument.Key)
            {
                case "Hidden":
                    options.Hidden = ReadEnum(argument.Key, value, location, diagnostics, options.Hidden);
                    break;
                case "Output":
                    options.Output = ReadEnum(argument.Key, value, location, diagnostics, options.Output);
                    break;
                case "Activations":
                    options.Activations = value.IsNull
                        ? null
                        : value.Values.Select(element => ReadEnum(argument.Key, element, location, diagnostics, ActivationKind.Identity)).ToArray();
                    break;
                case "Loss":
                    options.Loss = ReadEnum(argument.Key, value, location, diagnostics, options.Loss);
                    break;
                case "Optimizer":
                    options.Optimizer = ReadEnum(argument.Key, value, location, diagnostics, options.Optimizer);
                    break;
                case "Bias":
                    options.HasBias = value.Value is true;
                    break;
                case "Tau":
                    options.Tau = value.Value is double tau ? tau : double.NaN;
                    break;
                case "LeakySlope":
                    options.LeakySlope = value.Value is double slope ? slope : double.NaN;
                    break;
                case "ElementType":
                    options.ElementType = (value.Value as ITypeSymbol)?.SpecialType switch
                    {
                        SpecialType.System_Single => Model.ElementType.Single,
                        SpecialType.System_Double => Model.ElementType.Double,
                        _ => null,
                    };
                    if (options.ElementType is null)
                    {
                        diagnostics.Add(NetworkParser.Info(
                            DiagnosticDescriptors.UnsupportedElementType, location, className, value.Value?.ToString() ?? "null"));
                    }

                    break;
            }
        }

        return options;
    }

    private static TEnum ReadEnum<TEnum>(
        string name, TypedConstant value, LocationInfo? location, List<DiagnosticInfo> diagnostics, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (value.Value is int number && Enum.IsDefined(typeof(TEnum), number))
        {
            return (TEnum)(object)number;
        }

        string enumName = typeof(TEnum) == typeof(LossKind) ? "Loss" : typeof(TEnum) == typeof(OptimizerKind) ? "Optimizer" : "Activation";
        diagnostics.Add(NetworkParser.Info(
            DiagnosticDescriptors.InvalidEnumValue,
            location,
            name,
            value.Value?.ToString() ?? "null",
            enumName,
            string.Join(", ", Enum.GetNames(typeof(TEnum)))));
        return fallback;
    }

    private static AttributeArgumentSyntax? NamedArgument(AttributeSyntax? syntax, string name) =>
        syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
}
