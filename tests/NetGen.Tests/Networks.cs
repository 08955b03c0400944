namespace NetGen.Tests;

// The networks the numerical tests run. Together they cover every activation as hidden and as output
// (hidden: Sigmoid, Tanh, ReLU, Identity; output: Sigmoid, Identity, Tanh, ReLU), with and without bias,
// one to four weight layers, sizes that are not multiples of the vector width 4, and sizes large enough
// for loops rather than unrolled code. NetworkCases.Specs repeats each declaration for the scalar reference.

/// <summary>The classic 2 → 3 → 1 study-score network: sigmoid everywhere, no bias (9 weights).</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false)]
public partial class StudyScoreNet
{
}

/// <summary>4 → 8 → 8 → 3, tanh hidden, identity output, bias.</summary>
[Network(4, 8, 8, 3, Hidden = Activation.Tanh, Output = Activation.Identity)]
public partial class TanhNet
{
}

/// <summary>3 → 5 → 2, ReLU hidden, identity output, bias (5 and 3 are not multiples of 4).</summary>
[Network(3, 5, 2, Hidden = Activation.ReLU, Output = Activation.Identity)]
public partial class ReluNet
{
}

/// <summary>5 → 7 → 6 → 4 → 3, sigmoid hidden, tanh output, bias (four weight layers).</summary>
[Network(5, 7, 6, 4, 3, Hidden = Activation.Sigmoid, Output = Activation.Tanh)]
public partial class DeepNet
{
}

/// <summary>6 → 9 → 5 → 4, ReLU hidden and ReLU output, no bias.</summary>
[Network(6, 9, 5, 4, Hidden = Activation.ReLU, Output = Activation.ReLU, Bias = false)]
public partial class DeepReluNet
{
}

/// <summary>20 → 37 → 9, identity hidden, ReLU output, bias.</summary>
[Network(20, 37, 9, Hidden = Activation.Identity, Output = Activation.ReLU)]
public partial class WideNet
{
}

/// <summary>3 → 2, a single weight layer (linear regression), identity output, bias.</summary>
[Network(3, 2, Output = Activation.Identity)]
public partial class LinearNet
{
}

/// <summary>64 → 40 → 10, ReLU hidden, sigmoid output, bias: large enough for loops.</summary>
[Network(64, 40, 10, Hidden = Activation.ReLU, Output = Activation.Sigmoid)]
public partial class LoopNet
{
}

/// <summary>784 → 128 → 10, tanh hidden, sigmoid output, bias (101,770 parameters).</summary>
[Network(784, 128, 10, Hidden = Activation.Tanh, Output = Activation.Sigmoid)]
public partial class MnistNet
{
}
