namespace NetGen.Generator.Parsing;

/// <summary>
/// The largest network NetGen generates (NETGEN005). Activations and deltas live on the stack, and generated
/// code grows with depth, so both are bounded; parameters live in one array indexed by int.
/// </summary>
internal static class NetworkLimits
{
    /// <summary>Largest size of one layer.</summary>
    public const int MaxLayerSize = 65_536;

    /// <summary>Most weight layers (layer sizes − 1).</summary>
    public const int MaxWeightLayers = 64;

    /// <summary>Most weights and biases.</summary>
    public const long MaxParameters = 16_777_216;

    /// <summary>Most stack scratch elements per call: the sum of all layer sizes.</summary>
    public const long MaxScratchElements = 16_384;

    /// <summary>Returns why the sizes exceed a limit, or <see langword="null"/> when they fit.</summary>
    public static string? Check(int[] sizes, bool hasBias)
    {
        long parameters = 0, scratch = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            if (sizes[i] > MaxLayerSize)
            {
                return $"layer size {i + 1} is {sizes[i]}, above the limit of {MaxLayerSize}";
            }

            scratch += sizes[i];
            if (i > 0)
            {
                parameters += (long)sizes[i - 1] * sizes[i] + (hasBias ? sizes[i] : 0);
            }
        }

        if (sizes.Length - 1 > MaxWeightLayers)
        {
            return $"it has {sizes.Length - 1} weight layers, above the limit of {MaxWeightLayers}";
        }

        if (parameters > MaxParameters)
        {
            return $"it has {parameters} parameters, above the limit of {MaxParameters}";
        }

        return scratch > MaxScratchElements
            ? $"its layer sizes add up to {scratch}, above the stack scratch limit of {MaxScratchElements}"
            : null;
    }
}
