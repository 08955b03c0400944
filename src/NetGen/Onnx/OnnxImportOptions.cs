namespace NetGen.Onnx;

/// <summary>How <see cref="OnnxModel"/>'s <c>Load</c> reads a dense model, beyond what the file says.</summary>
public sealed class OnnxImportOptions
{
    /// <summary>
    /// The file holds logits; NetGen appends this activation. For a classifier trained on logits
    /// (<c>CrossEntropyLoss</c>: <see cref="Activation.Softmax"/>, or <see cref="Activation.LogSoftmax"/> for log-probabilities; <c>BCEWithLogitsLoss</c>: <see cref="Activation.Sigmoid"/>)
    /// and exported without its final activation, whose graph ends in a linear layer (Gemm, or MatMul with an optional
    /// Add). The network's output activation must be this one. A graph whose last layer applies an activation is
    /// refused with this option. Default <see cref="Activation.Identity"/>: the graph's own activations, nothing appended.
    /// </summary>
    public Activation Logits { get; init; } = Activation.Identity;
}
