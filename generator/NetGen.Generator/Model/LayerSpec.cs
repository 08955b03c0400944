namespace NetGen.Generator.Model;

/// <summary>
/// Dense weight layer <see cref="Index"/> (1-based, as in the math): z(l+1) = a(l)·W(l) + b(l), a(l+1) = f(z(l+1)).
/// </summary>
internal sealed record LayerSpec(int Index, int Inputs, int Outputs, Activation Activation);
