namespace NetGen.Generator.Model;

/// <summary>Mirror of <c>NetGen.Activation</c> (same names and values; a test ties them).</summary>
internal enum ActivationKind
{
    Identity = 0,
    Sigmoid = 1,
    Tanh = 2,
    ReLU = 3,
    LeakyReLU = 4,
    Softplus = 5,
    ELU = 6,
    GELU = 7,
    Softmax = 8,
}
