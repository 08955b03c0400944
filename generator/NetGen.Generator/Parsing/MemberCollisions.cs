using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Finds the user's members that take a name NetGen generates into the class (NETGEN033), for dense and sequence
/// networks alike. The names are collected while parsing (usually none) and checked once the kind of network is known.
/// </summary>
internal static class MemberCollisions
{
    /// <summary>The members of <paramref name="type"/>, in every part, that use a name NetGen may generate.</summary>
    public static EquatableArray<ReservedNameUse> Find(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var uses = new List<ReservedNameUse>();
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.IsImplicitlyDeclared || member is IMethodSymbol { MethodKind: not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation) })
            {
                continue;   // constructors, accessors, operators: never generated
            }

            string? name = IsReserved(member.Name) ? member.Name : ExplicitNetGenMember(member);
            if (name is not null)
            {
                uses.Add(new ReservedNameUse(name, LocationInfo.From(member.Locations.FirstOrDefault(l => l.IsInSource))));
            }
        }

        return new EquatableArray<ReservedNameUse>(uses);
    }

    /// <summary>
    /// NETGEN033 for each use that collides with a member of <paramref name="spec"/>'s generated class;
    /// <paramref name="trained"/>: the class gets trained parameters (a model file gives its weights).
    /// </summary>
    public static IEnumerable<DiagnosticInfo> Check(EquatableArray<ReservedNameUse> uses, NetworkSpec spec, bool trained)
    {
        foreach (ReservedNameUse use in uses)
        {
            if (GeneratedMembers.IsGenerated(use.Name, spec.IsSequence, trained))
            {
                string kind = use.Name == GeneratedMembers.TrainedParameters ? "network with trained parameters"
                    : spec.IsSequence ? "sequence network" : "dense network";
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.MemberCollidesWithGenerated, use.Location, spec.ClassName, use.Name, kind);
            }
        }
    }

    private static bool IsReserved(string name) =>
        GeneratedMembers.Dense.Contains(name) || GeneratedMembers.Sequence.Contains(name) || name == GeneratedMembers.TrainedParameters;

    /// <summary>The NetGen interface member a member implements explicitly (<c>int INetwork&lt;float&gt;.InputSize</c>), if any.</summary>
    private static string? ExplicitNetGenMember(ISymbol member)
    {
        ISymbol? implemented = member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.FirstOrDefault(),
            IPropertySymbol property => property.ExplicitInterfaceImplementations.FirstOrDefault(),
            IEventSymbol @event => @event.ExplicitInterfaceImplementations.FirstOrDefault(),
            _ => null,
        };
        return implemented?.ContainingNamespace?.ToDisplayString() == "NetGen" && IsReserved(implemented.Name) ? implemented.Name : null;
    }
}
