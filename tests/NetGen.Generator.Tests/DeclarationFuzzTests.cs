using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests;

/// <summary>
/// Declarations written as a careless or hostile user might: random sizes (zero, negative, huge), activations, losses,
/// element types, options, layer attributes in any order, members named like generated ones. For every one, the
/// generator never throws or fails unexpectedly (NETGEN009); it reports NETGEN errors, or generates code that compiles
/// without a warning. Deterministic (fixed seed); <c>NETGEN_FUZZ_CASES</c> sets the number for a longer run.
/// </summary>
public sealed class DeclarationFuzzTests(ITestOutputHelper output)
{
    private static readonly int Cases =
        int.TryParse(Environment.GetEnvironmentVariable("NETGEN_FUZZ_CASES"), out int cases) && cases > 0 ? cases : 300;

    private static readonly string[] Activations = Enum.GetNames<Activation>().Select(a => "Activation." + a).Append("(Activation)42").ToArray();
    private static readonly string[] Losses = Enum.GetNames<Loss>().Select(l => "Loss." + l).Append("(Loss)-1").ToArray();
    private static readonly string[] Types = ["typeof(float)", "typeof(double)", "typeof(int)", "typeof(decimal)"];
    private static readonly string[] Members =
        ["public int Parameters;", "public void Forward() { }", "public void Step(int x) { }", "public int _state;", "public int Other;", ""];

    [Fact]
    public void RandomDeclarations_GiveDiagnosticsOrCleanCode_NeverAGeneratorFailure()
    {
        var random = new Random(1611);
        int generated = 0, refused = 0;
        for (int i = 0; i < Cases; i++)
        {
            string source = Declaration(random);
            GeneratorRun run = GeneratorHarness.Run(source);

            Assert.True(run.Exception is null, $"case {i}: the generator threw {run.Exception}\n{source}");
            Diagnostic[] netgen = run.GeneratorDiagnostics.ToArray();
            Assert.True(netgen.All(d => d.Id.StartsWith("NETGEN", StringComparison.Ordinal) && d.Id != "NETGEN009"),
                $"case {i}: {GeneratorHarness.Describe(netgen)}\n{source}");
            if (run.GeneratedSources.IsEmpty)
            {
                refused++;
                continue;
            }

            generated++;
            Diagnostic[] compiler = run.OutputDiagnosticsAtLeast(DiagnosticSeverity.Warning)
                .Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true || netgen.Length == 0)
                .ToArray();
            Assert.True(compiler.Length == 0, $"case {i}: the generated code does not compile cleanly: {GeneratorHarness.Describe(compiler)}\n{source}");
        }

        output.WriteLine($"{Cases} declarations: {generated} generated, {refused} refused with NETGEN errors");
        Assert.True(generated > 0 && refused > 0, "The declarations were all valid or all invalid: the fuzz did not explore.");
    }

    private static string Declaration(Random random)
    {
        var text = new StringBuilder("using NetGen;\n\nnamespace MyApp;\n\n");
        bool sequence = random.Next(3) == 0;
        var options = new List<string>();
        if (random.Next(3) == 0)
        {
            options.Add("ElementType = " + Pick(random, Types));
        }

        if (random.Next(3) == 0)
        {
            options.Add("Loss = " + Pick(random, Losses));
        }

        if (random.Next(4) == 0)
        {
            options.Add("Bias = " + (random.Next(2) == 0 ? "true" : "false"));
        }

        if (random.Next(5) == 0)
        {
            options.Add("LeakySlope = " + Size(random).ToString(CultureInfo.InvariantCulture) + ".5");
        }

        if (sequence)
        {
            text.Append("[Network(").Append(Size(random)).Append(options.Count > 0 ? ", " + string.Join(", ", options) : "").Append(")]\n");
            for (int l = random.Next(0, 5); l > 0; l--)
            {
                text.Append(random.Next(4) switch
                {
                    0 => $"[Lstm({Size(random)})]\n",
                    1 => $"[Gru({Size(random)})]\n",
                    2 => $"[Conv1D({Size(random)}, KernelSize = {Size(random)}, Dilation = {Size(random)}, Activation = {Pick(random, Activations)})]\n",
                    _ => $"[Dense({Size(random)}, Activation = {Pick(random, Activations)})]\n",
                });
            }
        }
        else
        {
            if (random.Next(2) == 0)
            {
                options.Add("Hidden = " + Pick(random, Activations));
                options.Add("Output = " + Pick(random, Activations));
            }

            string sizes = string.Join(", ", Enumerable.Range(0, random.Next(1, 5)).Select(_ => Size(random)));
            text.Append("[Network(").Append(sizes).Append(options.Count > 0 ? ", " + string.Join(", ", options) : "").Append(")]\n");
        }

        text.Append("public partial class Net\n{\n    ").Append(Pick(random, Members)).Append("\n}\n");
        return text.ToString();
    }

    /// <summary>Mostly small sizes, sometimes 0, negative or beyond every limit.</summary>
    private static int Size(Random random) => random.Next(10) switch
    {
        0 => 0,
        1 => -random.Next(1, 5),
        2 => random.Next(70_000, 3_000_000),
        _ => random.Next(1, 9),
    };

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
