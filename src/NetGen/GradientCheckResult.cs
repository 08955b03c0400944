namespace NetGen;

/// <summary>
/// The outcome of <see cref="GradientCheck.Run{T}(ITrainableNetwork{T}, System.ReadOnlySpan{T}, System.ReadOnlySpan{T}, double)"/>:
/// how far a network's analytic gradient g is from the central finite-difference gradient n.
/// </summary>
public readonly record struct GradientCheckResult
{
    /// <summary>Creates a result; <see cref="GradientCheck"/> is the usual way to obtain one.</summary>
    /// <param name="relativeError">‖g − n‖ / ‖g + n‖, or 0 when both gradients are zero.</param>
    /// <param name="worstParameterIndex">Index of the parameter with the largest |gᵢ − nᵢ|, or −1 when there are no parameters.</param>
    /// <param name="worstAbsoluteDifference">The largest |gᵢ − nᵢ|.</param>
    /// <param name="parameterCount">Number of parameters compared.</param>
    public GradientCheckResult(double relativeError, int worstParameterIndex, double worstAbsoluteDifference, int parameterCount)
    {
        RelativeError = relativeError;
        WorstParameterIndex = worstParameterIndex;
        WorstAbsoluteDifference = worstAbsoluteDifference;
        ParameterCount = parameterCount;
    }

    /// <summary>
    /// ‖g − n‖ / ‖g + n‖ (Euclidean norms over every parameter); 0 when both gradients are zero and
    /// <see cref="double.PositiveInfinity"/> when g = −n ≠ 0. Around 1e−8 or less for a correct double
    /// network, around 1e−3 for a correct float network; much larger values point at a wrong gradient.
    /// </summary>
    public double RelativeError { get; }

    /// <summary>Index into <see cref="INetwork{T}.Parameters"/> of the parameter with the largest |gᵢ − nᵢ|; −1 when there are no parameters.</summary>
    public int WorstParameterIndex { get; }

    /// <summary>The largest absolute difference |gᵢ − nᵢ| between analytic and numeric gradient components.</summary>
    public double WorstAbsoluteDifference { get; }

    /// <summary>Number of parameters whose gradient was compared.</summary>
    public int ParameterCount { get; }
}
