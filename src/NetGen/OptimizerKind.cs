// Also compiled into the generator (linked), which reads the attribute through these very names and values.
namespace NetGen;

/// <summary>How <c>TrainBatch</c> and <c>TrainStep</c> turn a gradient g into a parameter update.</summary>
#if NETGEN_GENERATOR
internal
#else
public
#endif
enum OptimizerKind
{
    /// <summary>Stochastic gradient descent: θ ← θ − η·g.</summary>
    Sgd = 0,

    /// <summary>Classical momentum: v ← μ·v + g; θ ← θ − η·v.</summary>
    Momentum = 1,

    /// <summary>Nesterov momentum: v ← μ·v + g; θ ← θ − η·(g + μ·v).</summary>
    Nesterov = 2,

    /// <summary>Adam with bias-corrected first and second moments.</summary>
    Adam = 3,

    /// <summary>Adam with decoupled weight decay (AdamW), weight decay 0.01 by default.</summary>
    AdamW = 4,

    /// <summary>RMSProp: s ← ρ·s + (1 − ρ)·g²; θ ← θ − η·g / (√s + ε).</summary>
    RmsProp = 5,
}
