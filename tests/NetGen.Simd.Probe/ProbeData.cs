using System;
using System.Numerics;

namespace NetGen.Simd.Probe;

/// <summary>
/// Deterministic parameters and samples for one network, from a SplitMix64 stream seeded with the network's name.
/// Everything is generated in double with exactly rounded operations only (no Exp/Log), so every process prints the
/// same numbers whatever instruction set its JIT uses; the probe prints them, and the test reads them back.
/// </summary>
internal sealed class ProbeData
{
    private ulong state;

    public ProbeData(string name)
    {
        ulong hash = 14695981039346656037UL; // FNV-1a of the UTF-16 code units
        foreach (char c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        state = hash;
    }

    /// <summary>Weights uniform in ±√(6/(in + out)) (Glorot), biases uniform in ±0.2, in the generated layout.</summary>
    public void FillParameters<T>(Span<T> parameters, ReadOnlySpan<int> sizes, bool bias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int offset = 0;
        for (int l = 0; l + 1 < sizes.Length; l++)
        {
            int fanIn = sizes[l], fanOut = sizes[l + 1];
            double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
            for (int k = 0; k < fanIn * fanOut; k++)
            {
                parameters[offset++] = T.CreateChecked(Next(-limit, limit));
            }

            for (int k = 0; bias && k < fanOut; k++)
            {
                parameters[offset++] = T.CreateChecked(Next(-0.2, 0.2));
            }
        }

        if (offset != parameters.Length)
        {
            throw new InvalidOperationException($"The layout covers {offset} of {parameters.Length} parameters.");
        }
    }

    /// <summary>Uniform in [−1, 1).</summary>
    public void FillInput<T>(Span<T> input)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = T.CreateChecked(Next(-1, 1));
        }
    }

    /// <summary>A target in the range of the output activation; a probability vector for softmax.</summary>
    public void FillTarget<T>(Span<T> target, Activation output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (double low, double high) = output switch
        {
            Activation.Sigmoid => (0.05, 0.95),
            Activation.Softmax => (0.05, 1.0),
            Activation.Tanh => (-0.9, 0.9),
            Activation.GELU => (-0.1, 1.0),
            _ => (-1.0, 1.0),
        };
        var values = new double[target.Length];
        double sum = 0;
        for (int j = 0; j < values.Length; j++)
        {
            values[j] = Next(low, high);
            sum += values[j];
        }

        for (int j = 0; j < values.Length; j++)
        {
            target[j] = T.CreateChecked(output == Activation.Softmax ? values[j] / sum : values[j]);
        }
    }

    /// <summary>Uniform in [low, high).</summary>
    private double Next(double low, double high)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return low + ((high - low) * ((z >> 11) * (1.0 / (1UL << 53))));
    }
}
