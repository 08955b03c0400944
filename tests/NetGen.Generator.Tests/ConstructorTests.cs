extern alias NetGenRuntime;

using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.Emit;
using NetGenRuntime::NetGen;
using NetGenRuntime::NetGen.CompilerServices;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// "A new instance is already initialized" must hold whichever constructor the user wrote: the generator
/// cannot rely on a constructor of its own.
/// </summary>
public sealed class ConstructorTests
{
    [Fact]
    public void EveryUserConstructor_YieldsParametersFromTheDefaultSeed()
    {
        const string source = """
            using NetGen;

            namespace MyApp;

            [Network(2, 3, 1, Hidden = Activation.ReLU)]
            public partial class Net
            {
                public Net() => Tag = 1;

                public Net(int tag) => Tag = tag;

                public Net(string name) : this(name.Length)
                {
                }

                public int Tag { get; }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(source);
        CompileTests.AssertCompilesCleanly(run, expectedFiles: 1);

        var context = new AssemblyLoadContext("NetGen.ConstructorTests", isCollectible: true);
        try
        {
            Type type = Load(run, context).GetType("MyApp.Net", throwOnError: true)!;
            foreach (object?[] arguments in new[] { Array.Empty<object?>(), [7], ["seven"] })
            {
                var network = (INetwork<float>)Activator.CreateInstance(type, arguments)!;
                Assert.Equal(ExpectedInitialParameters(network), network.Parameters.ToArray());
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static float[] ExpectedInitialParameters(INetwork<float> network)
    {
        var expected = new float[network.ParameterCount];
        ParameterInitializer.Initialize<float>(
            expected, network.LayerSizes, network.Activations, network.HasBias, ParameterInitializer.DefaultSeed);
        Assert.Contains(expected, p => p != 0f); // the check below would be vacuous on all-zero parameters
        return expected;
    }

    /// <summary>Loads the output compilation; NetGen itself resolves to the test's copy, so the interface matches.</summary>
    private static Assembly Load(GeneratorRun run, AssemblyLoadContext context)
    {
        using var image = new MemoryStream();
        EmitResult emit = GeneratorHarness.Emit(run.OutputCompilation, image);
        Assert.True(emit.Success, GeneratorHarness.Describe(emit.Diagnostics));
        image.Position = 0;
        return context.LoadFromStream(image);
    }
}
