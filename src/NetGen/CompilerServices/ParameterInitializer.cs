using System;
using System.ComponentModel;
using System.Numerics;

namespace NetGen.CompilerServices;

/// <summary>
/// Deterministic parameter initialization: He uniform for rectifier-like layers (ReLU, LeakyReLU, ELU, GELU),
/// Glorot/Xavier uniform for the others (identity, sigmoid, tanh, softplus, softmax), biases zero. The random stream is SplitMix64, so a seed gives the same
/// parameters on every machine and every .NET version.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterInitializer
{
    /// <summary>The seed every new generated network is initialized from.</summary>
    public const int DefaultSeed = 20_240_601;

    /// <summary>A new parameter array for these layers, initialized from <see cref="DefaultSeed"/>.</summary>
    /// <exception cref="ArgumentException">The lengths do not describe the same network.</exception>
    public static AlignedArray<T> Create<T>(ReadOnlySpan<int> layerSizes, ReadOnlySpan<Activation> activations, bool hasBias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var parameters = new AlignedArray<T>(NetworkLayout.ParameterCount(layerSizes, hasBias));
        Initialize<T>(parameters.Span, layerSizes, activations, hasBias, DefaultSeed);
        return parameters;
    }

    /// <summary>
    /// Fills <paramref name="parameters"/>, laid out as generated networks lay them out (for each layer,
    /// W as [in][out] row-major, then b when <paramref name="hasBias"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The lengths do not describe the same network.</exception>
    public static void Initialize<T>(
        Span<T> parameters, ReadOnlySpan<int> layerSizes, ReadOnlySpan<Activation> activations, bool hasBias, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (activations.Length != layerSizes.Length - 1)
        {
            throw new ArgumentException(
                $"Expected {layerSizes.Length - 1} activations (one per weight layer), got {activations.Length}.",
                nameof(activations));
        }

        int expected = NetworkLayout.ParameterCount(layerSizes, hasBias);
        SpanChecks.ThrowIfLengthIsNot(parameters, expected, nameof(parameters));

        ulong state = StreamStart(seed);
        int offset = 0;
        for (int l = 0; l < activations.Length; l++)
        {
            int fanIn = layerSizes[l], fanOut = layerSizes[l + 1];
            double limit = IsRectifier(activations[l])
                ? Math.Sqrt(6.0 / fanIn)               // He uniform
                : Math.Sqrt(6.0 / (fanIn + fanOut));   // Glorot/Xavier uniform
            Span<T> weights = parameters.Slice(offset, fanIn * fanOut);
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = T.CreateTruncating((2.0 * NextUnitDouble(ref state) - 1.0) * limit);
            }

            offset += weights.Length;
            if (hasBias)
            {
                parameters.Slice(offset, fanOut).Clear();
                offset += fanOut;
            }
        }
    }

    /// <summary>Rectifier-like activations (zero or small slope for z &lt; 0) take He initialization.</summary>
    internal static bool IsRectifier(Activation activation) =>
        activation is Activation.ReLU or Activation.LeakyReLU or Activation.ELU or Activation.GELU;

    /// <summary>The SplitMix64 state a seed starts the stream from (shared by dense and sequence networks).</summary>
    internal static ulong StreamStart(int seed) => unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;

    /// <summary>SplitMix64: the next value of the stream, mapped to [0, 1) with 53 random bits.</summary>
    internal static double NextUnitDouble(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
