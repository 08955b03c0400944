// Also compiled into the generator (linked), which reads the attribute through these very names and values.
namespace NetGen;

/// <summary>The per-sample cost J minimized by training (ŷ the output, y the target).</summary>
#if NETGEN_GENERATOR
internal
#else
public
#endif
enum Loss
{
    /// <summary>J = Σ ½(ŷ − y)²; dJ/dŷ = ŷ − y.</summary>
    SquaredError = 0,

    /// <summary>
    /// With a sigmoid output, J = −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]; with a softmax output, J = −Σ y ln ŷ.
    /// Either way the output delta is ŷ − y (ŷ·Σy − y for softmax targets that do not sum to 1).
    /// </summary>
    CrossEntropy = 1,

    /// <summary>J = τ·exp((1/τ) Σ (ŷ − y)²) with τ = <see cref="NetworkAttribute.Tau"/>; dJ/dŷ = (2/τ)(ŷ − y)·J.</summary>
    Exponential = 2,

    /// <summary>J = (1/√2) Σ (√ŷ − √y)²; dJ/dŷ = (√ŷ − √y) / (√2·√ŷ). Needs outputs &gt; 0.</summary>
    Hellinger = 3,
}
