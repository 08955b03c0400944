namespace NetGen.Simd.Probe;

// The networks the probe runs. Their widths put every SIMD width to work, with tails: a float lane count is 4, 8 or
// 16 (128, 256, 512 bits) and a double lane count 2, 4 or 8, so widths like 37 = 2·16 + 4 + 1, 31 = 16 + 8 + 4 + 3
// and 65 = 4·16 + 1 leave a remainder for each narrower path and a scalar tail; 2, 3, 5 and 7 are narrower than the
// widest vectors. The four standard benchmark networks of issue 6 are here as declared there (F2_3_1, F8_16_16_1,
// F64_32_10, F784_128_10). The test project keeps its own copy of these specifications
// (NetGen.Simd.Tests.Probe.ProbeSpec) and checks the self-description each network prints against it.
// Each class also implements IAccumulateGradientsBatch, a generated member that INetwork does not declare.

/// <summary>2 → 3 → 1, sigmoid, squared error (benchmark network a).</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid)]
public partial class F2_3_1 : IAccumulateGradientsBatch<float>
{
}

/// <summary>3 → 5 → 2, ReLU hidden, identity output.</summary>
[Network(3, 5, 2, Hidden = Activation.ReLU, Output = Activation.Identity)]
public partial class F3_5_2 : IAccumulateGradientsBatch<float>
{
}

/// <summary>3 → 5 → 2 in double, tanh hidden, sigmoid output.</summary>
[Network(3, 5, 2, Hidden = Activation.Tanh, Output = Activation.Sigmoid, ElementType = typeof(double))]
public partial class D3_5_2 : IAccumulateGradientsBatch<double>
{
}

/// <summary>8 → 16 → 16 → 1, tanh hidden, identity output (benchmark network b).</summary>
[Network(8, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity)]
public partial class F8_16_16_1 : IAccumulateGradientsBatch<float>
{
}

/// <summary>8 → 16 → 16 → 1 in double, sigmoid hidden, tanh output.</summary>
[Network(8, 16, 16, 1, Hidden = Activation.Sigmoid, Output = Activation.Tanh, ElementType = typeof(double))]
public partial class D8_16_16_1 : IAccumulateGradientsBatch<double>
{
}

/// <summary>17 → 24 → 31 → 7, sigmoid everywhere.</summary>
[Network(17, 24, 31, 7, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid)]
public partial class F17_24_31_7 : IAccumulateGradientsBatch<float>
{
}

/// <summary>17 → 24 → 31 → 7 in double, tanh then GELU hidden, identity output.</summary>
[Network(17, 24, 31, 7, Activations = new[] { Activation.Tanh, Activation.GELU, Activation.Identity }, ElementType = typeof(double))]
public partial class D17_24_31_7 : IAccumulateGradientsBatch<double>
{
}

/// <summary>20 → 37 → 9, GELU hidden, softmax output, cross entropy.</summary>
[Network(20, 37, 9, Hidden = Activation.GELU, Output = Activation.Softmax, Loss = Loss.CrossEntropy)]
public partial class F20_37_9 : IAccumulateGradientsBatch<float>
{
}

/// <summary>20 → 37 → 9 in double, GELU hidden, softmax output, cross entropy.</summary>
[Network(20, 37, 9, Hidden = Activation.GELU, Output = Activation.Softmax, Loss = Loss.CrossEntropy, ElementType = typeof(double))]
public partial class D20_37_9 : IAccumulateGradientsBatch<double>
{
}

/// <summary>33 → 65 → 5, ReLU hidden, GELU output, no bias.</summary>
[Network(33, 65, 5, Hidden = Activation.ReLU, Output = Activation.GELU, Bias = false)]
public partial class F33_65_5 : IAccumulateGradientsBatch<float>
{
}

/// <summary>64 → 32 → 10, ReLU hidden, identity output (benchmark network c).</summary>
[Network(64, 32, 10, Hidden = Activation.ReLU, Output = Activation.Identity)]
public partial class F64_32_10 : IAccumulateGradientsBatch<float>
{
}

/// <summary>64 → 32 → 10, tanh hidden, sigmoid output.</summary>
[Network(64, 32, 10, Hidden = Activation.Tanh, Output = Activation.Sigmoid)]
public partial class F64_32_10_TanhSigmoid : IAccumulateGradientsBatch<float>
{
}

/// <summary>784 → 128 → 10, ReLU hidden, identity output (benchmark network d).</summary>
[Network(784, 128, 10, Hidden = Activation.ReLU, Output = Activation.Identity)]
public partial class F784_128_10 : IAccumulateGradientsBatch<float>
{
}

/// <summary>784 → 128 → 10, tanh hidden, sigmoid output.</summary>
[Network(784, 128, 10, Hidden = Activation.Tanh, Output = Activation.Sigmoid)]
public partial class F784_128_10_TanhSigmoid : IAccumulateGradientsBatch<float>
{
}

/// <summary>784 → 128 → 10 in double, tanh hidden, softmax output, cross entropy.</summary>
[Network(784, 128, 10, Hidden = Activation.Tanh, Output = Activation.Softmax, Loss = Loss.CrossEntropy, ElementType = typeof(double))]
public partial class D784_128_10 : IAccumulateGradientsBatch<double>
{
}

/// <summary>The generated AccumulateGradientsBatch, callable from generic code.</summary>
/// <typeparam name="T">The element type.</typeparam>
public interface IAccumulateGradientsBatch<T>
{
    /// <summary>Adds Σ ∂J/∂θ over the rows into <paramref name="gradients"/>; returns Σ J.</summary>
    T AccumulateGradientsBatch(System.ReadOnlySpan<T> inputs, System.ReadOnlySpan<T> targets, System.Span<T> gradients);
}
