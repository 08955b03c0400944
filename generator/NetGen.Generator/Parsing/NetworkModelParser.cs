using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Turns one <c>[NetworkModel("path")]</c> class into a request for its model file: the class and its options as a
/// spec without layers, and the path with the location of its argument. <see cref="Import.ModelBinder"/> reads the
/// file and supplies the layers and weights.
/// </summary>
internal static class NetworkModelParser
{
    /// <summary>The attribute's metadata name; a test ties it to <c>typeof(NetworkModelAttribute).FullName</c>.</summary>
    public const string AttributeFullName = "NetGen.NetworkModelAttribute";

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type ||
            context.TargetNode is not TypeDeclarationSyntax declaration ||
            declaration.Identifier.IsMissing ||
            !NetworkParser.HoldsFirstAttribute(type, declaration, AttributeFullName, cancellationToken) ||
            type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NetworkGenerator.AttributeFullName))
        {
            // With [Network] too, the [Network] side reports the conflict once.
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        LocationInfo? classLocation = LocationInfo.From(declaration.Identifier.GetLocation());
        try
        {
            NetworkParser.CheckTarget(type, declaration, classLocation, diagnostics);
            foreach (AttributeData layer in type.GetAttributes().Where(SequenceParser.IsLayerAttribute))
            {
                var layerSyntax = layer.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.NetworkModelWithLayers,
                    LocationInfo.From(layerSyntax?.GetLocation()) ?? classLocation,
                    type.Name,
                    layer.AttributeClass!.Name.Replace("Attribute", "")));
            }

            AttributeData? attribute = context.Attributes.FirstOrDefault();
            if (attribute?.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1)
            {
                // Not bound (a wrong argument): the compiler reports it.
                return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
            }

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            LocationInfo? pathLocation = LocationInfo.From(syntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation())
                ?? LocationInfo.From(syntax?.GetLocation());
            string path = attribute.ConstructorArguments[0].Value as string ?? "";
            if (path.Trim().Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelFileNotFound, pathLocation, type.Name, path));
            }

            NetworkOptions options = NetworkOptions.Read(attribute, syntax, type.Name, diagnostics);
            if (diagnostics.Count > 0 || options.ElementType is not { } elementType)
            {
                return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
            }

            NetworkSpec shell = NetworkParser.Spec(
                type, elementType, Array.Empty<LayerSpec>(), options, EquatableArray<SequenceLayerSpec>.Empty);
            // Which names collide depends on the kind of network the file gives: the binder checks them.
            return new ParseResult(
                shell,
                EquatableArray<DiagnosticInfo>.Empty,
                new ModelReference(
                    path, pathLocation, DefinesArchitecture: true,
                    ElementTypeFromModel: !options.IsSet(nameof(NetworkModelAttribute.ElementType)),
                    Logits: options.Logits),
                MemberCollisions.Find(type, cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, classLocation, type.Name, exception.Message));
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
        }
    }
}
