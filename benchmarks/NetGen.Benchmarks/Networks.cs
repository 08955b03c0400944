namespace NetGen.Benchmarks;

/// <summary>The classic 2-3-1 sigmoid network, here with biases (13 parameters).</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Loss = Loss.SquaredError, Bias = true)]
public partial class Sigmoid_2_3_1
{
}

/// <summary>A small regression network: 8 inputs, two tanh hidden layers of 16, one linear output (433 parameters).</summary>
[Network(8, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, Loss = Loss.SquaredError, Bias = true)]
public partial class Tanh_8_16_16_1
{
}
