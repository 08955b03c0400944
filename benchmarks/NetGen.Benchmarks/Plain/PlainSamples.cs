using System;

namespace NetGen.Benchmarks.Plain;

/// <summary>
/// The samples every plain-loop measurement cycles through, shared with the C++ reference: <see cref="Rows"/> inputs
/// in [−1, 1] and targets in [0.1, 0.9]. Training steps take the targets y for one pass over the rows and 1 − y for
/// the next, which no network fits at once, so their gradients stay of order 1 (see <see cref="StandardNetworkBenchmarks"/>).
/// </summary>
internal sealed class PlainSamples
{
    public const int Rows = 64;

    public PlainSamples(int inputSize, int outputSize, int seed)
    {
        InputSize = inputSize;
        OutputSize = outputSize;
        Inputs = TestData.Uniform(Rows * inputSize, seed);
        Targets = TestData.Uniform(Rows * outputSize, seed + 1);
        Flipped = new float[Targets.Length];
        for (int i = 0; i < Targets.Length; i++)
        {
            Targets[i] = 0.5f + 0.4f * Targets[i];
            Flipped[i] = 1f - Targets[i];
        }
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    public float[] Inputs { get; }

    public float[] Targets { get; }

    public float[] Flipped { get; }

    /// <summary>The input of call number <paramref name="k"/>.</summary>
    public ReadOnlySpan<float> Input(long k) => Inputs.AsSpan((int)(k % Rows) * InputSize, InputSize);

    /// <summary>The target of training step number <paramref name="k"/>: y on even passes over the rows, 1 − y on odd ones.</summary>
    public ReadOnlySpan<float> Target(long k) =>
        ((k / Rows) % 2 == 0 ? Targets : Flipped).AsSpan((int)(k % Rows) * OutputSize, OutputSize);
}
