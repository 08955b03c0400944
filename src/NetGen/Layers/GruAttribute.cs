using System;

// Also compiled into the generator (linked), which reads the attribute through these very names and values.
namespace NetGen;

/// <summary>
/// A gated recurrent unit layer in a sequence network. Semantics are PyTorch's <c>nn.GRU</c> (gates r, z, n):
/// r = σ(x·Wxr + bxr + h·Whr + bhr), z = σ(x·Wxz + bxz + h·Whz + bhz), n = tanh(x·Wxn + bxn + r ⊙ (h·Whn + bhn)),
/// h ← (1 − z) ⊙ n + z ⊙ h; the layer's output is h.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
#if NETGEN_GENERATOR
internal
#else
public
#endif
sealed class GruAttribute : Attribute
{
    /// <summary>Declares a GRU layer of <paramref name="units"/> hidden units.</summary>
    /// <param name="units">The hidden size (the output width), at least 1.</param>
    public GruAttribute(int units) => Units = units;

    /// <summary>The hidden size: the width of h and the layer's output.</summary>
    public int Units { get; }
}
