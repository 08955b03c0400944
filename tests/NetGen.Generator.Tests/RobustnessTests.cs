using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// Whatever the user has typed so far, the generator does not throw, does not add compiler errors of its own
/// and reports the contract's diagnostics where the contract defines one.
/// </summary>
public sealed class RobustnessTests
{
    private const string None = "";

    /// <summary>(case, source in namespace MyApp, expected NETGEN IDs or null when any, expected files or null).</summary>
    public static TheoryData<string, string, string?, int?> OddInputs() => new()
    {
        { "syntax error in the class body", "[Network(2, 3, 1)]\npublic partial class Net\n{\n    public void M(\n}", None, null },
        { "unfinished attribute", "[Network(2, 3\npublic partial class Net\n{\n}", null, null },
        { "named argument without value", "[Network(2, 3, 1, Hidden = )]\npublic partial class Net { }", null, null },
        { "class without a name", "[Network(2, 3, 1)]\npublic partial class\n{\n}", null, 0 },
        { "no arguments", "[Network]\npublic partial class Net { }", "NETGEN003", 0 },
        { "null array", "[Network(null)]\npublic partial class Net { }", "NETGEN003", 0 },
        { "empty array", "[Network(new int[0])]\npublic partial class Net { }", "NETGEN003", 0 },
        { "explicit array", "[Network(new[] { 2, 3, 1 })]\npublic partial class Net { }", None, 1 },
        { "explicit array with a zero", "[Network(new int[] { 2, 0, 1 })]\npublic partial class Net { }", "NETGEN004", 0 },
        { "non-constant argument", "[Network(2, Sizes.Hidden, 1)]\npublic partial class Net { }\npublic static class Sizes { public static int Hidden = 3; }", null, null },
        { "undefined name as argument", "[Network(2, Missing, 1)]\npublic partial class Net { }", null, null },
        { "string argument", "[Network(\"2\", 3)]\npublic partial class Net { }", null, null },
        { "enum from literal zero", "[Network(2, 3, 1, Hidden = 0)]\npublic partial class Net { }", None, 1 },
        { "enum from an int expression", "[Network(2, 3, 1, Output = (Activation)(1 + 1))]\npublic partial class Net { }", None, 1 },
        { "duplicate named argument", "[Network(2, 3, 1, Bias = true, Bias = false)]\npublic partial class Net { }", null, null },
        { "record class", "[Network(2, 3, 1)]\npublic partial record class Net;", null, null },
        { "struct", "[Network(2, 3, 1)]\npublic partial struct Net { }", null, null },
        { "interface", "[Network(2, 3, 1)]\npublic partial interface INet { }", null, null },
        { "attribute twice on one declaration", "[Network(2, 3, 1)]\n[Network(2, 2, 1)]\npublic partial class Net { }", null, null },
        { "attribute on two parts", "[Network(2, 3, 1)]\npublic partial class Net { }\n[Network(2, 2, 1)]\npublic partial class Net { }", null, null },
        { "a thousand layers", "[Network(" + string.Join(", ", Enumerable.Repeat(1, 1000)) + ")]\npublic partial class Net { }", "NETGEN005", 0 },
        { "file-local class", "[Network(2, 3, 1)]\nfile partial class Net { }", null, null },
        { "keyword as class name", "[Network(2, 3, 1)]\npublic partial class @class { }", None, 1 },
        { "non-ASCII class name", "[Network(2, 3, 1)]\npublic partial class Réseau { }", None, 1 },
        { "network deriving from a network", "[Network(2, 3, 1)]\npublic partial class Net { }\n[Network(2, 2, 1)]\npublic partial class Derived : Net { }", "NETGEN010", 1 },
        { "a different NetworkAttribute", "public sealed class NetworkAttribute : System.Attribute { public NetworkAttribute(params int[] sizes) { } }\n[Network(2, 0)]\npublic partial class Net { }", None, 0 },
        { "aliased attribute", "[NN(2, 3, 1)]\npublic partial class Net { }", None, 1 },
        { "null Activations", "[Network(2, 3, 1, Activations = null)]\npublic partial class Net { }", null, null },
        { "Activations of default values", "[Network(2, 3, 1, Activations = new Activation[] { default, default })]\npublic partial class Net { }", None, 1 },
        { "Activations without an array", "[Network(2, 3, 1, Activations = Activation.ReLU)]\npublic partial class Net { }", null, null },
        { "Activations with a non-constant entry", "[Network(2, 3, 1, Activations = new[] { Activation.ReLU, Pick.Output })]\npublic partial class Net { }\npublic static class Pick { public static Activation Output = Activation.Sigmoid; }", null, null },
        { "null ElementType", "[Network(2, 3, 1, ElementType = null)]\npublic partial class Net { }", null, null },
        { "undefined ElementType", "[Network(2, 3, 1, ElementType = typeof(Missing))]\npublic partial class Net { }", null, null },
        { "open generic ElementType", "[Network(2, 3, 1, ElementType = typeof(System.Collections.Generic.List<>))]\npublic partial class Net { }", "NETGEN016", 0 },
        { "ElementType as a string", "[Network(2, 3, 1, ElementType = \"double\")]\npublic partial class Net { }", null, null },
        { "Tau as a float literal", "[Network(2, 3, 1, Loss = Loss.Exponential, Tau = 0.25f)]\npublic partial class Net { }", None, 1 },
        { "Tau below the float range, float network", "[Network(2, 3, 1, Loss = Loss.Exponential, Tau = double.Epsilon)]\npublic partial class Net { }", "NETGEN014", 0 },
        { "Tau above the float range, float network", "[Network(2, 3, 1, Loss = Loss.Exponential, Tau = double.MaxValue)]\npublic partial class Net { }", "NETGEN014", 0 },
        { "LeakySlope above the float range, float network", "[Network(2, 3, 1, Hidden = Activation.LeakyReLU, LeakySlope = double.MaxValue)]\npublic partial class Net { }", "NETGEN017", 0 },
        { "Tau largest double, double network", "[Network(2, 3, 1, Loss = Loss.Exponential, Tau = double.MaxValue, ElementType = typeof(double))]\npublic partial class Net { }", None, 1 },
        { "LeakySlope negative zero", "[Network(2, 3, 1, Hidden = Activation.LeakyReLU, LeakySlope = -0.0)]\npublic partial class Net { }", null, null },
        { "Softmax output of size one", "[Network(2, 3, 1, Output = Activation.Softmax, Loss = Loss.CrossEntropy)]\npublic partial class Net { }", None, 1 },
        { "Hidden Softmax without hidden layers", "[Network(2, 3, Hidden = Activation.Softmax)]\npublic partial class Net { }", null, null },
        { "double network of a thousand inputs", "[Network(1000, 3, ElementType = typeof(double))]\npublic partial class Net { }", None, 1 },
        { "sequence: non-constant units", "[Network(1)]\n[Lstm(Sizes.Units)]\n[Dense(1)]\npublic partial class Net { }\npublic static class Sizes { public static int Units = 8; }", null, null },
        { "sequence: unfinished layer attribute", "[Network(1)]\n[Lstm(\npublic partial class Net { }", null, null },
        { "sequence: named argument without value", "[Network(1)]\n[Conv1D(4, KernelSize = )]\npublic partial class Net { }", null, null },
        { "sequence: largest kernel and dilation", "[Network(1)]\n[Conv1D(4, KernelSize = int.MaxValue, Dilation = int.MaxValue)]\npublic partial class Net { }", "NETGEN005", 0 },
        { "sequence: 64 layers", "[Network(1)]\n" + string.Concat(Enumerable.Repeat("[Dense(1)]\n", 64)) + "public partial class Net { }", None, 1 },
        { "sequence: 65 layers", "[Network(1)]\n" + string.Concat(Enumerable.Repeat("[Gru(1)]\n", 65)) + "public partial class Net { }", "NETGEN005", 0 },
        { "sequence: layers on two parts", "[Network(1)]\n[Lstm(4)]\npublic partial class Net { }\n[Dense(1)]\npublic partial class Net { }", None, 1 },
        { "sequence: layer attribute on a struct", "[Network(1)]\n[Gru(2)]\npublic partial struct Net { }", null, null },
        { "sequence: layer attribute on a static class", "[Network(1)]\n[Gru(2)]\npublic static partial class Net { }", "NETGEN007", 0 },
        { "sequence: a different LstmAttribute", "public sealed class LstmAttribute : System.Attribute { public LstmAttribute(int units) { } }\n[Network(2, 3, 1)]\n[Lstm(3)]\npublic partial class Net { }", None, 1 },
        { "sequence: undefined activation value", "[Network(1)]\n[Dense(1, Activation = (Activation)(-1))]\npublic partial class Net { }", "NETGEN006", 0 },
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public void OddInput_NoException_NoNewCompilerErrors_ContractDiagnostics(
        string description, string declarations, string? expectedIds, int? expectedFiles)
    {
        string source = "using NetGen;\nusing NN = NetGen.NetworkAttribute;\n\nnamespace MyApp;\n\n" + declarations + "\n";

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.True(run.Exception is null, $"{description}: the generator threw {run.Exception}");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "NETGEN009");
        if (expectedIds is not null)
        {
            string actualIds = string.Join(",", run.GeneratorDiagnostics.Select(d => d.Id).Distinct().Order());
            Assert.True(
                expectedIds == actualIds,
                $"{description}: expected [{expectedIds}], got:\n{GeneratorHarness.Describe(run.GeneratorDiagnostics)}");
        }

        List<Diagnostic> added = NewCompilerProblems(run);
        Assert.True(added.Count == 0, $"{description}: generated code added:\n{GeneratorHarness.Describe(added)}");

        if (expectedFiles is int files)
        {
            Assert.True(
                files == run.GeneratedSources.Length,
                $"{description}: expected {files} generated file(s), got [{string.Join(", ", run.GeneratedSources.Select(f => f.HintName))}]");
        }
    }

    /// <summary>
    /// Errors the output compilation has and the user's own compilation did not, plus any warning located in
    /// generated code (the user cannot fix those).
    /// </summary>
    private static List<Diagnostic> NewCompilerProblems(GeneratorRun run)
    {
        var before = run.InputCompilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(Key)
            .ToHashSet();
        var userTrees = run.InputCompilation.SyntaxTrees.ToHashSet();
        return run.OutputDiagnostics
            .Where(d => (d.Severity == DiagnosticSeverity.Error && !before.Contains(Key(d)))
                        || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && !userTrees.Contains(tree)))
            .ToList();
    }

    private static (string Id, string? Path, int Start, int Length) Key(Diagnostic d) =>
        (d.Id, d.Location.SourceTree?.FilePath, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);
}
