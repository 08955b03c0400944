using NetGen;

namespace AotCheck;

// The networks this check runs. Together they cover float and double, every activation, every cost, biases and no
// biases, the unrolled kernels of small layers and the looped, chunked kernels of wide ones, and three optimizers.

/// <summary>The classic 2-3-1 sigmoid network without biases, in float: Forward and the fused SGD step.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Loss = Loss.SquaredError, Bias = false)]
public partial class ClassicFloatNet
{
}

/// <summary>The same network in double: Forward, L-BFGS and the gradient check.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Loss = Loss.SquaredError, Bias = false,
         ElementType = typeof(double))]
public partial class ClassicDoubleNet
{
}

/// <summary>A softmax classifier trained with Adam: TrainBatch, TrainStep and Fit.</summary>
[Network(4, 8, 3, Hidden = Activation.ReLU, Output = Activation.Softmax, Loss = Loss.CrossEntropy,
         Optimizer = OptimizerKind.Adam)]
public partial class AdamClassifier
{
}

/// <summary>A regression network in double with one activation per layer, trained with momentum and L2.</summary>
[Network(3, 6, 5, 2, Activations = new[] { Activation.GELU, Activation.Tanh, Activation.Identity },
         Loss = Loss.Exponential, Tau = 2.0, Optimizer = OptimizerKind.Momentum, ElementType = typeof(double))]
public partial class MomentumRegressor
{
}

/// <summary>LeakyReLU, ELU and a softplus output under the Hellinger cost, in float, without biases.</summary>
[Network(3, 5, 4, 2, Activations = new[] { Activation.LeakyReLU, Activation.ELU, Activation.Softplus },
         LeakySlope = 0.05, Loss = Loss.Hellinger, Bias = false)]
public partial class HellingerNet
{
}

/// <summary>Wide enough for the looped kernels (64 × 40 weights) and the chunked outputs (40 floats = 10 vectors).</summary>
[Network(64, 40, 10, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Loss = Loss.CrossEntropy)]
public partial class WideNet
{
}

/// <summary>A float LSTM streamed frame by frame.</summary>
[Network(1)] [Lstm(8)] [Dense(1)] public partial class SequenceLstmNet { }

/// <summary>Every sequence layer kind in one float stack.</summary>
[Network(2)]
[Conv1D(4, KernelSize = 3, Dilation = 2, Activation = Activation.Tanh)]
[Gru(5)]
[Dense(3, Activation = Activation.ReLU)]
[Lstm(2)]
public partial class SequenceStackNet { }

/// <summary>A double GRU trained by BPTT.</summary>
[Network(1, ElementType = typeof(double))] [Gru(6)] [Dense(1)] public partial class SequenceGruNet { }

/// <summary>A model compiled into a type: the RTNeural stack of the sequence tests, its weights in the assembly.</summary>
[NetworkModel("Fixtures/stack.rtneural.json")]
public partial class CompiledStackModel { }

/// <summary>A declared network whose weights come from a PyTorch state_dict at compile time.</summary>
[Network(2, 2, 1, Hidden = Activation.ReLU, Output = Activation.Identity, Weights = "Fixtures/tiny.state.json")]
public partial class CompiledTinyNet { }

/// <summary>ONNX files compiled into types: a PyTorch dense classifier and a PyTorch LSTM (double graph, float class).</summary>
[NetworkModel("Fixtures/digits.onnx")]
public partial class CompiledDigitsModel { }

[NetworkModel("Fixtures/lstm.onnx", ElementType = typeof(float))]
public partial class CompiledLstmOnnx { }
