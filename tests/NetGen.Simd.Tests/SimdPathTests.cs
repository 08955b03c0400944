using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Simd.Tests.Probe;
using NetGen.Simd.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Simd.Tests;

/// <summary>
/// Every SIMD path of the generated kernels against the independent double reference and against each other: the
/// probe runs once per <see cref="RunConfiguration"/> (Vector512, Vector256 with and without AVX-512 instructions,
/// Vector128 without FMA, and no hardware intrinsics at all), and each run's Forward, Cost, ForwardBatch,
/// AccumulateGradients, AccumulateGradientsBatch and TrainStep results must lie within the rounding bounds of
/// <see cref="ErrorModel"/>.
/// </summary>
[Collection(ProbeRunsCollection.Name)]
public sealed class SimdPathTests(ProbeRuns runs, ITestOutputHelper output)
{
    public static TheoryData<string, string> ConfigurationsAndNetworks
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (RunConfiguration configuration in RunConfiguration.All)
            {
                foreach (ProbeSpec spec in ProbeSpec.All)
                {
                    data.Add(configuration.Name, spec.Name);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> Configurations => RunConfiguration.Names;

    public static TheoryData<string> Networks => ProbeSpec.Names;

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Configuration_TakesEffect(string name)
    {
        IReadOnlyDictionary<string, string> defaults = runs.Output(RunConfiguration.Default.Name).Hardware;
        IReadOnlyDictionary<string, string> actual = runs.Output(name).Hardware;
        output.WriteLine($"{name}: {string.Join(" ", actual.Select(p => $"{p.Key}={p.Value}"))}");
        output.WriteLine($"{name} runs the widest kernels the JIT accelerates: {WidestPath(actual)}");

        foreach ((string flag, string value) in RunConfiguration.Get(name).ExpectedFlags(defaults))
        {
            Assert.True(
                actual[flag] == value,
                $"{name}: {flag}={actual[flag]}, expected {value}; the switch did not take effect.{Environment.NewLine}{runs.Results[name].Describe()}");
        }
    }

    /// <summary>Which kernel variant the generated dispatchers pick under these flags.</summary>
    private static string WidestPath(IReadOnlyDictionary<string, string> flags) =>
        flags["Vector512"] == "True" ? "Vector512"
        : flags["Vector256"] == "True" ? "Vector256" + (flags["Avx512F"] == "True" ? " (with AVX-512 instructions)" : "")
        : flags["Vector128"] == "True" ? "Vector128" + (flags["Fma"] == "True" || flags["AdvSimd"] == "True" ? "" : " without FMA")
        : "Vector128 software fallback (no hardware intrinsics)";

    [Theory]
    [MemberData(nameof(Networks))]
    public void EveryRun_DescribesTheNetworkAndSeesTheSameData(string network)
    {
        ProbeSpec spec = ProbeSpec.Get(network);
        NetworkOutput reference = runs.Output(RunConfiguration.Default.Name).Networks[network];
        Assert.Equal(spec.Description, reference.Description);
        Assert.Equal(spec.ParameterCount, reference["parameters"].Length);
        foreach (RunConfiguration configuration in RunConfiguration.All.Skip(1))
        {
            NetworkOutput other = runs.Output(configuration.Name).Networks[network];
            Assert.Equal(spec.Description, other.Description);
            foreach (string key in ExpectedResults.DataKeys)
            {
                Assert.True(reference[key].SequenceEqual(other[key]), $"{network}: '{key}' differs in {configuration.Name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ConfigurationsAndNetworks))]
    public void Results_MatchTheDoubleReference(string configuration, string network)
    {
        NetworkOutput actual = runs.Output(configuration).Networks[network];
        Dictionary<string, Approx[]> expected = runs.Expected(network);
        ErrorModel model = ErrorModel.For(ProbeSpec.Get(network).IsDouble);

        Comparison[] comparisons = expected.Select(e => Comparison.Of(e.Key, actual[e.Key], e.Value, model)).ToArray();
        foreach (Comparison comparison in comparisons)
        {
            output.WriteLine(comparison.Describe());
        }

        Comparison[] failed = comparisons.Where(c => !c.Passed).ToArray();
        Assert.True(
            failed.Length == 0,
            $"{network} under {configuration}:{Environment.NewLine}{string.Join(Environment.NewLine, failed.Select(c => c.Describe()))}");
    }

    /// <summary>
    /// Every pair of runs, element by element, within the same bound (the bound is a worst case for one run's distance
    /// from the exact value; two correct runs land much closer to each other than that). Reports which pairs are bit
    /// for bit equal: runs differ in the last bits where the width, the summation order or FMA differ.
    /// </summary>
    [Theory]
    [MemberData(nameof(Networks))]
    public void Runs_AgreeWithEachOther(string network)
    {
        Dictionary<string, Approx[]> expected = runs.Expected(network);
        ErrorModel model = ErrorModel.For(ProbeSpec.Get(network).IsDouble);
        var failures = new List<string>();
        for (int a = 0; a < RunConfiguration.All.Count; a++)
        {
            for (int b = a + 1; b < RunConfiguration.All.Count; b++)
            {
                string first = RunConfiguration.All[a].Name, second = RunConfiguration.All[b].Name;
                NetworkOutput x = runs.Output(first).Networks[network], y = runs.Output(second).Networks[network];
                int identical = 0;
                double worst = 0;
                foreach ((string key, Approx[] bounds) in expected)
                {
                    Comparison comparison = Comparison.Of(key, y[key], x[key], i => model.Allowed(bounds[i]));
                    identical += y[key].SequenceEqual(x[key]) ? 1 : 0;
                    worst = Math.Max(worst, comparison.WorstRatio);
                    if (!comparison.Passed)
                    {
                        failures.Add($"{second} vs {first}, {comparison.Describe()}");
                    }
                }

                output.WriteLine($"{second} vs {first}: {identical} of {expected.Count} lines bit-identical, worst |Δ|/bound = {worst:E2}");
            }
        }

        Assert.True(failures.Count == 0, $"{network}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
