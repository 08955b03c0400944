namespace NetGen.Benchmarks;

// The four standard float networks of the benchmark suite, all with biases and squared error. Each is declared
// twice: with the default SGD optimizer (Forward, ForwardBatch and the fused SgdStep(x, y, η), which ignores the
// optimizer) and with Adam (TrainStep(x, y) = one Adam step on one sample). Both start from the same parameters:
// initialization depends only on the sizes, activations, biases and seed. The 8-16-16-1 Adam network is
// Tanh_8_16_16_1_Adam in OptimizerNetworks.cs.

/// <summary>(a) The classic 2-3-1 sigmoid network, here with biases (13 parameters).</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Loss = Loss.SquaredError, Bias = true)]
public partial class Sigmoid_2_3_1
{
}

/// <summary>(a) 2-3-1 sigmoid with biases, Adam.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Loss = Loss.SquaredError, Bias = true, Optimizer = OptimizerKind.Adam)]
public partial class Sigmoid_2_3_1_Adam
{
}

/// <summary>(b) A small regression network: 8 inputs, two tanh hidden layers of 16, one linear output (433 parameters).</summary>
[Network(8, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, Loss = Loss.SquaredError, Bias = true)]
public partial class Tanh_8_16_16_1
{
}

/// <summary>(c) 64 inputs, 32 ReLU hidden units, 10 linear outputs (2,410 parameters).</summary>
[Network(64, 32, 10, Hidden = Activation.ReLU, Output = Activation.Identity, Loss = Loss.SquaredError, Bias = true)]
public partial class Relu_64_32_10
{
}

/// <summary>(c) 64-32-10 ReLU/identity with biases, Adam.</summary>
[Network(64, 32, 10, Hidden = Activation.ReLU, Output = Activation.Identity, Loss = Loss.SquaredError, Bias = true, Optimizer = OptimizerKind.Adam)]
public partial class Relu_64_32_10_Adam
{
}

/// <summary>(d) MNIST-sized: 784 inputs, 128 ReLU hidden units, 10 linear outputs (101,770 parameters).</summary>
[Network(784, 128, 10, Hidden = Activation.ReLU, Output = Activation.Identity, Loss = Loss.SquaredError, Bias = true)]
public partial class Relu_784_128_10
{
}

/// <summary>(d) 784-128-10 ReLU/identity with biases, Adam.</summary>
[Network(784, 128, 10, Hidden = Activation.ReLU, Output = Activation.Identity, Loss = Loss.SquaredError, Bias = true, Optimizer = OptimizerKind.Adam)]
public partial class Relu_784_128_10_Adam
{
}
