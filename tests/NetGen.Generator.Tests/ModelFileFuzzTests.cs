using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using NetGen.Onnx.Messages;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests;

/// <summary>
/// Compile-time model files are untrusted compiler input. Valid ONNX and JSON models, mutated as an attacker would
/// (truncations, bit flips, random bytes, dimensions in the billions, length claims far past the end, cycles, thousands
/// of nodes, deep nesting), never make the generator throw or fail unexpectedly: each gives NETGEN errors at the path
/// argument, or a class that compiles. Deterministic (fixed seeds); <c>NETGEN_FUZZ_CASES</c> sets the number of
/// random mutations per seed model for a longer run (docs/models.md).
/// </summary>
public sealed class ModelFileFuzzTests(ITestOutputHelper output)
{
    /// <summary>What a hostile model file may give: unreadable, not supported, too large, not finite.</summary>
    private static readonly string[] Allowed = ["NETGEN005", "NETGEN028", "NETGEN029", "NETGEN030", "NETGEN031"];

    private static readonly int CasesPerSeed =
        int.TryParse(Environment.GetEnvironmentVariable("NETGEN_FUZZ_CASES"), out int cases) && cases > 0 ? cases : 60;

    [Fact]
    public void MutatedOnnxModels_GiveDiagnosticsAtThePath_OrCompilingClasses()
    {
        var seeds = new Dictionary<string, byte[]>
        {
            ["dense"] = OnnxGraphs.Dense([3, 4, 2], ["Tanh", "Softmax"], k => (k % 7) * 0.125f - 0.25f),
            ["gru"] = Fixture("Sequence", "gru.onnx"),
            ["tcn"] = Fixture("Sequence", "tcn.onnx"),
            ["lstm2"] = Fixture("Sequence", "lstm2.onnx"),
        };
        int count = 0;
        var random = new Random(2026);
        foreach ((string name, byte[] seed) in seeds)
        {
            foreach (byte[] mutant in ByteMutations(seed, random, CasesPerSeed).Concat(StructuralMutations(seed)))
            {
                AssertHandled($"{name} #{count++}", mutant, json: null);
            }
        }

        output.WriteLine($"{count} mutated ONNX models");
    }

    [Fact]
    public void MutatedJsonModels_GiveDiagnosticsAtThePath_OrCompilingClasses()
    {
        string rtneural = File.ReadAllText(Path.Combine(Root(), "tests", "NetGen.Tests", "Sequence", "Fixtures", "stack.rtneural.json"));
        int count = 0;
        var random = new Random(2027);
        foreach (byte[] mutant in ByteMutations(Encoding.UTF8.GetBytes(rtneural), random, 4 * CasesPerSeed).Concat(JsonMutations(rtneural)))
        {
            AssertHandled($"rtneural #{count++}", mutant, json: true);
        }

        output.WriteLine($"{count} mutated RTNeural models");
    }

    private static IEnumerable<byte[]> ByteMutations(byte[] seed, Random random, int count) =>
        Enumerable.Range(0, count).Select(i => NetGen.Tests.Shared.ByteMutator.Mutate(seed, random, i));

    private static IEnumerable<byte[]> StructuralMutations(byte[] seed)
    {
        // Dimensions in the billions, negative and zero, in every initializer.
        foreach (long dim in new[] { 2_000_000_000L, long.MaxValue, -1L, 0L })
        {
            yield return OnnxGraphs.Edit(seed, model =>
            {
                foreach (TensorProto tensor in model.Graph!.Initializers)
                {
                    if (tensor.Dims.Count > 0)
                    {
                        tensor.Dims[tensor.Dims.Count - 1] = dim;
                    }
                }
            });
        }

        // A cycle: every node also reads its own output, and the first reads the last one's.
        yield return OnnxGraphs.Edit(seed, model =>
        {
            List<NodeProto> nodes = model.Graph!.Nodes;
            foreach (NodeProto node in nodes.Where(n => n.Outputs.Count > 0 && n.Inputs.Count > 0))
            {
                node.Inputs[0] = node.Outputs[0];
            }
        });
        yield return OnnxGraphs.Edit(seed, model =>
        {
            List<NodeProto> nodes = model.Graph!.Nodes;
            if (nodes.Count > 1 && nodes[^1].Outputs.Count > 0 && nodes[0].Inputs.Count > 0)
            {
                nodes[0].Inputs[0] = nodes[^1].Outputs[0];
            }
        });

        // Thousands of nodes: 5,000 Identity nodes chained after the output, and 5,000 unconnected ones.
        yield return OnnxGraphs.Edit(seed, model =>
        {
            GraphProto graph = model.Graph!;
            string last = graph.Outputs[0].Name;
            for (int i = 0; i < 5000; i++)
            {
                var node = new NodeProto { Name = $"id{i}", OpType = "Identity" };
                node.Inputs.Add(last);
                node.Outputs.Add(last = $"chain{i}");
                graph.Nodes.Add(node);
            }

            graph.Outputs[0].Name = last;
        });
        yield return OnnxGraphs.Edit(seed, model =>
        {
            for (int i = 0; i < 5000; i++)
            {
                var node = new NodeProto { Name = $"loose{i}", OpType = "Relu" };
                node.Inputs.Add($"nowhere{i}");
                node.Outputs.Add($"loose{i}");
                model.Graph!.Nodes.Add(node);
            }
        });

        // No inputs and outputs on every node; no graph at all.
        yield return OnnxGraphs.Edit(seed, model =>
        {
            foreach (NodeProto node in model.Graph!.Nodes)
            {
                node.Inputs.Clear();
                node.Outputs.Clear();
            }
        });
        yield return OnnxGraphs.Edit(seed, model => model.Graph = null);

        // A length field claiming a gigabyte: a graph field (7) whose declared length runs far past the end.
        yield return [0x3A, 0x80, 0x80, 0x80, 0x80, 0x04, .. seed];
    }

    private static IEnumerable<byte[]> JsonMutations(string seed)
    {
        yield return Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000));
        yield return Encoding.UTF8.GetBytes(seed.Replace("[null, null, 4]", "[null, null, 2000000000]"));
        yield return Encoding.UTF8.GetBytes(seed.Replace("0.", "1e400"));
        yield return Encoding.UTF8.GetBytes(seed.Replace("\"layers\"", "\"layers\": [], \"layers\""));
        yield return Encoding.UTF8.GetBytes("{\"in_shape\": [null, null, 1], \"layers\": [" +
            string.Join(", ", Enumerable.Repeat("{\"type\": \"activation\", \"activation\": \"tanh\"}", 5000)) + "]}");
        yield return [0xEF, 0xBB, 0xBF, 0xFF, 0xFE];
    }

    /// <summary>The generator neither throws nor fails: NETGEN errors at the path, or nothing and a compiling class.</summary>
    private static void AssertHandled(string name, byte[] model, bool? json)
    {
        string source = "using NetGen;\n\nnamespace MyApp;\n\n[NetworkModel(\"models/m." + (json == true ? "json" : "onnx") + "\")]\npublic partial class M { }\n";
        GeneratorRun run = json == true
            ? GeneratorHarness.RunWithFiles([new InMemoryAdditionalText("/p/models/m.json", Encoding.UTF8.GetString(model))], source)
            : GeneratorHarness.RunWithModelFiles([("/p/models/m.onnx", model)], source);

        Assert.True(run.Exception is null, $"{name}: the generator threw {run.Exception}");
        int pathStart = source.IndexOf("\"models/", StringComparison.Ordinal);
        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics)
        {
            Assert.True(Allowed.Contains(diagnostic.Id), $"{name}: {diagnostic}");
            Assert.Equal(pathStart, diagnostic.Location.SourceSpan.Start);
        }

        if (run.GeneratorDiagnostics.IsEmpty)
        {
            Diagnostic[] errors = run.OutputDiagnosticsAtLeast(DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, $"{name}: the generated class does not compile: {GeneratorHarness.Describe(errors)}");
        }
        else
        {
            Assert.Empty(run.GeneratedSources);
        }
    }

    private static byte[] Fixture(string folder, string name) =>
        File.ReadAllBytes(Path.Combine(Root(), "tests", "NetGen.Tests", folder, "Fixtures", name));

    private static string Root() => DescriptorTests.RepositoryRoot();
}
