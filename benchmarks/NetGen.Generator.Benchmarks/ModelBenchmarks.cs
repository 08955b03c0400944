using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using NetGen.Generator.Tests;

namespace NetGen.Generator.Benchmarks;

/// <summary>
/// What a compiled model adds to a build, for the 784-128-10 network of the models-as-types goal (101,770 floats): the
/// generator's run and the compilation of what it generates (emitting the assembly in memory), for the network
/// declared by hand, declared with its weights from a state_dict (<c>Weights</c>), and read whole from an ONNX file
/// (<c>[NetworkModel]</c>, passed as NetGen's build step passes it). The differences from the declared network are what
/// the weights cost.
/// </summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private const string Declared = """
        using NetGen;

        namespace MyApp;

        [Network(784, 128, 10, Hidden = Activation.ReLU, Output = Activation.Softmax, Loss = Loss.CrossEntropy)]
        public partial class Mnist
        {
        }
        """;

    private static readonly string WithWeights = Declared.Replace("Loss = Loss.CrossEntropy)", "Loss = Loss.CrossEntropy, Weights = \"models/mnist.state.json\")");

    private const string FromOnnx = """
        using NetGen;

        namespace MyApp;

        [NetworkModel("models/mnist.onnx")]
        public partial class Mnist
        {
        }
        """;

    private CSharpCompilation _declared = null!, _withWeights = null!, _fromOnnx = null!;
    private EncodedModelFiles _onnx = null!;
    private AdditionalText _stateDict = null!;

    /// <summary>Parameter k of the model, in file order: small values of every sign and exponent.</summary>
    private static float Value(int k) => (float)Math.Sin(k * 0.618) * 0.05f;

    [GlobalSetup]
    public void Setup()
    {
        _declared = UserCode.CreateCompilation(UserCode.Parse(Declared, UserCode.NetworkPath));
        _withWeights = UserCode.CreateCompilation(UserCode.Parse(WithWeights, UserCode.NetworkPath));
        _fromOnnx = UserCode.CreateCompilation(UserCode.Parse(FromOnnx, UserCode.NetworkPath));
        _onnx = EncodedModelFiles.Of([("/p/models/mnist.onnx", OnnxGraphs.Dense([784, 128, 10], ["Relu", "Softmax"], Value))]);
        _stateDict = new InMemoryAdditionalText("/p/models/mnist.state.json", StateDict());

        // Every variant generates one file without a diagnostic, and it compiles.
        foreach (Func<EmitResult> run in new Func<EmitResult>[] { DeclaredNetwork, StateDictWeights, OnnxModel })
        {
            EmitResult result = run();
            if (!result.Success)
            {
                throw new InvalidOperationException(
                    "A variant does not compile: " + string.Join(Environment.NewLine, result.Diagnostics.Take(5)));
            }
        }
    }

    /// <summary>The network declared by hand: generate, then compile the assembly.</summary>
    [Benchmark(Baseline = true)]
    public EmitResult DeclaredNetwork() => GenerateAndEmit(_declared, UserCode.CreateDriver(trackSteps: false));

    /// <summary>Declared, with <c>Weights = "models/mnist.state.json"</c>.</summary>
    [Benchmark]
    public EmitResult StateDictWeights() =>
        GenerateAndEmit(_withWeights, UserCode.CreateDriver(trackSteps: false).AddAdditionalTexts([_stateDict]));

    /// <summary><c>[NetworkModel("models/mnist.onnx")]</c>.</summary>
    [Benchmark]
    public EmitResult OnnxModel() =>
        GenerateAndEmit(_fromOnnx, UserCode.CreateDriver(trackSteps: false).AddAdditionalTexts(_onnx.Texts).WithUpdatedAnalyzerConfigOptions(_onnx));

    private static EmitResult GenerateAndEmit(CSharpCompilation compilation, GeneratorDriver driver)
    {
        driver.RunGeneratorsAndUpdateCompilation(compilation.Clone(), out Compilation generated, out var diagnostics);
        if (!diagnostics.IsEmpty || generated.SyntaxTrees.Count() != 2)
        {
            throw new InvalidOperationException("The generator reported: " + string.Join(Environment.NewLine, diagnostics));
        }

        using var assembly = new MemoryStream();
        return generated.Emit(assembly);
    }

    /// <summary>The same values as a PyTorch state_dict of nn.Linear layers ([out][in] weights), written as JSON.</summary>
    private static string StateDict()
    {
        var json = new StringBuilder("{");
        int k = 0;
        int[] sizes = [784, 128, 10];
        for (int l = 0; l < 2; l++)
        {
            json.Append(l == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"\"{2 * l}.weight\": [");
            for (int o = 0; o < sizes[l + 1]; o++)
            {
                json.Append(o == 0 ? "[" : ", [");
                json.AppendJoin(", ", Enumerable.Range(0, sizes[l]).Select(_ => Value(k++).ToString("R", CultureInfo.InvariantCulture)));
                json.Append(']');
            }

            json.Append(CultureInfo.InvariantCulture, $"], \"{2 * l}.bias\": [");
            json.AppendJoin(", ", Enumerable.Range(0, sizes[l + 1]).Select(_ => Value(k++).ToString("R", CultureInfo.InvariantCulture)));
            json.Append(']');
        }

        return json.Append('}').ToString();
    }
}
