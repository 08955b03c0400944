namespace NetGen.Generator.Model;

/// <summary>A model file named by an attribute, before it is read.</summary>
/// <param name="Path">The path as written in the attribute.</param>
/// <param name="Location">The path argument, where every problem with the file is reported.</param>
/// <param name="DefinesArchitecture">
/// <see langword="true"/> for <c>[NetworkModel]</c> (layers and weights from the file); <see langword="false"/> for
/// <c>[Network(..., Weights = ...)]</c> (weights for the declared layers).
/// </param>
/// <param name="ElementTypeFromModel">
/// Whether the class takes the model's element type (a <c>[NetworkModel]</c> that does not set <c>ElementType</c>; used
/// by formats that have one, ONNX).
/// </param>
/// <param name="Logits">
/// <c>[NetworkModel]</c>'s <c>Logits</c>: the activation appended to a dense ONNX graph that ends in logits (Identity: none).
/// </param>
/// <param name="ModuleOrder">The state_dict modules in run order that <c>ModuleOrder</c> gives, if any.</param>
internal sealed record ModelReference(
    string Path,
    LocationInfo? Location,
    bool DefinesArchitecture,
    bool ElementTypeFromModel = false,
    Activation Logits = Activation.Identity,
    EquatableArray<string>? ModuleOrder = null);
