namespace NetGen.Generator.Model;

/// <summary>Mirror of <c>NetGen.OptimizerKind</c> (same names and values; a test ties them).</summary>
internal enum OptimizerKind
{
    Sgd = 0,
    Momentum = 1,
    Nesterov = 2,
    Adam = 3,
    AdamW = 4,
    RmsProp = 5,
}
