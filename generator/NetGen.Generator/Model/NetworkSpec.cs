namespace NetGen.Generator.Model;

/// <summary>Everything the emitter needs to generate one network, and nothing from Roslyn.</summary>
/// <param name="Namespace">The class's namespace, or empty for the global namespace.</param>
/// <param name="EscapedNamespace">The namespace as C# source, with keywords escaped (<c>@class</c>).</param>
/// <param name="ContainingTypes">Enclosing types, outermost first.</param>
/// <param name="ClassName">The annotated class's name.</param>
/// <param name="ClassKeyword"><c>class</c>, or <c>record</c> for a record class.</param>
/// <param name="Tau">τ of the exponential cost.</param>
/// <param name="LeakySlope">α of LeakyReLU.</param>
/// <param name="Optimizer">The optimizer behind TrainBatch.</param>
/// <param name="SequenceLayers">
/// The layers of a sequence network (<c>[Network(n)]</c> with layer attributes), or empty for a dense network, whose
/// layers are <see cref="Layers"/>.
/// </param>
/// <param name="Weights">The trained parameters the class starts with, when a model file gives them.</param>
internal sealed record NetworkSpec(
    string Namespace,
    string EscapedNamespace,
    EquatableArray<ContainingType> ContainingTypes,
    string ClassName,
    string ClassKeyword,
    ElementType ElementType,
    EquatableArray<LayerSpec> Layers,
    Loss Loss,
    bool HasBias,
    double Tau,
    double LeakySlope,
    OptimizerKind Optimizer,
    EquatableArray<SequenceLayerSpec> SequenceLayers,
    TrainedWeights? Weights = null)
{
    public bool IsSequence => SequenceLayers.Count > 0;

    public int InputSize => IsSequence ? SequenceLayers[0].Inputs : Layers[0].Inputs;

    public int OutputSize => IsSequence ? SequenceLayers[SequenceLayers.Count - 1].Outputs : Layers[Layers.Count - 1].Outputs;

    public LayerSpec OutputLayer => Layers[Layers.Count - 1];

    /// <summary>The fully qualified name without <c>global::</c>, e.g. <c>MyApp.Outer.Net</c>.</summary>
    public string FullName
    {
        get
        {
            var name = new System.Text.StringBuilder(Namespace);
            foreach (ContainingType type in ContainingTypes)
            {
                name.Append(name.Length > 0 ? "." : "").Append(type.Name);
            }

            return name.Append(name.Length > 0 ? "." : "").Append(ClassName).ToString();
        }
    }
}
