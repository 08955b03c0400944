using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// The values flowing out of the Parse and Specs steps are plain, structurally equatable data: no Roslyn
/// objects, and equal whenever the declarations are equal.
/// </summary>
public sealed class ModelPurityTests
{
    /// <summary>Valid networks of every shape plus invalid ones, so models carrying diagnostics are walked too.</summary>
    private static readonly string[] Sources =
    [
        .. Scenarios.All.Select(s => s.UserSource.Replace("namespace MyApp;", $"namespace MyApp.{s.Name};")),
        """
        using NetGen;

        namespace Invalid;

        [Network(2, 3, 1)]
        public class NotPartial { }

        [Network(2, 0, -1)]
        public partial class BadSizes { }

        [Network(2, 3, 1, Hidden = (Activation)42)]
        public partial class BadEnum { }

        [Network(2)]
        public partial class TooFewSizes { }

        [Network(2, 3, 1)]
        public partial class Generic<T> { }

        [Network(2, 3, 1, Hidden = Activation.Softmax, Output = Activation.Identity, Loss = Loss.Hellinger, Tau = 0, LeakySlope = -1, ElementType = typeof(int))]
        public partial class ManyMistakes { }

        [Network(2, 3, 1, Activations = new[] { Activation.ReLU }, Output = Activation.Sigmoid, Loss = Loss.CrossEntropy)]
        public partial class BadActivations { }

        [Network(2, 3, 1, Activations = new[] { Activation.ReLU, (Activation)42 })]
        public partial class BadEnumInActivations { }
        """,
    ];

    [Fact]
    public void ParseAndSpecsOutputs_HoldNoRoslynObjects()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources);
        Assert.Null(run.Exception);

        foreach (string step in StepOutputs.ModelSteps)
        {
            ImmutableArray<(object Value, IncrementalStepRunReason Reason)> outputs = StepOutputs.Of(run, step);
            Assert.True(outputs.Length >= Scenarios.All.Count, $"Step '{step}' has too few outputs:\n{StepOutputs.Describe(outputs)}");

            IReadOnlyList<string> found = outputs
                .SelectMany((output, i) => RoslynObjectFinder.Find(output.Value, $"{step}[{i}]"))
                .ToList();
            Assert.True(found.Count == 0, "Roslyn objects in the pipeline model:\n" + string.Join("\n", found));
        }
    }

    [Fact]
    public void ParseAndSpecsOutputs_FromIndependentCompilations_AreEqual()
    {
        // Two parses of the same text share no object: equality must be structural (arrays included).
        GeneratorRun first = GeneratorHarness.Run(Sources);
        GeneratorRun second = GeneratorHarness.Run(Sources);

        foreach (string step in StepOutputs.ModelSteps)
        {
            object[] a = StepOutputs.Of(first, step).Select(o => o.Value).ToArray();
            object[] b = StepOutputs.Of(second, step).Select(o => o.Value).ToArray();
            Assert.Equal(a.Length, b.Length);
            for (int i = 0; i < a.Length; i++)
            {
                Assert.False(ReferenceEquals(a[i], b[i]), $"{step}[{i}] is the same instance; the check would be vacuous.");
                Assert.True(a[i].Equals(b[i]), $"{step}[{i}] is not structurally equal across runs: {a[i]}");
                Assert.Equal(a[i].GetHashCode(), b[i].GetHashCode());
            }
        }
    }

    // The finder itself must be able to fail.

    private sealed record HoldsLocation(string Name, Location Where);

    private sealed record HoldsObjects(int Count, object?[] Items);

    private readonly record struct HoldsToken(SyntaxToken Token);

    private sealed class Node
    {
        public Node? Next { get; set; }

        public ImmutableArray<string> Names { get; set; } = ["a", "b"];
    }

    [Fact]
    public void Finder_DetectsALocationInARecord()
    {
        IReadOnlyList<string> found = RoslynObjectFinder.Find(new HoldsLocation("x", Location.None), "model");

        string hit = Assert.Single(found);
        Assert.Contains("Where", hit);
    }

    [Fact]
    public void Finder_DetectsRoslynObjectsDeepInArraysCollectionsStructsAndClosures()
    {
        Compilation compilation = GeneratorHarness.CreateCompilation("public class C { }");
        INamedTypeSymbol symbol = compilation.GetTypeByMetadataName("C")!;
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        Func<int> closure = () => tree.Length;

        var model = new HoldsObjects(3, [
            1,
            "text",
            new List<object> { new HoldsObjects(0, [symbol]) },
            new HoldsToken(tree.GetRoot().GetFirstToken()),
            closure,
        ]);

        IReadOnlyList<string> found = RoslynObjectFinder.Find(model, "model");

        Assert.Equal(3, found.Count);
        Assert.Contains(found, f => f.Contains("ISymbol"));
        Assert.Contains(found, f => f.Contains("SyntaxToken"));
        Assert.Contains(found, f => f.Contains("SyntaxTree") && f.Contains(".Target"));
    }

    [Fact]
    public void Finder_AcceptsPlainDataAndTerminatesOnCycles()
    {
        var node = new Node();
        node.Next = new Node { Next = node };

        Assert.Empty(RoslynObjectFinder.Find(node, "model"));
        Assert.Empty(RoslynObjectFinder.Find(new HoldsObjects(2, [ImmutableArray.Create(1, 2), "x", null]), "model"));
    }
}
