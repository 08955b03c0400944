using System;
using System.Numerics;

namespace NetGen.IO;

/// <summary>Checks that a network describes itself consistently before its weights are written or replaced.</summary>
internal static class NetworkShape
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> (parameter "network") unless the network has at least two layer sizes,
    /// all positive, one activation per weight layer, and a <see cref="INetwork{T}.Parameters"/> span of
    /// <see cref="INetwork{T}.ParameterCount"/> elements that matches the sizes and the bias flag. Generated
    /// networks always pass; this guards hand-written <see cref="INetwork{T}"/> implementations.
    /// </summary>
    public static void Validate<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<int> sizes = network.LayerSizes;
        if (sizes.Length < 2 || sizes.Length > ushort.MaxValue)
        {
            throw new ArgumentException(
                $"The network must have between 2 and {ushort.MaxValue} layer sizes; it has {sizes.Length}.", nameof(network));
        }

        long expectedCount = 0;
        for (int l = 0; l < sizes.Length; l++)
        {
            if (sizes[l] <= 0)
            {
                throw new ArgumentException(
                    $"Layer size {l} of the network is {sizes[l]}; every size must be positive.", nameof(network));
            }

            if (l > 0)
            {
                expectedCount += ((long)sizes[l - 1] * sizes[l]) + (network.HasBias ? sizes[l] : 0);
            }
        }

        if (network.Activations.Length != sizes.Length - 1)
        {
            throw new ArgumentException(
                $"The network has {network.Activations.Length} activations for {sizes.Length - 1} weight layers.", nameof(network));
        }

        if (network.ParameterCount != expectedCount || network.Parameters.Length != network.ParameterCount)
        {
            throw new ArgumentException(
                $"The network's ParameterCount ({network.ParameterCount}) and Parameters length ({network.Parameters.Length}) " +
                $"must both equal {expectedCount} for layer sizes {WeightFileFormat.DescribeSizes(sizes)}" +
                $"{(network.HasBias ? " with" : " without")} biases.",
                nameof(network));
        }
    }

    /// <summary>Offset of the first weight of each weight layer in <see cref="INetwork{T}.Parameters"/>.</summary>
    public static int[] LayerOffsets(ReadOnlySpan<int> sizes, bool hasBias)
    {
        var offsets = new int[sizes.Length - 1];
        int offset = 0;
        for (int l = 0; l < offsets.Length; l++)
        {
            offsets[l] = offset;
            offset += (sizes[l] * sizes[l + 1]) + (hasBias ? sizes[l + 1] : 0);
        }

        return offsets;
    }
}
