extern alias NetGenRuntime;

using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Benchmarks;

/// <summary>The user project of the benchmarks: network (d) in one file, ordinary code in another.</summary>
internal static class UserCode
{
    public const string NetworkPath = "Mnist.cs";
    public const string OtherPath = "Counter.cs";

    /// <summary>(d) 784-128-10, ReLU hidden layer, identity output, squared error, biases.</summary>
    public const string Network = """
        using NetGen;

        namespace MyApp;

        [Network(784, 128, 10, Hidden = Activation.ReLU, Output = Activation.Identity, Loss = Loss.SquaredError, Bias = true)]
        public partial class Mnist
        {
        }
        """;

    /// <summary>(d) with the biases turned off: a different network, so it is emitted again.</summary>
    public static readonly string NetworkWithoutBias = Network.Replace("Bias = true", "Bias = false");

    /// <summary>A file without networks; <see cref="OtherEdited"/> changes a method body.</summary>
    public const string Other = """
        namespace MyApp;

        public class Counter
        {
            private int _count;

            public int Next()
            {
                _count += 1;
                return _count;
            }
        }
        """;

    public static readonly string OtherEdited = Other.Replace("_count += 1;", "_count += 2;");

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(NetGenRuntime::NetGen.NetworkAttribute).Assembly.Location),
    ];

    public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    public static CSharpCompilation CreateCompilation(params SyntaxTree[] trees) =>
        CSharpCompilation.Create(
            "UserAssembly",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver with <see cref="NetworkGenerator"/>; <paramref name="trackSteps"/> records each step's run reason.</summary>
    public static GeneratorDriver CreateDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [new NetworkGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    /// <summary>The single generator's result of the driver's last run.</summary>
    public static GeneratorRunResult LastRun(GeneratorDriver driver) => driver.GetRunResult().Results.Single();
}
