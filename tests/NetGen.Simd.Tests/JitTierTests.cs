using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NetGen.Simd.Tests.Probe;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Simd.Tests;

/// <summary>
/// How the JIT compiles the generated methods, from its own summary: the probe's "warm" mode runs every network's
/// operations with DOTNET_JitStdOutFile=&lt;file&gt; and DOTNET_JitDisasmSummary=1 (tiered compilation and dynamic
/// PGO at their defaults), which makes the JIT write one line per compiled method:
/// <code>
///  620: JIT compiled NetGen.Simd.Probe.F784_128_10:ForwardLayer1V512(byref,byref,byref) [Instrumented Tier0, IL size=511, code size=1277]
/// 1324: JIT compiled NetGen.Simd.Probe.F784_128_10:ForwardLayer1V512(byref,byref,byref) [Tier1 with Synthesized PGO, IL size=511, code size=748]
/// </code>
/// No generated method may ever be compiled with MinOpts (the JIT's fallback for methods too large to optimize),
/// and every generated method on the hot path must end at tier 1 (or FullOpts): not at tier 0, and not only as an
/// on-stack-replacement (Tier1-OSR) version of its loop.
/// </summary>
public sealed partial class JitTierTests(ITestOutputHelper output)
{
    /// <summary>Warm-up lengths: the second only if the first left a hot method short of tier 1 (a busy machine).</summary>
    private static readonly double[] WarmSeconds = [3, 10];

    /// <summary>Generated members the warm-up calls, and the kernels they call (ForwardLayer1, ForwardLayer1V512, …).</summary>
    private static readonly string[] HotPrefixes =
        ["Forward", "Cost", "AccumulateGradients", "SgdStep", "TrainStep", "AccumulateLayer", "UpdateLayer", "OutputDelta", "OutputCost"];

    private const string Network = "F784_128_10";

    [Fact]
    public void GeneratedMethods_ReachTier1_AndNeverMinOpts()
    {
        Dictionary<string, List<JitEntry>> methods = [];
        List<string> notOptimized = [];
        foreach (double seconds in WarmSeconds)
        {
            methods = RunWarmUp(seconds);
            List<string> minOpts = GeneratedMethods(methods)
                .Where(m => m.Value.Any(e => e.IsMinOpts))
                .Select(m => $"{m.Key}: {Tiers(m.Value)}")
                .ToList();
            Assert.True(minOpts.Count == 0, $"Generated methods compiled with MinOpts:{Environment.NewLine}{string.Join(Environment.NewLine, minOpts)}");

            notOptimized = GeneratedMethods(methods)
                .Where(m => IsHot(m.Key) && !m.Value[^1].IsFinalOptimized)
                .Select(m => $"{m.Key}: {Tiers(m.Value)}")
                .ToList();
            if (notOptimized.Count == 0)
            {
                break;
            }

            output.WriteLine($"After {seconds} s of warm-up, {notOptimized.Count} hot methods were not yet at tier 1.");
        }

        Assert.True(notOptimized.Count == 0, $"Hot generated methods not at tier 1 in steady state:{Environment.NewLine}{string.Join(Environment.NewLine, notOptimized)}");

        // The 784 → 128 → 10 network in particular: its entry points and every layer kernel were seen and optimized.
        string[] mnist = methods.Keys.Where(k => NetworkOf(TypeOf(k)) == Network).ToArray();
        foreach (string required in new[] { "Forward(", "SgdStep(", "AccumulateGradients(", "ForwardBatch(", "ForwardLayer", "AccumulateLayer", "UpdateLayer" })
        {
            Assert.Contains(mnist, k => MethodOf(k).StartsWith(required, StringComparison.Ordinal));
        }

        output.WriteLine($"{Network}, every compile of every generated method the warm-up called:");
        foreach (string key in mnist.Where(IsHot).Order(StringComparer.Ordinal))
        {
            output.WriteLine($"  {MethodOf(key)}: {Tiers(methods[key])}");
        }

        // NetGen's own kernels (Kernels.ActivationFunctions, LossFunctions, …): only meaningful when NetGen.dll is an
        // optimized build; a Debug build (dotnet test without -c Release) asks the JIT for MinOpts code on purpose.
        List<string> netGenMinOpts = methods.Where(m => m.Key.StartsWith("NetGen.", StringComparison.Ordinal)
                && NetworkOf(TypeOf(m.Key)) is null && m.Value.Any(e => e.IsMinOpts))
            .Select(m => m.Key).ToList();
        if (IsOptimizedBuild(typeof(NetworkAttribute).Assembly))
        {
            Assert.True(netGenMinOpts.Count == 0, $"NetGen methods compiled with MinOpts:{Environment.NewLine}{string.Join(Environment.NewLine, netGenMinOpts)}");
        }
        else
        {
            output.WriteLine($"NetGen.dll is a Debug build: its {netGenMinOpts.Count} MinOpts methods are expected and not checked.");
        }
    }

    /// <summary>NetGen's runtime types whose methods the generated members call on every sample.</summary>
    private static readonly string[] RuntimeHotTypes =
    [
        "NetGen.CompilerServices.ActivationFunctions", "NetGen.CompilerServices.SingleExp", "NetGen.CompilerServices.LossFunctions`1",
        "NetGen.CompilerServices.VectorLanes", "NetGen.CompilerServices.VectorMath", "NetGen.Training.GradientOptimizer`1",
        "NetGen.Training.SgdOptimizer`1", "NetGen.Training.MomentumOptimizer`1", "NetGen.Training.AdamOptimizer`1",
        "NetGen.Training.RmsPropOptimizer`1",
    ];

    /// <summary>The optimizers' checks of a hyperparameter, which run only when a property is set.</summary>
    private static readonly string[] Validators = ["Positive(", "NonNegative(", "Decay("];

    /// <summary>
    /// With one processor (pinned to CPU 0 where taskset exists, and DOTNET_PROCESSOR_COUNT=1) the runtime waits about
    /// ten times longer before it promotes a method from tier 0, so a program's loop can run unoptimized code for
    /// seconds. The probe calls every operation of every network back to back for 1.5 s: no generated method on the hot
    /// path, and no runtime method they call per sample, may have been compiled at any tier but an optimized one.
    /// </summary>
    [Fact]
    public void OnOneCpu_HotMethods_AreOptimizedFromTheirFirstCall()
    {
        string file = Path.Combine(Path.GetTempPath(), $"netgen-jit-{Guid.NewGuid():N}.txt");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_JitStdOutFile"] = file,
                ["DOTNET_JitDisasmSummary"] = "1",
            };
            ProbeResult result = ProbeProcess.Run(["hot", "1.5"], environment, TimeSpan.FromSeconds(90), oneCpu: true);
            Assert.True(result.ExitCode == 0 && File.Exists(file), result.Describe());
            output.WriteLine(result.StandardOutput.Trim());
            Assert.Contains("processors=1", result.StandardOutput, StringComparison.Ordinal);

            var methods = new Dictionary<string, List<JitEntry>>(StringComparer.Ordinal);
            foreach (JitEntry entry in File.ReadLines(file).Select(l => JitEntry.Parse(l)).OfType<JitEntry>())
            {
                if (!methods.TryGetValue(entry.Method, out List<JitEntry>? list))
                {
                    methods[entry.Method] = list = [];
                }

                list.Add(entry);
            }

            var generated = GeneratedMethods(methods).Where(m => IsHot(m.Key)).ToList();
            var runtime = methods.Where(m => RuntimeHotTypes.Contains(GenericDefinition(TypeOf(m.Key)), StringComparer.Ordinal)
                    && !MethodOf(m.Key).StartsWith(".ctor", StringComparison.Ordinal)
                    && !MethodOf(m.Key).StartsWith(".cctor", StringComparison.Ordinal)
                    && !MethodOf(m.Key).StartsWith("set_", StringComparison.Ordinal)
                    && !Validators.Any(v => MethodOf(m.Key).StartsWith(v, StringComparison.Ordinal)))
                .ToList();
            Assert.Contains(generated, m => MethodOf(m.Key).StartsWith("TrainStep(", StringComparison.Ordinal));
            Assert.Contains(runtime, m => MethodOf(m.Key).StartsWith("Update(", StringComparison.Ordinal));

            List<string> unoptimized = generated.Concat(runtime)
                .Where(m => !m.Value.All(e => e.IsFinalOptimized))
                .Select(m => $"{m.Key}: {Tiers(m.Value)}")
                .ToList();
            foreach (var m in generated.Concat(runtime).Where(m => NetworkOf(TypeOf(m.Key)) is null or Network))
            {
                output.WriteLine($"  {m.Key}: {Tiers(m.Value)}");
            }

            Assert.True(unoptimized.Count == 0, $"Compiled unoptimized under one CPU:{Environment.NewLine}{string.Join(Environment.NewLine, unoptimized)}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SummaryParser_ReadsEveryKindOfLine()
    {
        string[] lines =
        [
            "   1: JIT compiled Program:<Main>$(System.String[]) [Instrumented Tier0, IL size=375, code size=1858]",
            " 697: JIT compiled NetGen.Simd.Probe.F784_128_10:ForwardLayer1x4V512(byref,byref,byref) [Tier1-OSR @0x167 with Synthesized PGO, IL size=548, code size=931]",
            "1310: JIT compiled NetGen.Simd.Probe.F784_128_10:ForwardLayer1(byref,byref,byref) [Tier1, IL size=41, code size=6]",
            "  31: JIT compiled NetGen.ParameterInitializer:Initialize[float](System.Span`1[float],System.ReadOnlySpan`1[int],bool,int) [MinOpts, IL size=440, code size=1368]",
            "  69: JIT compiled StartupHookProvider:ProcessStartupHooks() [Tier-0 switched to FullOpts, IL size=365, code size=1053]",
            " 214: JIT compiled NetGen.Simd.Probe.F784_128_10:global::NetGen.INetwork<System.Single>.get_LayerSizes() [Tier0, IL size=6, code size=48]",
        ];
        JitEntry[] entries = lines.Select(l => JitEntry.Parse(l)!).ToArray();

        Assert.Equal("Program:<Main>$(System.String[])", entries[0].Method);
        Assert.False(entries[0].IsFinalOptimized);
        Assert.False(entries[1].IsFinalOptimized); // OSR: only the loop
        Assert.True(entries[2].IsFinalOptimized);
        Assert.Equal(6, entries[2].CodeSize);
        Assert.True(entries[3].IsMinOpts);
        Assert.True(entries[4].IsFinalOptimized);
        Assert.Equal("NetGen.Simd.Probe.F784_128_10:global::NetGen.INetwork<System.Single>.get_LayerSizes()", entries[5].Method);
        Assert.Equal("NetGen.Simd.Probe.F784_128_10", TypeOf(entries[5].Method));
        Assert.Null(JitEntry.Parse("not a summary line"));

        Assert.Equal("F784_128_10", NetworkOf("NetGen.Simd.Probe.F784_128_10"));
        Assert.Equal("F784_128_10", NetworkOf("NetGen.Generated.<NetGen_Simd_Probe_F784_128_10_g>F370F4016FA9__F784_128_10Kernels"));
        Assert.Equal("F784_128_10", NetworkOf(
            "NetGen.CompilerServices.DenseNetwork`2[NetGen.Generated.<NetGen_Simd_Probe_F784_128_10_g>F370F4016FA9__F784_128_10Kernels,float]"));
        Assert.Null(NetworkOf("NetGen.CompilerServices.VectorMath"));
    }

    private Dictionary<string, List<JitEntry>> RunWarmUp(double seconds)
    {
        string file = Path.Combine(Path.GetTempPath(), $"netgen-jit-{Guid.NewGuid():N}.txt");
        try
        {
            // The JIT appends to the file, so each run gets its own.
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_JitStdOutFile"] = file,
                ["DOTNET_JitDisasmSummary"] = "1",
            };
            ProbeResult result = ProbeProcess.Run(["warm", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment, TimeSpan.FromSeconds(seconds + 60));
            Assert.True(result.ExitCode == 0 && File.Exists(file), result.Describe());
            output.WriteLine(result.StandardOutput.Trim());

            var methods = new Dictionary<string, List<JitEntry>>(StringComparer.Ordinal);
            foreach (string line in File.ReadLines(file))
            {
                if (JitEntry.Parse(line) is { } entry)
                {
                    if (!methods.TryGetValue(entry.Method, out List<JitEntry>? list))
                    {
                        methods[entry.Method] = list = [];
                    }

                    list.Add(entry);
                }
            }

            Assert.True(methods.Count > 100, $"The JIT summary has {methods.Count} methods: did DOTNET_JitStdOutFile work?{Environment.NewLine}{result.Describe()}");
            return methods;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Methods generated for the probe's networks, and NetGen's operations compiled for them: the user's class
    /// (<c>NetGen.Simd.Probe.F784_128_10</c>), its file-local kernels (<c>NetGen.Generated.&lt;file&gt;F…__F784_128_10Kernels</c>)
    /// and <c>NetGen.CompilerServices.DenseNetwork`2[…__F784_128_10Kernels,float]</c>.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, List<JitEntry>>> GeneratedMethods(Dictionary<string, List<JitEntry>> methods)
    {
        var networks = ProbeSpec.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return methods.Where(m => NetworkOf(TypeOf(m.Key)) is { } network && networks.Contains(network));
    }

    /// <summary>The probe network a type belongs to (its class, its kernels, the operations over them), or null.</summary>
    internal static string? NetworkOf(string type)
    {
        const string Probe = "NetGen.Simd.Probe.";
        if (type.StartsWith(Probe, StringComparison.Ordinal))
        {
            return type[Probe.Length..];
        }

        Match kernels = KernelsType().Match(type);
        return kernels.Success ? kernels.Groups["network"].Value : null;
    }

    [GeneratedRegex(@"^NetGen\.(Generated\.|CompilerServices\.DenseNetwork`2\[NetGen\.Generated\.)<[^>]*>F[0-9A-F]+__(?<network>\w+)Kernels(,\w+\])?$")]
    private static partial Regex KernelsType();

    /// <summary>A type's name without its type arguments: <c>NetGen.Training.AdamOptimizer`1[float]</c> → <c>NetGen.Training.AdamOptimizer`1</c>.</summary>
    private static string GenericDefinition(string type) =>
        type.IndexOf('[', StringComparison.Ordinal) is int bracket and > 0 ? type[..bracket] : type;

    private static bool IsHot(string method) => HotPrefixes.Any(p => MethodOf(method).StartsWith(p, StringComparison.Ordinal));

    private static string TypeOf(string method) => method[..method.IndexOf(':', StringComparison.Ordinal)];

    private static string MethodOf(string method) => method[(method.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string Tiers(List<JitEntry> entries) =>
        string.Join(" → ", entries.Select(e => $"{e.Tier} ({e.CodeSize} B)"));

    private static bool IsOptimizedBuild(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    /// <summary>One line of the JIT's DOTNET_JitDisasmSummary output.</summary>
    internal sealed partial record JitEntry(string Method, string Tier, int ILSize, int CodeSize)
    {
        public bool IsMinOpts => Tier.Contains("MinOpts", StringComparison.Ordinal);

        /// <summary>Fully optimized code for the whole method: Tier1 (any PGO flavour) or FullOpts; not OSR, not instrumented.</summary>
        public bool IsFinalOptimized =>
            !IsMinOpts
            && ((Tier.StartsWith("Tier1", StringComparison.Ordinal) && !Tier.StartsWith("Tier1-OSR", StringComparison.Ordinal))
                || Tier.StartsWith("FullOpts", StringComparison.Ordinal)
                || Tier.StartsWith("Tier-0 switched to FullOpts", StringComparison.Ordinal));

        public static JitEntry? Parse(string line)
        {
            Match match = SummaryLine().Match(line);
            return match.Success
                ? new JitEntry(
                    match.Groups["method"].Value,
                    match.Groups["tier"].Value,
                    match.Groups["il"].Success ? int.Parse(match.Groups["il"].Value, System.Globalization.CultureInfo.InvariantCulture) : -1,
                    match.Groups["code"].Success ? int.Parse(match.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : -1)
                : null;
        }

        [GeneratedRegex(@"^\s*\d+: JIT compiled (?<method>[^:\s]+:.+\)) \[(?<tier>[^,\]]+)(?:, IL size=(?<il>\d+))?(?:, code size=(?<code>\d+))?[^\]]*\]\s*$")]
        private static partial Regex SummaryLine();
    }
}
