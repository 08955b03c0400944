namespace NetGen.Generator.Emit;

/// <summary>What a backward kernel does with a(l)ᵀ·δ(l+1).</summary>
internal enum BackwardMode
{
    /// <summary>Adds it into a gradient buffer.</summary>
    Accumulate,

    /// <summary>Subtracts η times it from the weights (one fused SGD step).</summary>
    Update,
}
