using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// What every layer kind tells the emitters: where it sits in the network and in Parameters, the names of its
/// buffers (matching the math), and the signature of each of its kernels. The network's passes call these
/// signatures in order without knowing the layer's kind; a layer kind's own emitter writes the bodies.
/// </summary>
internal abstract class LayerPlan
{
    protected LayerPlan(int index, int inputs, int outputs, Activation activation, Activation? inputActivation,
        NumericType type, bool hasBias, int weightStart)
    {
        Index = index;
        Inputs = inputs;
        Outputs = outputs;
        Activation = activation;
        InputActivation = inputActivation;
        Type = type;
        HasBias = hasBias;
        WeightStart = weightStart;
    }

    /// <summary>The layer's number l, 1-based as in the math: it maps a(l) to a(l+1).</summary>
    public int Index { get; }

    public int Inputs { get; }

    public int Outputs { get; }

    public Activation Activation { get; }

    /// <summary>f of the layer that produced this layer's input (for f′ in δ(l)), or null for the network input.</summary>
    public Activation? InputActivation { get; }

    public NumericType Type { get; }

    public bool HasBias { get; }

    /// <summary>Where the layer's parameters start in Parameters.</summary>
    public int WeightStart { get; }

    /// <summary>Where the layer's parameters end (the next layer's start).</summary>
    public abstract int End { get; }

    /// <summary>Whether the layer keeps its pre-activation z(l+1) for backpropagation (GELU′ needs z).</summary>
    public bool KeepsPreActivation => NeedsPreActivation(Activation);

    /// <summary>Whether δ(l) needs the pre-activation z(l) of this layer's input.</summary>
    public bool InputKeepsPreActivation => InputActivation is { } input && NeedsPreActivation(input);

    /// <summary>Whether the layer's inputs are hidden activations that need a δ (every layer but the first).</summary>
    public bool HasDeltaIn => Index > 1;

    /// <summary>The layer's input activations, a(l); a1 is the input row X.</summary>
    public string In => $"a{Index}";

    /// <summary>The layer's output activations, a(l+1).</summary>
    public string Out => $"a{Index + 1}";

    /// <summary>The pre-activation z(l+1).</summary>
    public string Z => $"z{Index + 1}";

    /// <summary>The pre-activation of the layer's input, z(l).</summary>
    public string ZIn => $"z{Index}";

    /// <summary>δ of the layer's outputs, δ(l+1).</summary>
    public string DeltaOut => $"d{Index + 1}";

    /// <summary>δ of the layer's inputs, δ(l); only hidden layers have one.</summary>
    public string DeltaIn => $"d{Index}";

    /// <summary>One sample forward: z(l+1) = a(l)·W(l) + b(l), a(l+1) = f(z(l+1)).</summary>
    public abstract KernelSignature Forward { get; }

    /// <summary>
    /// A forward kernel's flag that chooses throughput (true) over latency (false): the fused SGD step, whose steps wait
    /// on each other's updates, passes false. A kernel that has no such choice has no such parameter.
    /// </summary>
    public const string ThroughputFlag = "throughput";

    /// <summary>Forward for a block of samples at once.</summary>
    public abstract KernelSignature ForwardBlock { get; }

    /// <summary>Backward into a gradient buffer: ∂J/∂θ(l) += …, and δ(l) for hidden inputs.</summary>
    public abstract KernelSignature Accumulate { get; }

    /// <summary>Backward as a fused SGD update: θ(l) −= η·∂J/∂θ(l), and δ(l) from the weights before the update.</summary>
    public abstract KernelSignature Update { get; }

    /// <summary>Whether backpropagation needs the pre-activation z kept, not only a = f(z).</summary>
    public static bool NeedsPreActivation(Activation activation) => activation == Activation.GELU;
}
