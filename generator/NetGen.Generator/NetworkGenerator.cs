using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Emit;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator;

/// <summary>
/// Generates a dense neural network for every <c>partial class</c> marked with <c>[NetGen.Network]</c>:
/// attribute → <see cref="NetworkSpec"/> (plain values, cacheable) → one source file per network.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    /// <summary>The attribute's metadata name; a test ties it to <c>typeof(NetworkAttribute).FullName</c>.</summary>
    public const string AttributeFullName = "NetGen.NetworkAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeFullName,
                predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (context, cancellationToken) => NetworkParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        context.RegisterSourceOutput(parsed, static (context, result) =>
        {
            foreach (DiagnosticInfo diagnostic in result.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        IncrementalValuesProvider<NetworkSpec> specs = parsed
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.Specs);

        context.RegisterSourceOutput(specs, static (context, spec) =>
        {
            try
            {
                context.AddSource(spec.FullName + ".g.cs", NetworkEmitter.Emit(spec));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Never throw into the compiler: an emitter bug becomes NETGEN009 and no source.
                context.ReportDiagnostic(Diagnostic.Create(
                    Diagnostics.DiagnosticDescriptors.GeneratorFailure, Location.None, spec.ClassName, exception.Message));
            }
        });
    }
}
