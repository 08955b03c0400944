using NetGen;

namespace StudyScore;

/// <summary>
/// The classic teaching network: 2 inputs (hours of sleep, hours of study), one hidden layer of 3 sigmoid
/// neurons, 1 sigmoid output (the test score / 100), squared-error cost, no biases: 9 weights. It computes in
/// double, which suits L-BFGS: its line search compares costs that differ far below float's precision.
/// NetGen generates the rest of this class at compile time.
/// </summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Loss = Loss.SquaredError, Bias = false,
         ElementType = typeof(double))]
public partial class StudyScoreNet
{
}
