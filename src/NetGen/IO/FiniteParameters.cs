using System;
using System.Globalization;
using System.Numerics;

namespace NetGen.IO;

/// <summary>
/// One rule for every format: weights are finite. Loaders refuse a NaN or infinite value, and savers refuse to write
/// a file that no loader would read back; both name the value's place in the network.
/// </summary>
internal static class FiniteParameters
{
    /// <summary>The index of the first NaN or infinite value, or −1.</summary>
    public static int FirstNonFinite<T>(ReadOnlySpan<T> values)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"parameter 17 (layer 2 W[1][3]) is NaN" for a dense network's parameter <paramref name="k"/>.</summary>
    public static string Describe<T>(INetwork<T> network, ReadOnlySpan<T> values, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<int> sizes = network.LayerSizes;
        int offset = 0;
        for (int l = 1; l < sizes.Length; l++)
        {
            int inputs = sizes[l - 1], outputs = sizes[l];
            if (k < offset + (inputs * outputs))
            {
                int w = k - offset;
                return $"parameter {k} (layer {l} W[{w / outputs}][{w % outputs}]) is {Text(values[k])}";
            }

            offset += inputs * outputs;
            if (network.HasBias)
            {
                if (k < offset + outputs)
                {
                    return $"parameter {k} (layer {l} b[{k - offset}]) is {Text(values[k])}";
                }

                offset += outputs;
            }
        }

        return $"parameter {k} is {Text(values[k])}";
    }

    /// <summary>Refuses to save a network with a NaN or infinite parameter: no loader would read the file back.</summary>
    public static void CheckSavable<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> values = network.Parameters;
        int k = FirstNonFinite(values);
        if (k >= 0)
        {
            throw new ArgumentException(
                $"The network's {Describe(network, values, k)}: weight files hold finite weights only, so nothing was written.",
                nameof(network));
        }
    }

    /// <summary>As <see cref="CheckSavable{T}(INetwork{T})"/>, for a sequence network.</summary>
    public static void CheckSavable<T>(ISequenceNetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> values = network.Parameters;
        int k = FirstNonFinite(values);
        if (k >= 0)
        {
            throw new ArgumentException(
                $"The network's parameter {k} is {Text(values[k])}: model files hold finite weights only, so nothing was written.",
                nameof(network));
        }
    }

    private static string Text<T>(T value)
        where T : IFloatingPointIeee754<T> => value.ToString(null, CultureInfo.InvariantCulture);
}
