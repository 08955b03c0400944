using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads the layer attributes of a sequence network (<c>[Network(n)]</c> then <c>[Lstm]</c>, <c>[Gru]</c>,
/// <c>[Conv1D]</c>, <c>[Dense]</c> in source order) into <see cref="SequenceLayerSpec"/>s, reporting NETGEN020–NETGEN024
/// at the offending attribute or argument.
/// </summary>
internal static class SequenceParser
{
    /// <summary>The metadata names of the layer attributes, each tied to its type by a test.</summary>
    public static readonly ImmutableArray<string> AttributeNames = ImmutableArray.Create(
        "NetGen.LstmAttribute", "NetGen.GruAttribute", "NetGen.Conv1DAttribute", "NetGen.DenseAttribute");

    /// <summary>Activations whose derivative sequence layers read from the output alone.</summary>
    private static readonly Activation[] Supported =
    {
        Activation.Identity, Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.Softplus, Activation.ELU,
    };

    public static bool IsLayerAttribute(AttributeData attribute) =>
        attribute.AttributeClass?.ToDisplayString() is { } name && AttributeNames.Contains(name);

    /// <summary>The layers, or <see langword="null"/> after reporting why there are none.</summary>
    public static SequenceLayerSpec[]? Parse(
        string className, int inputSize, IReadOnlyList<AttributeData> attributes, List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        int before = diagnostics.Count;
        var layers = new List<SequenceLayerSpec>();
        int inputs = inputSize;
        foreach (AttributeData attribute in attributes)
        {
            // A constructor the compiler could not bind is already a compiler error.
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1)
            {
                return null;
            }

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            LocationInfo? location = LocationInfo.From(syntax?.GetLocation());
            int index = layers.Count + 1;
            string kindName = attribute.AttributeClass!.Name.Substring(0, attribute.AttributeClass.Name.Length - "Attribute".Length);
            var kind = (SequenceLayerKind)System.Enum.Parse(typeof(SequenceLayerKind), kindName);
            int outputs = attribute.ConstructorArguments[0].Value is int size ? size : 0;
            string sizeName = attribute.AttributeConstructor.Parameters[0].Name;
            CheckAtLeastOne(className, index, kindName, sizeName, outputs, Positional(syntax) ?? location, diagnostics);

            int kernelSize = 1, dilation = 1;
            Activation activation = Activation.Identity;
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                LocationInfo? at = LocationInfo.From(Named(syntax, argument.Key)?.GetLocation()) ?? location;
                switch (argument.Key)
                {
                    case nameof(Conv1DAttribute.KernelSize):
                        kernelSize = argument.Value.Value is int k ? k : 0;
                        CheckAtLeastOne(className, index, kindName, argument.Key, kernelSize, at, diagnostics);
                        break;
                    case nameof(Conv1DAttribute.Dilation):
                        dilation = argument.Value.Value is int d ? d : 0;
                        CheckAtLeastOne(className, index, kindName, argument.Key, dilation, at, diagnostics);
                        break;
                    case nameof(DenseAttribute.Activation):
                        activation = ReadActivation(className, index, kindName, argument.Value, at, diagnostics);
                        break;
                }
            }

            layers.Add(new SequenceLayerSpec(index, kind, inputs, outputs, kernelSize, dilation, activation));
            inputs = outputs;
        }

        return diagnostics.Count == before ? layers.ToArray() : null;
    }

    /// <summary>NETGEN025 for every layer attribute of one kind on a class without [Network].</summary>
    public static EquatableArray<DiagnosticInfo> Orphans(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type ||
            type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is NetworkGenerator.AttributeFullName or NetworkModelParser.AttributeFullName))
        {
            // With [NetworkModel], its parser reports the layer attribute (NETGEN032).
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var diagnostics = new List<DiagnosticInfo>();
        foreach (AttributeData attribute in context.Attributes)
        {
            SyntaxNode? syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
            string name = attribute.AttributeClass?.Name ?? "";
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.LayerWithoutNetwork, LocationInfo.From(syntax?.GetLocation()), type.Name,
                name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name));
        }

        return new EquatableArray<DiagnosticInfo>(diagnostics);
    }

    private static Activation ReadActivation(
        string className, int index, string kind, TypedConstant value, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (value.Value is not int number || !System.Enum.IsDefined(typeof(Activation), number))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidEnumValue, location, nameof(DenseAttribute.Activation), value.Value?.ToString() ?? "null",
                nameof(Activation), string.Join(", ", System.Enum.GetNames(typeof(Activation)))));
            return Activation.Identity;
        }

        var activation = (Activation)number;
        if (!Supported.Contains(activation))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SequenceActivationNotSupported, location, className, index.ToString(), kind, activation.ToString()));
        }

        return activation;
    }

    private static void CheckAtLeastOne(
        string className, int index, string kind, string argument, int value, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (value < 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.LayerArgumentBelowOne, location, className, argument, index.ToString(), kind, value.ToString()));
        }
    }

    private static LocationInfo? Positional(AttributeSyntax? syntax) =>
        LocationInfo.From(syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null)?.GetLocation());

    private static AttributeArgumentSyntax? Named(AttributeSyntax? syntax, string name) =>
        syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
}
