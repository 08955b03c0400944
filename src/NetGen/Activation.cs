// Also compiled into the generator (linked), which reads the attribute through these very names and values.
namespace NetGen;

/// <summary>The activation function f applied to a layer's pre-activation z, giving a = f(z).</summary>
#if NETGEN_GENERATOR
internal
#else
public
#endif
enum Activation
{
    /// <summary>f(z) = z; f′ = 1.</summary>
    Identity = 0,

    /// <summary>f(z) = 1 / (1 + e^−z); f′ = a(1 − a).</summary>
    Sigmoid = 1,

    /// <summary>f(z) = tanh z; f′ = 1 − a².</summary>
    Tanh = 2,

    /// <summary>f(z) = max(0, z); f′ = 1 where z &gt; 0, else 0.</summary>
    ReLU = 3,

    /// <summary>f(z) = z where z &gt; 0, else α·z (α = <see cref="NetworkAttribute.LeakySlope"/>); f′ = 1 or α.</summary>
    LeakyReLU = 4,

    /// <summary>f(z) = ln(1 + e^z); f′ = σ(z).</summary>
    Softplus = 5,

    /// <summary>f(z) = z where z &gt; 0, else e^z − 1 (α = 1); f′ = 1 or e^z = a + 1.</summary>
    ELU = 6,

    /// <summary>The tanh approximation of GELU: f(z) = ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))).</summary>
    GELU = 7,

    /// <summary>a_j = e^(z_j − max z) / Σ_k e^(z_k − max z); output layer only.</summary>
    Softmax = 8,

    /// <summary>
    /// a_j = z_j − max z − ln Σ_k e^(z_k − max z), the logarithm of <see cref="Softmax"/> (PyTorch's <c>nn.LogSoftmax</c>);
    /// output layer only. With <see cref="Loss.CrossEntropy"/> the cost is the negative log-likelihood J = −Σ y·a
    /// (PyTorch's <c>NLLLoss</c>, summed).
    /// </summary>
    LogSoftmax = 9,
}
