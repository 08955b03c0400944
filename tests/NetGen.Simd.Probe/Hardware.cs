using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Simd.Probe;

/// <summary>What the JIT of this process accelerates: the switches the test asserts took effect.</summary>
internal static class Hardware
{
    /// <summary>One line, "hardware Key=Value ...", that the test parses.</summary>
    public static string Describe() =>
        "hardware"
        + $" Architecture={RuntimeInformation.ProcessArchitecture}"
        + $" Vector128={Vector128.IsHardwareAccelerated}"
        + $" Vector256={Vector256.IsHardwareAccelerated}"
        + $" Vector512={Vector512.IsHardwareAccelerated}"
        + $" VectorByteCount={Vector<byte>.Count}"
        + $" Fma={Fma.IsSupported}"
        + $" Avx2={Avx2.IsSupported}"
        + $" Avx512F={Avx512F.IsSupported}"
        + $" AdvSimd={AdvSimd.IsSupported}"
        + $" Runtime={RuntimeInformation.FrameworkDescription.Replace(' ', '_')}";
}
