extern alias NetGenRuntime;

using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis.Emit;
using NetGenRuntime::NetGen;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// A model trained in PyTorch (the committed digits.onnx of tests/NetGen.Tests/Models/Fixtures, written by its
/// make_fixtures.py) compiled in memory by the generator, loaded, and run on the inputs PyTorch recorded.
/// </summary>
public sealed class CompiledInMemoryTests
{
    [Fact]
    public void PyTorchDigitsModel_CompiledInMemory_ComputesPyTorchsProbabilities()
    {
        string fixtures = Path.Combine(DescriptorTests.RepositoryRoot(), "tests", "NetGen.Tests", "Models", "Fixtures");
        byte[] model = File.ReadAllBytes(Path.Combine(fixtures, "digits.onnx"));
        JsonElement digits = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixtures, "dense-outputs.json"))).RootElement.GetProperty("digits");
        GeneratorRun run = GeneratorHarness.RunWithModelFiles(
            [("/p/models/digits.onnx", model)],
            "using NetGen;\n\nnamespace MyApp;\n\n[NetworkModel(\"models/digits.onnx\")]\npublic partial class Digits { }\n");
        CompileTests.AssertCompilesCleanly(run, expectedFiles: 1);

        var context = new AssemblyLoadContext("NetGen.CompiledInMemoryTests", isCollectible: true);
        try
        {
            using var image = new MemoryStream();
            EmitResult emit = GeneratorHarness.Emit(run.OutputCompilation, image);
            Assert.True(emit.Success, GeneratorHarness.Describe(emit.Diagnostics));
            image.Position = 0;
            Type type = context.LoadFromStream(image).GetType("MyApp.Digits", throwOnError: true)!;
            var network = (INetwork<float>)Activator.CreateInstance(type)!;
            Assert.Equal([64, 32, 10], network.LayerSizes.ToArray());

            double[][] inputs = Rows(digits.GetProperty("inputs"));
            double[][] expected = Rows(digits.GetProperty("outputs"));
            var y = new float[10];
            for (int s = 0; s < inputs.Length; s++)
            {
                network.Forward(inputs[s].Select(v => (float)v).ToArray(), y);
                for (int j = 0; j < 10; j++)
                {
                    Assert.True(Math.Abs(expected[s][j] - y[j]) <= 1e-6, $"sample {s}, class {j}: PyTorch {expected[s][j]:R}, NetGen {y[j]:R}");
                }

                Assert.Equal(Array.IndexOf(expected[s], expected[s].Max()), Array.IndexOf(y, y.Max()));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static double[][] Rows(JsonElement matrix) =>
        matrix.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
}
