using System;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Benchmarks;

/// <summary>
/// What <see cref="NetworkGenerator"/> costs the compiler for network (d), 784-128-10: a first run, an edit of another
/// file (every step cached, nothing emitted) and an edit of the attribute (the network is emitted again).
/// </summary>
/// <remarks>
/// Each call runs over a new compilation (a clone, or the edited one), as the compiler and the IDE do, so no binding is
/// cached from an earlier call; the reference assemblies' symbols are shared, as between the edits of a real project.
/// The timed drivers do not track steps (neither does the compiler); the setup checks the same edits on one that does.
/// </remarks>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private SyntaxTree _network = null!, _networkWithoutBias = null!, _other = null!, _otherEdited = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _ranOnce = null!;

    [GlobalSetup]
    public void Setup()
    {
        _network = UserCode.Parse(UserCode.Network, UserCode.NetworkPath);
        _networkWithoutBias = UserCode.Parse(UserCode.NetworkWithoutBias, UserCode.NetworkPath);
        _other = UserCode.Parse(UserCode.Other, UserCode.OtherPath);
        _otherEdited = UserCode.Parse(UserCode.OtherEdited, UserCode.OtherPath);
        _compilation = UserCode.CreateCompilation(_network, _other);
        _ranOnce = UserCode.CreateDriver(trackSteps: false).RunGenerators(_compilation);
        StepCheck.OneSourceNoDiagnostics(UserCode.LastRun(_ranOnce));

        GeneratorDriver tracked = UserCode.CreateDriver(trackSteps: true).RunGenerators(_compilation);
        StepCheck.NothingRecomputed(UserCode.LastRun(tracked.RunGenerators(EditOther())));
        GeneratorRunResult reemitted = UserCode.LastRun(tracked.RunGenerators(EditAttribute()));
        StepCheck.Reemitted(reemitted);
        StepCheck.OneSourceNoDiagnostics(reemitted);

        // The timed driver agrees: it keeps the generated text after the unrelated edit, and replaces it after the other.
        SourceText generated = UserCode.LastRun(_ranOnce).GeneratedSources[0].SourceText;
        if (!ReferenceEquals(UserCode.LastRun(UnrelatedEdit()).GeneratedSources[0].SourceText, generated) ||
            ReferenceEquals(UserCode.LastRun(AttributeEdit()).GeneratedSources[0].SourceText, generated))
        {
            throw new InvalidOperationException("The untracked driver does not cache as the tracked one does.");
        }
    }

    /// <summary>A new driver, run once over (d).</summary>
    [Benchmark]
    public GeneratorDriver ColdGenerate784_128_10() => UserCode.CreateDriver(trackSteps: false).RunGenerators(_compilation.Clone());

    /// <summary>A method body changes in another file: the driver that has run once runs again, and emits nothing.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _ranOnce.RunGenerators(EditOther());

    /// <summary>(d) loses its biases: the driver that has run once runs again, and emits (d) again.</summary>
    [Benchmark]
    public GeneratorDriver AttributeEdit() => _ranOnce.RunGenerators(EditAttribute());

    private CSharpCompilation EditOther() => _compilation.ReplaceSyntaxTree(_other, _otherEdited);

    private CSharpCompilation EditAttribute() => _compilation.ReplaceSyntaxTree(_network, _networkWithoutBias);
}
