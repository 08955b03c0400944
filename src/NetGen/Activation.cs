namespace NetGen;

/// <summary>The activation function f applied element-wise to a layer's pre-activation z.</summary>
public enum Activation
{
    /// <summary>f(z) = z; f′ = 1.</summary>
    Identity = 0,

    /// <summary>f(z) = 1 / (1 + e^−z); f′ = a(1 − a).</summary>
    Sigmoid = 1,

    /// <summary>f(z) = tanh z; f′ = 1 − a².</summary>
    Tanh = 2,

    /// <summary>f(z) = max(0, z); f′ = 1 where z &gt; 0, else 0.</summary>
    ReLU = 3,
}
