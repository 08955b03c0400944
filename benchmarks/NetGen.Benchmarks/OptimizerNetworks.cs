namespace NetGen.Benchmarks;

// The 8-16-16-1 regression network of Tanh_8_16_16_1 (433 parameters) once per optimizer kind, for
// OptimizerStepBenchmarks.

/// <summary>8-16-16-1, tanh hidden, identity output, biases, SGD.</summary>
[Network(8, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, Optimizer = OptimizerKind.Sgd)]
public partial class Tanh_8_16_16_1_Sgd
{
}

/// <summary>8-16-16-1, tanh hidden, identity output, biases, classical momentum.</summary>
[Network(8, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, Optimizer = OptimizerKind.Momentum)]
public partial class Tanh_8_16_16_1_Momentum
{
}

/// <summary>8-16-16-1, tanh hidden, identity output, biases, Nesterov momentum.</summary>
[Network(8, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, Optimizer = OptimizerKind.Nesterov)]
public partial class Tanh_8_16_16_1_Nesterov
{
}

/// <summary>8-16-16-1, tanh hidden, identity output, biases, Adam.</summary>
[Network(8, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, Optimizer = OptimizerKind.Adam)]
public partial class Tanh_8_16_16_1_Adam
{
}

/// <summary>8-16-16-1, tanh hidden, identity output, biases, AdamW.</summary>
[Network(8, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, Optimizer = OptimizerKind.AdamW)]
public partial class Tanh_8_16_16_1_AdamW
{
}

/// <summary>8-16-16-1, tanh hidden, identity output, biases, RMSProp.</summary>
[Network(8, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, Optimizer = OptimizerKind.RmsProp)]
public partial class Tanh_8_16_16_1_RmsProp
{
}
