using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NetGen.Simd.Tests.Probe;

/// <summary>
/// One way of starting the probe: JIT switches that take SIMD widths away, so that every width of the generated
/// kernels runs on one machine. The names are those .NET 10 reads; checked on .NET 10.0.12 (x64, AVX-512) with the
/// probe's hardware line:
/// <list type="bullet">
/// <item>DOTNET_EnableAVX512=0 turns off all of AVX-512 (Vector512 and Avx512F not accelerated). The older
/// DOTNET_EnableAVX512F=0 is ignored by .NET 10, as is DOTNET_EnableFMA=0.</item>
/// <item>DOTNET_PreferredVectorBitWidth=256 keeps the AVX-512 instructions (Avx512F.IsSupported) but makes
/// Vector512.IsHardwareAccelerated false: the 256-bit path compiled with EVEX encodings, what Intel CPUs that
/// down-clock on 512-bit work get by default.</item>
/// <item>DOTNET_EnableAVX2=0 turns off AVX2 and everything .NET 10 groups with it (x86-64-v3: FMA, BMI, …) and
/// above: Vector256 not accelerated, no FMA, 128-bit SSE code with separate multiply and add.</item>
/// <item>DOTNET_EnableHWIntrinsic=0 turns off every hardware intrinsic: Vector128.IsHardwareAccelerated is false
/// and Vector128 operations run as their software fallbacks, the scalar path.</item>
/// </list>
/// </summary>
public sealed record RunConfiguration(string Name, IReadOnlyDictionary<string, string> Environment)
{
    public static RunConfiguration Default { get; } = new("Default", new Dictionary<string, string>());

    public static IReadOnlyList<RunConfiguration> All { get; } =
    [
        Default,
        new("NoAvx512", new Dictionary<string, string> { ["DOTNET_EnableAVX512"] = "0" }),
        new("PreferVector256", new Dictionary<string, string> { ["DOTNET_PreferredVectorBitWidth"] = "256" }),
        new("NoAvx2", new Dictionary<string, string> { ["DOTNET_EnableAVX2"] = "0" }),
        new("NoHWIntrinsic", new Dictionary<string, string> { ["DOTNET_EnableHWIntrinsic"] = "0" }),
    ];

    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    public static RunConfiguration Get(string name) => All.Single(c => c.Name == name);

    /// <summary>
    /// The hardware flags this configuration must report, given what the default run reported. On x64 each switch
    /// must have taken effect; on Arm64 the AVX switches mean nothing (Vector256/512 are never accelerated there) and
    /// only DOTNET_EnableHWIntrinsic=0 changes anything.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExpectedFlags(IReadOnlyDictionary<string, string> defaults)
    {
        var expected = new Dictionary<string, string>();
        bool x64 = defaults["Architecture"] == "X64";
        switch (Name)
        {
            case "NoAvx512" when x64:
                expected["Vector512"] = "False";
                expected["Avx512F"] = "False";
                expected["Vector256"] = defaults["Vector256"];
                expected["Fma"] = defaults["Fma"];
                break;
            case "PreferVector256" when x64:
                expected["Vector512"] = "False";
                expected["Vector256"] = defaults["Vector256"];
                expected["Avx512F"] = defaults["Avx512F"];
                break;
            case "NoAvx2" when x64:
                expected["Vector128"] = "True";
                expected["Vector256"] = "False";
                expected["Vector512"] = "False";
                expected["Avx2"] = "False";
                expected["Fma"] = "False";
                break;
            case "NoHWIntrinsic":
                expected["Vector128"] = "False";
                expected["Vector256"] = "False";
                expected["Vector512"] = "False";
                expected["Fma"] = "False";
                expected["AdvSimd"] = "False";
                break;
            default: // Default, and the AVX switches on Arm64: as the default run
                foreach (string key in new[] { "Vector128", "Vector256", "Vector512", "Fma", "AdvSimd" })
                {
                    expected[key] = defaults[key];
                }

                break;
        }

        return expected;
    }
}
