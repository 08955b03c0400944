namespace NetGen.Generator.Model;

/// <summary>Mirror of <c>NetGen.Loss</c> (same names and values; a test ties them).</summary>
internal enum LossKind
{
    SquaredError = 0,
    CrossEntropy = 1,
    Exponential = 2,
    Hellinger = 3,
}
