namespace NetGen;

/// <summary>The per-sample cost J minimized by training.</summary>
public enum Loss
{
    /// <summary>J = Σ ½(y − ŷ)²; dJ/dŷ = ŷ − y.</summary>
    SquaredError = 0,
}
