using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Parsing;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// The names NetGen reserves in a network class (<see cref="GeneratedMembers"/>, which NETGEN033 checks user members
/// against) are exactly the members the generator writes into the user's class, for dense and sequence networks.
/// </summary>
public sealed class GeneratedMembersTests
{
    [Fact]
    public void DenseNames_AreExactlyWhatDenseClassesReceive() =>
        Assert.Equal(
            GeneratedMembers.Dense.OrderBy(n => n, System.StringComparer.Ordinal),
            Scenarios.All.SelectMany(MembersOf).Distinct().OrderBy(n => n, System.StringComparer.Ordinal));

    [Fact]
    public void SequenceNames_AreExactlyWhatSequenceClassesReceive() =>
        Assert.Equal(
            GeneratedMembers.Sequence.OrderBy(n => n, System.StringComparer.Ordinal),
            SequenceScenarios.All.SelectMany(MembersOf).Distinct().OrderBy(n => n, System.StringComparer.Ordinal));

    [Fact]
    public void TrainedClasses_ReceiveTrainedParametersBesides()
    {
        var scenario = new Scenario(
            "Weights", "using NetGen;\n\nnamespace MyApp;\n\n[Network(2, 2, 1, Weights = \"tiny.json\")]\npublic partial class Tiny { }\n",
            "MyApp.Tiny.g.cs", "global::MyApp.Tiny");
        const string tiny = """{"0.weight": [[1.0, -2.0], [0.5, 3.0]], "0.bias": [0.25, -1.0], "2.weight": [[2.0, -1.0]], "2.bias": [0.5]}""";

        string[] members = MembersOf(scenario, [new InMemoryAdditionalText("/p/tiny.json", tiny)]).ToArray();

        Assert.Equal([GeneratedMembers.TrainedParameters], members.Except(GeneratedMembers.Dense));
    }

    /// <summary>The members the generated file declares in the user's class (explicit interface implementations aside).</summary>
    private static IEnumerable<string> MembersOf(Scenario scenario) => MembersOf(scenario, []);

    private static IEnumerable<string> MembersOf(Scenario scenario, AdditionalText[] files)
    {
        GeneratorRun run = GeneratorHarness.RunWithFiles(files, scenario.UserSource);
        string className = scenario.FullyQualifiedName.Replace("global::", "").Split('.').Last();
        SyntaxTree tree = CSharpSyntaxTree.ParseText(Assert.Single(run.GeneratedSources).Text);
        TypeDeclarationSyntax userClass = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
            .First(c => c.Identifier.Text == className && c.Modifiers.Any(SyntaxKind.PartialKeyword));
        foreach (MemberDeclarationSyntax member in userClass.Members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method:
                    yield return method.Identifier.Text;
                    break;
                case PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null } property:
                    yield return property.Identifier.Text;
                    break;
                case FieldDeclarationSyntax field:
                    foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                    {
                        yield return variable.Identifier.Text;
                    }

                    break;
                case BaseTypeDeclarationSyntax type:
                    yield return type.Identifier.Text;
                    break;
            }
        }
    }
}
