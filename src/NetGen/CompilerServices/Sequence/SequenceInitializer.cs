using System;
using System.Numerics;

namespace NetGen.CompilerServices;

/// <summary>
/// Deterministic initialization of sequence networks, from the same SplitMix64 stream as dense networks: LSTM and
/// GRU weights and biases uniform in ±1/√H (PyTorch's default for <c>nn.LSTM</c> and <c>nn.GRU</c>); dense and
/// convolution weights He uniform (rectifiers) or Glorot uniform (others) with fan-in n·k and fan-out m·k, biases zero.
/// </summary>
internal static class SequenceInitializer
{
    /// <summary>Fills <paramref name="parameters"/> for <paramref name="layers"/> from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">The length is not the layers' parameter count.</exception>
    public static void Initialize<T>(Span<T> parameters, ReadOnlySpan<SequenceLayer> layers, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int expected = 0;
        foreach (SequenceLayer layer in layers)
        {
            expected += layer.ParameterCount;
        }

        SpanChecks.ThrowIfLengthIsNot(parameters, expected, nameof(parameters));
        ulong state = ParameterInitializer.StreamStart(seed);
        int offset = 0;
        foreach (SequenceLayer layer in layers)
        {
            Span<T> values = parameters.Slice(offset, layer.ParameterCount);
            offset += layer.ParameterCount;
            double limit;
            if (layer.Kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru)
            {
                limit = 1.0 / Math.Sqrt(layer.Outputs);
            }
            else
            {
                int fanIn = layer.Inputs * layer.KernelSize, fanOut = layer.Outputs * layer.KernelSize;
                limit = ParameterInitializer.IsRectifier(layer.Activation) ? Math.Sqrt(6.0 / fanIn) : Math.Sqrt(6.0 / (fanIn + fanOut));
                values.Slice(layer.WeightCount).Clear();
                values = values.Slice(0, layer.WeightCount);
            }

            for (int i = 0; i < values.Length; i++)
            {
                values[i] = T.CreateTruncating(((2.0 * ParameterInitializer.NextUnitDouble(ref state)) - 1.0) * limit);
            }
        }
    }
}
