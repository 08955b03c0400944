namespace NetGen.Tests;

/// <summary>
/// A network's architecture as the test declares it, written independently of anything the generator emits,
/// so that the scalar reference and the shape tests do not trust generated metadata.
/// </summary>
internal sealed record NetworkSpec(string Name, int[] LayerSizes, Activation Hidden, Activation Output, bool Bias)
{
    /// <summary>Number of weight layers L.</summary>
    public int WeightLayers => LayerSizes.Length - 1;

    public int InputSize => LayerSizes[0];

    public int OutputSize => LayerSizes[^1];

    /// <summary>Activation of weight layer l (0-based): hidden for all but the last, which is the output layer.</summary>
    public Activation ActivationOf(int layer) => layer == WeightLayers - 1 ? Output : Hidden;

    public Activation[] Activations
    {
        get
        {
            var result = new Activation[WeightLayers];
            for (int l = 0; l < result.Length; l++)
            {
                result[l] = ActivationOf(l);
            }

            return result;
        }
    }

    /// <summary>Offset of W_l in the parameter vector; b_l (when present) follows W_l directly.</summary>
    public int WeightOffset(int layer)
    {
        int offset = 0;
        for (int l = 0; l < layer; l++)
        {
            offset += LayerSizes[l] * LayerSizes[l + 1] + (Bias ? LayerSizes[l + 1] : 0);
        }

        return offset;
    }

    public int BiasOffset(int layer) => WeightOffset(layer) + LayerSizes[layer] * LayerSizes[layer + 1];

    public int ParameterCount => WeightOffset(WeightLayers);
}
