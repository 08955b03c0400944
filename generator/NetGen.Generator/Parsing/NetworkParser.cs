using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Turns one <c>[Network]</c> class into a <see cref="NetworkSpec"/>, or into diagnostics.</summary>
internal static class NetworkParser
{
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        // [Network] is only valid on classes (AttributeUsage); elsewhere the compiler already reports CS0592.
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type ||
            context.TargetNode is not TypeDeclarationSyntax declaration ||
            declaration.Identifier.IsMissing ||
            !HoldsFirstAttribute(type, declaration, NetworkGenerator.AttributeFullName, cancellationToken))
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        LocationInfo? classLocation = LocationInfo.From(declaration.Identifier.GetLocation());
        try
        {
            CheckTarget(type, declaration, classLocation, diagnostics);
            NetworkSpec? spec = null;
            ModelReference? weights = null;
            AttributeData? attribute = context.Attributes.FirstOrDefault();
            if (attribute is not null)
            {
                spec = ParseAttribute(type, attribute, diagnostics, cancellationToken);
                weights = WeightsReference(attribute, cancellationToken);
            }

            if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NetworkModelParser.AttributeFullName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkModelWithLayers, classLocation, type.Name, "Network"));
            }

            if (spec is not null)
            {
                // Weights = path: the class will get trained parameters once the file is read.
                diagnostics.AddRange(MemberCollisions.Check(MemberCollisions.Find(type, cancellationToken), spec, trained: weights is not null));
            }

            return new ParseResult(diagnostics.Count == 0 ? spec : null, new EquatableArray<DiagnosticInfo>(diagnostics), weights);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator never throws into the compiler: an unexpected failure becomes NETGEN009.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, classLocation, type.Name, exception.Message));
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
        }
    }

    internal static void CheckTarget(
        INamedTypeSymbol type, TypeDeclarationSyntax declaration, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (declaration.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp12 } options)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.LanguageVersionTooLow, location, type.Name, options.LanguageVersion.ToDisplayString()));
        }

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotPartial, location, type.Name));
        }

        if (type.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StaticClassNotSupported, location, type.Name));
        }

        bool generic = type.IsGenericType;
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            generic |= outer.IsGenericType;
            if (!IsPartial(outer))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, location, type.Name, outer.Name));
            }
        }

        if (generic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericClassNotSupported, location, type.Name));
        }

        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.GetAttributes().Any(IsNetworkAttribute))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivesFromNetwork, location, type.Name, baseType.Name));
                break;
            }
        }
    }

    private static bool IsNetworkAttribute(AttributeData attribute) =>
        attribute.AttributeClass?.ToDisplayString() == NetworkGenerator.AttributeFullName;

    /// <summary>
    /// A class whose parts carry [Network] more than once is already a compiler error (CS0579); handle it once,
    /// on the declaration that holds its first [Network], so one class never yields two files.
    /// </summary>
    internal static bool HoldsFirstAttribute(
        INamedTypeSymbol type, SyntaxNode declaration, string attributeName, CancellationToken cancellationToken)
    {
        SyntaxReference? first = type.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeName)?.ApplicationSyntaxReference;
        return first is null || first.GetSyntax(cancellationToken).Parent?.Parent == declaration;
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax syntax && syntax.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static NetworkSpec? ParseAttribute(
        INamedTypeSymbol type, AttributeData attribute, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        LocationInfo? attributeLocation = LocationInfo.From(syntax?.GetLocation());

        // A constructor the compiler could not bind (non-constant arguments, wrong types) is already a compiler
        // error; adding ours would only repeat it.
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1)
        {
            return null;
        }

        int[] sizes = ReadSizes(attribute.ConstructorArguments[0]);
        var layerAttributes = type.GetAttributes().Where(SequenceParser.IsLayerAttribute).ToList();
        if (layerAttributes.Count > 0)
        {
            return ParseSequence(type, attribute, syntax, attributeLocation, sizes, layerAttributes, diagnostics, cancellationToken);
        }

        int before = diagnostics.Count;
        if (sizes.Length < 2)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooFewLayers, attributeLocation, type.Name, sizes.Length.ToString()));
        }

        ImmutableArray<AttributeArgumentSyntax> positional = PositionalArguments(syntax);
        for (int i = 0; i < sizes.Length; i++)
        {
            if (sizes[i] <= 0)
            {
                // In the expanded params form each size is its own argument; otherwise point at the attribute.
                LocationInfo? location = positional.Length == sizes.Length
                    ? LocationInfo.From(positional[i].GetLocation())
                    : attributeLocation;
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.LayerSizeNotPositive, location, (i + 1).ToString(), type.Name, sizes[i].ToString()));
            }
        }

        NetworkOptions options = NetworkOptions.Read(attribute, syntax, type.Name, diagnostics);
        if (diagnostics.Count > before || options.ElementType is not { } elementType)
        {
            return null;
        }

        if (NetworkLimits.Check(sizes, options.HasBias) is { } reason)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkTooLarge, attributeLocation, type.Name, reason));
            return null;
        }

        if (NetworkRules.Check(sizes.Length - 1, options, elementType, attributeLocation, type.Name, diagnostics) is not { } activations)
        {
            return null;
        }

        var layers = new LayerSpec[sizes.Length - 1];
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l] = new LayerSpec(l + 1, sizes[l], sizes[l + 1], activations[l]);
        }

        return Spec(type, elementType, layers, options, EquatableArray<SequenceLayerSpec>.Empty);
    }

    /// <summary>A sequence network: [Network(inputSize)] and its layer attributes in source order.</summary>
    private static NetworkSpec? ParseSequence(
        INamedTypeSymbol type, AttributeData attribute, AttributeSyntax? syntax, LocationInfo? attributeLocation, int[] sizes,
        List<AttributeData> layerAttributes, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        int before = diagnostics.Count;
        ImmutableArray<AttributeArgumentSyntax> positional = PositionalArguments(syntax);
        if (sizes.Length != 1)
        {
            LocationInfo? location = positional.Length == sizes.Length && sizes.Length > 1
                ? LocationInfo.From(positional[1].GetLocation())
                : attributeLocation;
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SequenceNeedsInputSizeOnly, location, type.Name, sizes.Length.ToString()));
        }
        else if (sizes[0] <= 0)
        {
            LocationInfo? location = positional.Length == 1 ? LocationInfo.From(positional[0].GetLocation()) : attributeLocation;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayerSizeNotPositive, location, "1", type.Name, sizes[0].ToString()));
        }

        NetworkOptions options = NetworkOptions.Read(attribute, syntax, type.Name, diagnostics);
        foreach (string name in new[] { nameof(NetworkAttribute.Hidden), nameof(NetworkAttribute.Output), nameof(NetworkAttribute.Activations) })
        {
            if (options.IsSet(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DenseOptionInSequence, options.LocationOf(name, attributeLocation), type.Name, name));
            }
        }

        if (options.Loss != Loss.SquaredError)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SequenceLossNotSupported, options.LocationOf(nameof(NetworkAttribute.Loss), attributeLocation),
                type.Name, options.Loss.ToString()));
        }

        if (options.ElementType is { } type1)
        {
            NetworkRules.CheckLeakySlope(options, type1, attributeLocation, type.Name, diagnostics);
        }

        SequenceLayerSpec[]? layers = SequenceParser.Parse(
            type.Name, sizes.Length == 1 ? sizes[0] : 1, layerAttributes, diagnostics, cancellationToken);
        if (diagnostics.Count > before || layers is null || options.ElementType is not { } elementType)
        {
            return null;
        }

        if (SequenceLimits.Check(layers, options.HasBias) is { } reason)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkTooLarge, attributeLocation, type.Name, reason));
            return null;
        }

        return Spec(type, elementType, System.Array.Empty<LayerSpec>(), options, new EquatableArray<SequenceLayerSpec>(layers));
    }

    /// <summary>The state_dict file that <c>Weights</c> names, with the location of that argument and any <c>ModuleOrder</c>.</summary>
    private static ModelReference? WeightsReference(AttributeData attribute, CancellationToken cancellationToken)
    {
        EquatableArray<string>? order = null;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == nameof(NetworkAttribute.ModuleOrder) && !argument.Value.IsNull)
            {
                order = new EquatableArray<string>(argument.Value.Values.Select(v => v.Value as string ?? "").ToArray());
            }
        }

        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == nameof(NetworkAttribute.Weights) && argument.Value.Value is string path && path.Trim().Length > 0)
            {
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                return new ModelReference(
                    path, NetworkOptions.ArgumentLocation(syntax, argument.Key), DefinesArchitecture: false, ModuleOrder: order);
            }
        }

        return null;
    }

    internal static NetworkSpec Spec(
        INamedTypeSymbol type, ElementType elementType, LayerSpec[] layers, NetworkOptions options, EquatableArray<SequenceLayerSpec> sequence)
    {
        return new NetworkSpec(
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            EscapedNamespace: type.ContainingNamespace.IsGlobalNamespace
                ? ""
                : type.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length),
            ContainingTypes: new EquatableArray<ContainingType>(ContainingTypes(type)),
            ClassName: type.Name,
            ClassKeyword: type.IsRecord ? "record" : "class",
            ElementType: elementType,
            Layers: new EquatableArray<LayerSpec>(layers),
            Loss: options.Loss,
            HasBias: options.HasBias,
            Tau: options.Tau,
            LeakySlope: options.LeakySlope,
            Optimizer: options.Optimizer,
            SequenceLayers: sequence);
    }

    private static int[] ReadSizes(TypedConstant argument)
    {
        if (argument.Kind != TypedConstantKind.Array || argument.IsNull)
        {
            return Array.Empty<int>();
        }

        return argument.Values.Select(value => value.Value is int size ? size : 0).ToArray();
    }

    private static ImmutableArray<AttributeArgumentSyntax> PositionalArguments(AttributeSyntax? syntax) =>
        syntax?.ArgumentList is { } list
            ? list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToImmutableArray()
            : ImmutableArray<AttributeArgumentSyntax>.Empty;

    private static IEnumerable<ContainingType> ContainingTypes(INamedTypeSymbol type)
    {
        var chain = new Stack<ContainingType>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            string keyword = (outer.IsRecord, outer.TypeKind) switch
            {
                (true, TypeKind.Struct) => "record struct",
                (true, _) => "record",
                (false, TypeKind.Struct) => "struct",
                (false, TypeKind.Interface) => "interface",
                _ => "class",
            };
            chain.Push(new ContainingType(keyword, outer.Name));
        }

        return chain;
    }
}
