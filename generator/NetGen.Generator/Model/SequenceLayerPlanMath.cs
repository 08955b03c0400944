namespace NetGen.Generator.Model;

/// <summary>
/// How many parameters, state elements and step scratch elements one sequence layer has, as the runtime's
/// <c>NetGen.SequenceLayer</c> counts them (a test holds the two to the same numbers).
/// </summary>
internal readonly struct SequenceLayerPlanMath
{
    private SequenceLayerPlanMath(long parameters, long biases, long state, long ringFrames, long scratch)
    {
        Parameters = parameters;
        Biases = biases;
        State = state;
        RingFrames = ringFrames;
        Scratch = scratch;
    }

    public long Parameters { get; }

    public long Biases { get; }

    public long State { get; }

    /// <summary>Past input frames a convolution keeps: the smallest power of two ≥ (k − 1)·d + 1.</summary>
    public long RingFrames { get; }

    /// <summary>
    /// Scratch a step needs: LSTM gates and tanh c (5H), GRU gates (6H), the output row of other kinds, and a convolution's
    /// k input frames side by side (k·n).
    /// </summary>
    public long Scratch { get; }

    public static SequenceLayerPlanMath Of(SequenceLayerSpec layer, bool hasBias)
    {
        long n = layer.Inputs, m = layer.Outputs;
        switch (layer.Kind)
        {
            case SequenceLayerKind.Lstm:
                return new((n + m) * 4 * m + (hasBias ? 4 * m : 0), hasBias ? 4 * m : 0, 2 * m, 0, 5 * m);
            case SequenceLayerKind.Gru:
                return new((n + m) * 3 * m + (hasBias ? 6 * m : 0), hasBias ? 6 * m : 0, m, 0, 6 * m);
            case SequenceLayerKind.Conv1D:
                long reach = ((long)(layer.KernelSize - 1) * layer.Dilation) + 1, frames = 1;
                while (frames < reach)
                {
                    frames <<= 1;
                }

                return new(layer.KernelSize * n * m + (hasBias ? m : 0), hasBias ? m : 0, frames * n, frames, m + (layer.KernelSize * n));
            default:
                return new(n * m + (hasBias ? m : 0), hasBias ? m : 0, 0, 0, m);
        }
    }
}
