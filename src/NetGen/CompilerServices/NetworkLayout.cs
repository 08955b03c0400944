using System;
using System.ComponentModel;

namespace NetGen.CompilerServices;

/// <summary>Arithmetic on the parameter layout every generated network shares.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NetworkLayout
{
    /// <summary>Number of weights and biases of a network with these layer sizes.</summary>
    public static int ParameterCount(ReadOnlySpan<int> layerSizes, bool hasBias)
    {
        int count = 0;
        for (int l = 0; l + 1 < layerSizes.Length; l++)
        {
            count += layerSizes[l] * layerSizes[l + 1] + (hasBias ? layerSizes[l + 1] : 0);
        }

        return count;
    }
}
