// Also compiled into the generator (linked), where the shared model readers return it.
namespace NetGen;

/// <summary>
/// One layer of a sequence network, as declared: its kind, widths, convolution shape and activation, and where its
/// parameters and streaming state sit.
/// </summary>
/// <remarks>
/// Parameters, in order, row-major with the input index first (as in dense networks' W[in][out]):
/// <list type="bullet">
/// <item><description>Dense: W [In][Out], then b [Out].</description></item>
/// <item><description>Conv1D: W [k][In][Out], tap j applying to the input at t − (k − 1 − j)·d (PyTorch's
/// <c>weight[:, :, j]</c> transposed), then b [Out].</description></item>
/// <item><description>LSTM: Wx [In][4H], Wh [H][4H], then b [4H], columns in gate order i, f, g, o; b is PyTorch's
/// <c>bias_ih + bias_hh</c> (only their sum matters).</description></item>
/// <item><description>GRU: Wx [In][3H], Wh [H][3H], then bx [3H] and bh [3H], columns in gate order r, z, n (two biases,
/// because bhn sits inside r ⊙ (h·Whn + bhn)).</description></item>
/// </list>
/// Biases are absent when the network has none. State: LSTM h then c, GRU h, Conv1D a ring of
/// <see cref="RingFrames"/> past inputs; dense layers have none.
/// </remarks>
/// <param name="Kind">The layer kind.</param>
/// <param name="Inputs">The input width.</param>
/// <param name="Outputs">The output width: units, channels or size.</param>
/// <param name="KernelSize">k of a convolution; 1 for other kinds.</param>
/// <param name="Dilation">d of a convolution; 1 for other kinds.</param>
/// <param name="Activation">The activation of a dense or convolution layer; <see cref="Activation.Identity"/> for LSTM and GRU.</param>
/// <param name="HasBias">Whether the layer has biases.</param>
#if NETGEN_GENERATOR
internal
#else
public
#endif
readonly record struct SequenceLayer(
    SequenceLayerKind Kind, int Inputs, int Outputs, int KernelSize, int Dilation, Activation Activation, bool HasBias)
{
    /// <summary>Number of weights and biases of this layer.</summary>
    public int ParameterCount => Kind switch
    {
        SequenceLayerKind.Lstm => ((Inputs + Outputs) * 4 * Outputs) + (HasBias ? 4 * Outputs : 0),
        SequenceLayerKind.Gru => ((Inputs + Outputs) * 3 * Outputs) + (HasBias ? 6 * Outputs : 0),
        SequenceLayerKind.Conv1D => (KernelSize * Inputs * Outputs) + (HasBias ? Outputs : 0),
        _ => (Inputs * Outputs) + (HasBias ? Outputs : 0),
    };

    /// <summary>Number of weights (not biases) of this layer: the ones an L2 penalty applies to.</summary>
    public int WeightCount => ParameterCount - BiasCount;

    /// <summary>Number of biases of this layer.</summary>
    public int BiasCount => !HasBias ? 0 : Kind switch
    {
        SequenceLayerKind.Lstm => 4 * Outputs,
        SequenceLayerKind.Gru => 6 * Outputs,
        _ => Outputs,
    };

    /// <summary>
    /// Past input frames a convolution keeps: the smallest power of two ≥ (k − 1)·d + 1, so that ring positions are a
    /// mask of the frame counter; 0 for other kinds.
    /// </summary>
    public int RingFrames
    {
        get
        {
            if (Kind != SequenceLayerKind.Conv1D)
            {
                return 0;
            }

            int span = ((KernelSize - 1) * Dilation) + 1, frames = 1;
            while (frames < span)
            {
                frames <<= 1;
            }

            return frames;
        }
    }

    /// <summary>Number of streaming-state elements of this layer.</summary>
    public int StateSize => Kind switch
    {
        SequenceLayerKind.Lstm => 2 * Outputs,
        SequenceLayerKind.Gru => Outputs,
        SequenceLayerKind.Conv1D => RingFrames * Inputs,
        _ => 0,
    };
}
