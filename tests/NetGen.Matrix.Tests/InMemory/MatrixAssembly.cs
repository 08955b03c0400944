extern alias NetGenGenerator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using NetGenGenerator::NetGen.Generator;
using NetGen.Matrix.Tests.Networks;

namespace NetGen.Matrix.Tests.InMemory;

/// <summary>
/// Runs <see cref="NetworkGenerator"/> over <see cref="MatrixSource"/>, compiles the result in Release against the
/// .NET 10 reference assemblies and NetGen, and loads it into the default load context (where NetGen is already
/// loaded, so the generated classes implement the same <see cref="INetwork{T}"/> the tests use). Once per test run.
/// </summary>
internal static class MatrixAssembly
{
    private static readonly Lazy<Assembly> Loaded = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How long generating, compiling and loading took.</summary>
    public static TimeSpan CompileTime { get; private set; }

    public static Assembly Assembly => Loaded.Value;

    public static object CreateInstance(MatrixSpec spec)
    {
        Type type = Assembly.GetType($"{MatrixSource.Namespace}.{spec.ClassName}", throwOnError: true)!;
        return Activator.CreateInstance(type)!;
    }

    private static Assembly Compile()
    {
        var clock = Stopwatch.StartNew();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree tree = CSharpSyntaxTree.ParseText(MatrixSource.Build(), parseOptions, "Matrix.cs");
        ImmutableArray<MetadataReference> references =
        [
            .. Basic.Reference.Assemblies.Net100.References.All,
            MetadataReference.CreateFromFile(typeof(NetworkAttribute).Assembly.Location),
        ];
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999);
        CSharpCompilation input = CSharpCompilation.Create("NetGen.Matrix.Generated", [tree], references, options);

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new NetworkGenerator().AsSourceGenerator()], parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        var problems = new List<Diagnostic>();
        if (run.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw.", run.Exception);
        }

        problems.AddRange(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        int expectedFiles = MatrixSource.Specs.Count();
        if (run.GeneratedSources.Length != expectedFiles)
        {
            throw new InvalidOperationException(
                $"Expected {expectedFiles} generated files, got {run.GeneratedSources.Length}.{Environment.NewLine}{Describe(problems)}");
        }

        using var image = new MemoryStream();
        EmitResult emit = output.Emit(image);
        problems.AddRange(emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        if (problems.Count > 0 || !emit.Success)
        {
            throw new InvalidOperationException(
                $"The generated matrix does not compile cleanly:{Environment.NewLine}{Describe(problems)}");
        }

        image.Position = 0;
        Assembly assembly = AssemblyLoadContext.Default.LoadFromStream(image);
        CompileTime = clock.Elapsed;
        return assembly;
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Take(50).Select(d => d.ToString()));
}
