using NetGen.Training;

namespace NetGen.Benchmarks;

/// <summary>
/// Adam's hyperparameters, taken from a generated network's optimizer so that the baselines take the same step:
/// t ← t + 1; m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; state below float's smallest normal value set to 0
/// (as <see cref="AdamOptimizer{T}.FlushDenormals"/> does); θ ← θ − (η / (1 − β1^t))·m / (√v / √(1 − β2^t) + ε).
/// </summary>
public readonly record struct AdamSettings(float LearningRate, float Beta1, float Beta2, float Epsilon)
{
    public static AdamSettings From(AdamOptimizer<float> optimizer) =>
        new(optimizer.LearningRate, optimizer.Beta1, optimizer.Beta2, optimizer.Epsilon);
}
