using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NetGen.CompilerServices;
using NetGen.Matrix.Tests.InMemory;
using NetGen.Matrix.Tests.Networks;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Matrix.Tests;

/// <summary>Every declared network was generated, compiled and describes itself as its attribute says.</summary>
public sealed class GeneratedMembersTests(ITestOutputHelper output)
{
    [Fact]
    public void Matrix_GeneratesAndCompilesWithoutWarnings()
    {
        // Throws, listing the diagnostics, if the generator or the compiler reports anything at Warning or above.
        int types = MatrixAssembly.Assembly.GetTypes().Count(t => t.Namespace == MatrixSource.Namespace);

        Assert.Equal(MatrixSource.Specs.Count(), types);
        output.WriteLine($"{types} networks generated, compiled and loaded in {MatrixAssembly.CompileTime.TotalSeconds:F1} s");
    }

    [Fact]
    public void EveryNetwork_ReportsItsAttribute()
    {
        var mismatches = new List<string>();
        foreach (MatrixSpec spec in MatrixSource.Specs)
        {
            object instance = MatrixAssembly.CreateInstance(spec);
            Type type = instance.GetType();
            void Expect(string what, object? actual, object? expected)
            {
                if (!Equals(actual, expected))
                {
                    mismatches.Add($"{spec.Name} ({spec.ClassName}): {what} is {actual}, expected {expected}");
                }
            }

            Expect("ITrainableNetwork<double>", instance is ITrainableNetwork<double>, spec.IsDouble);
            Expect("ITrainableNetwork<float>", instance is ITrainableNetwork<float>, !spec.IsDouble);
            Expect("Tau", Constant(type, "Tau"), spec.Tau);
            Expect("LeakySlope", Constant(type, "LeakySlope"), spec.LeakySlope);
            Expect("ParameterCount", Constant(type, "ParameterCount"), NetworkLayout.ParameterCount(spec.Sizes, spec.Bias));
            Expect("HasBias", Constant(type, "HasBias"), spec.Bias);
            Expect("Loss", Constant(type, "Loss"), spec.Loss);
            if (instance is ITrainableNetwork<double> d)
            {
                Expect("LayerSizes", string.Join("-", d.LayerSizes.ToArray()), string.Join("-", spec.Sizes));
                Expect("Activations", string.Join(",", d.Activations.ToArray()), string.Join(",", spec.Activations));
            }
            else if (instance is ITrainableNetwork<float> f)
            {
                Expect("LayerSizes", string.Join("-", f.LayerSizes.ToArray()), string.Join("-", spec.Sizes));
                Expect("Activations", string.Join(",", f.Activations.ToArray()), string.Join(",", spec.Activations));
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void MatrixCoversEveryCompatibleOutputAndCost_InBothTypes_WithAndWithoutBias()
    {
        foreach ((Activation output, Loss loss) in MatrixCatalog.CompatiblePairs())
        {
            foreach (bool isDouble in new[] { false, true })
            {
                foreach (bool bias in new[] { false, true })
                {
                    Assert.Contains(
                        MatrixCatalog.All,
                        s => s.Output == output && s.Loss == loss && s.IsDouble == isDouble && s.Bias == bias);
                }
            }
        }

        foreach (Activation hidden in MatrixCatalog.HiddenActivations)
        {
            // Already in the regular part of the matrix, without the per-layer mixes.
            int costs = MatrixCatalog.All.Where(s => !s.PerLayer && s.Activations[0] == hidden).Select(s => s.Loss).Distinct().Count();
            Assert.True(costs == 4, $"hidden {hidden} meets only {costs} of the 4 costs");
        }
    }

    private static object? Constant(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() switch
        {
            int value when name == "Loss" => (Loss)value,
            var value => value,
        };
}
