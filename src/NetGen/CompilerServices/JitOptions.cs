using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace NetGen.CompilerServices;

/// <summary>How generated members ask the JIT to compile them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JitOptions
{
    /// <summary>
    /// Optimized at the first call, never at tier 0 (<see cref="MethodImplOptions.AggressiveOptimization"/>): a network
    /// runs at full speed from its first sample, whatever loop calls it and however many cores the process may use.
    /// (With one core, the runtime waits about ten times longer before it counts calls for tier 1.) The helpers in this
    /// namespace that generated kernels call carry the same option, so none of them runs at tier 0 when not inlined.
    /// </summary>
    public const MethodImplOptions Immediate = MethodImplOptions.AggressiveOptimization;
}
