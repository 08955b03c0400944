using System;

// Also compiled into the generator (linked), which reads the attribute through these very names and values.
namespace NetGen;

/// <summary>
/// A long short-term memory layer in a sequence network: <c>[Network(inputSize)]</c> followed by layer attributes in
/// source order. Semantics are PyTorch's <c>nn.LSTM</c> (gates i, f, g, o):
/// i = σ(x·Wxi + h·Whi + bi), f = σ(x·Wxf + h·Whf + bf), g = tanh(x·Wxg + h·Whg + bg), o = σ(x·Wxo + h·Who + bo),
/// c ← f ⊙ c + i ⊙ g, h ← o ⊙ tanh c; the layer's output is h.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
#if NETGEN_GENERATOR
internal
#else
public
#endif
sealed class LstmAttribute : Attribute
{
    /// <summary>Declares an LSTM layer of <paramref name="units"/> hidden units.</summary>
    /// <param name="units">The hidden size (the output width), at least 1.</param>
    public LstmAttribute(int units) => Units = units;

    /// <summary>The hidden size: the width of h, c and the layer's output.</summary>
    public int Units { get; }
}
