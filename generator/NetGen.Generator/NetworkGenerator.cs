using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Emit.Sequence;
using NetGen.Generator.Import;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;
using NetGen.Generator.Planning;

namespace NetGen.Generator;

/// <summary>
/// Generates a neural network for every <c>partial class</c> marked with <c>[NetGen.Network]</c>, in four stages:
/// Parse (attribute and symbol → <see cref="ParseResult"/>), Model (<see cref="NetworkSpec"/>: plain values, so the
/// pipeline caches), Plan (<see cref="NetworkPlan"/>: layer plans, kernel signatures, vector widths) and Emit (one
/// source file per network). Networks that name a model file (<c>[NetworkModel]</c>, <c>Weights</c>) are completed
/// from it by <see cref="ModelBinder"/> between Model and Plan.
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

        // A layer attribute on a class without [Network] generates nothing; say so at the attribute (NETGEN025).
        foreach (string layerAttribute in SequenceParser.AttributeNames)
        {
            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> orphans = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    layerAttribute,
                    predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                    transform: static (context, cancellationToken) => SequenceParser.Orphans(context, cancellationToken));
            context.RegisterSourceOutput(orphans, static (context, diagnostics) =>
            {
                foreach (DiagnosticInfo diagnostic in diagnostics)
                {
                    context.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });
        }

        IncrementalValuesProvider<ParseResult> models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                NetworkModelParser.AttributeFullName,
                predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (context, cancellationToken) => NetworkModelParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.ParseModel);
        context.RegisterSourceOutput(models, static (context, result) => Report(context, result.Diagnostics));

        IncrementalValuesProvider<NetworkSpec> specs = parsed
            .Where(static result => result.Spec is not null && result.Model is null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.Specs);

        context.RegisterSourceOutput(specs, static (context, spec) => Emit(context, spec));

        // Networks whose layers or weights come from a model file: each additional file is read once per change (only
        // text formats, and binary ones the build step encoded, are read at all), and a network is bound to its file
        // again only when either changes.
        IncrementalValueProvider<ImmutableArray<ModelText>> files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ModelText.Read(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .WithTrackingName(TrackingNames.ReadModelFile)
            .Collect();
        Bind(context, parsed.Where(static result => result.Spec is not null && result.Model is not null), files);
        Bind(context, models.Where(static result => result.Spec is not null && result.Model is not null), files);
    }

    private static void Bind(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ParseResult> requests,
        IncrementalValueProvider<ImmutableArray<ModelText>> files)
    {
        IncrementalValuesProvider<ParseResult> bound = requests
            .Combine(files)
            .Select(static (pair, _) => ModelBinder.Bind(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.BindModel);
        context.RegisterSourceOutput(bound, static (context, result) =>
        {
            Report(context, result.Diagnostics);
            if (result.Spec is { } spec)
            {
                Emit(context, spec);
            }
        });
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static void Emit(SourceProductionContext context, NetworkSpec spec)
    {
        try
        {
            string source = spec.IsSequence
                ? SequenceNetworkEmitter.Emit(SequencePlan.For(spec))
                : NetworkEmitter.Emit(NetworkPlan.For(spec));
            context.AddSource(spec.FullName + ".g.cs", source);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Never throw into the compiler: a planning or emitter bug becomes NETGEN009 and no source.
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.GeneratorFailure, Location.None, spec.ClassName, exception.Message));
        }
    }
}
