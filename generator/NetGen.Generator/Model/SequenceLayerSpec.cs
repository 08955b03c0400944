namespace NetGen.Generator.Model;

/// <summary>
/// Layer <see cref="Index"/> (1-based, in source order) of a sequence network, as its attribute declares it;
/// <see cref="KernelSize"/> and <see cref="Dilation"/> are 1 and <see cref="Activation"/> identity where the kind has none.
/// </summary>
internal sealed record SequenceLayerSpec(
    int Index, SequenceLayerKind Kind, int Inputs, int Outputs, int KernelSize, int Dilation, Activation Activation);
