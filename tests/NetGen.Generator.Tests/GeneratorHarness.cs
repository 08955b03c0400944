extern alias NetGenRuntime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// Runs <see cref="NetworkGenerator"/> in memory over user source, the way the compiler would: against the
/// .NET 10 reference assemblies plus the NetGen runtime library, nothing the test process happens to load.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>Parse options of a typical user project: latest language version, documentation comments parsed.</summary>
    public static readonly CSharpParseOptions DefaultParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(NetGenRuntime::NetGen.NetworkAttribute).Assembly.Location),
    ];

    /// <summary>A user library: each source becomes <c>Source{i}.cs</c>.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CreateCompilation(sources, DefaultParseOptions, NullableContextOptions.Enable);

    public static CSharpCompilation CreateCompilation(
        IEnumerable<string> sources, CSharpParseOptions parseOptions, NullableContextOptions nullable)
    {
        IEnumerable<SyntaxTree> trees = sources.Select((text, i) => ParseSource(text, SourcePath(i), parseOptions));
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: nullable,
            allowUnsafe: false,
            // Report every warning wave, as a project on the newest analysis level does.
            warningLevel: 9999);
        return CSharpCompilation.Create("UserAssembly", trees, References, options);
    }

    /// <summary>The file path given to the i-th user source.</summary>
    public static string SourcePath(int index) => $"Source{index}.cs";

    public static SyntaxTree ParseSource(string text, string path, CSharpParseOptions? parseOptions = null) =>
        CSharpSyntaxTree.ParseText(text, parseOptions ?? DefaultParseOptions, path);

    /// <summary>A driver that records every named step, so tests can read how each output was produced.</summary>
    public static GeneratorDriver CreateDriver(
        CSharpParseOptions? parseOptions = null,
        IEnumerable<AdditionalText>? additionalFiles = null,
        Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider? options = null) =>
        CSharpGeneratorDriver.Create(
            [new NetworkGenerator().AsSourceGenerator()],
            additionalTexts: additionalFiles,
            parseOptions: parseOptions ?? DefaultParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(
                IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation(sources));

    /// <summary>Runs the generator over <paramref name="sources"/> with the project's additional files.</summary>
    public static GeneratorRun RunWithFiles(IEnumerable<AdditionalText> files, params string[] sources)
    {
        CSharpCompilation compilation = CreateCompilation(sources);
        return Run(compilation, CreateDriver(DefaultParseOptions, files));
    }

    /// <summary>
    /// Runs the generator with binary model files passed as NetGen's build step passes them: each as base64 text
    /// whose NetGenModelSource metadata is the model file's path.
    /// </summary>
    public static GeneratorRun RunWithModelFiles(IEnumerable<(string Path, byte[] Bytes)> models, params string[] sources) =>
        RunWithModelFiles(EncodedModelFiles.Of(models), sources);

    public static GeneratorRun RunWithModelFiles(EncodedModelFiles encoded, params string[] sources) =>
        Run(CreateCompilation(sources), CreateDriver(DefaultParseOptions, encoded.Texts, encoded));

    /// <summary>Runs the generator once; pass the driver of a previous run to run incrementally.</summary>
    public static GeneratorRun Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver ??= CreateDriver((CSharpParseOptions?)compilation.SyntaxTrees.FirstOrDefault()?.Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(compilation, output, driver, result);
    }

    /// <summary>Emits <paramref name="compilation"/> to memory; the result says whether it compiled.</summary>
    public static EmitResult Emit(Compilation compilation, Stream? peStream = null)
    {
        using var scratch = new MemoryStream();
        return compilation.Emit(peStream ?? scratch);
    }

    /// <summary>One diagnostic per line, as the compiler prints them; "(none)" when empty.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        string text = string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
        return text.Length == 0 ? "(none)" : text;
    }
}

/// <summary>A generated file: its hint name and its text.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>Everything one generator run produced.</summary>
internal sealed class GeneratorRun
{
    private ImmutableArray<Diagnostic>? outputDiagnostics;

    public GeneratorRun(Compilation input, Compilation output, GeneratorDriver driver, GeneratorRunResult result)
    {
        InputCompilation = input;
        OutputCompilation = output;
        Driver = driver;
        Result = result;
        GeneratedSources = result.GeneratedSources
            .Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();
    }

    public Compilation InputCompilation { get; }

    /// <summary>The user's compilation with the generated trees added.</summary>
    public Compilation OutputCompilation { get; }

    /// <summary>The driver after this run; run it again to exercise incrementality.</summary>
    public GeneratorDriver Driver { get; }

    public GeneratorRunResult Result { get; }

    public ImmutableArray<GeneratedFile> GeneratedSources { get; }

    /// <summary>Diagnostics the generator reported (NETGEN...).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>The compiler's diagnostics for the output compilation (user code plus generated code).</summary>
    public ImmutableArray<Diagnostic> OutputDiagnostics =>
        outputDiagnostics ??= OutputCompilation.GetDiagnostics();

    /// <summary>Whatever the generator threw; the driver turns it into CS8785 instead of crashing.</summary>
    public Exception? Exception => Result.Exception;

    /// <summary>Diagnostics of the output compilation at <paramref name="minimum"/> severity or worse.</summary>
    public ImmutableArray<Diagnostic> OutputDiagnosticsAtLeast(DiagnosticSeverity minimum) =>
        OutputDiagnostics.Where(d => d.Severity >= minimum).ToImmutableArray();

    public string SourceText(string hintName)
    {
        GeneratedFile? file = GeneratedSources.FirstOrDefault(s => s.HintName == hintName);
        Assert.True(
            file is not null,
            $"No generated source '{hintName}'. Generated: [{string.Join(", ", GeneratedSources.Select(s => s.HintName))}]");
        return file!.Text;
    }
}
