namespace NetGen.Tests.Sequence;

// The declarations of the sequence-layers contract, and variants that cover every layer kind, stacking and options.
[Network(1)]
[Lstm(16)]
[Dense(1)]
public partial class AmpModel { }

[Network(1)] [Gru(16)] [Dense(1)] public partial class GruModel { }

[Network(1)]
[Conv1D(8, KernelSize = 3, Dilation = 1, Activation = Activation.Tanh)]
[Conv1D(8, KernelSize = 3, Dilation = 2, Activation = Activation.Tanh)]
[Dense(1)]
public partial class TcnModel { }

[Network(1, ElementType = typeof(double))] [Lstm(8)] [Dense(1)] public partial class Lstm8D { }

/// <summary>Every kind stacked, in double, for gradient checks: convolution before recurrent layers, dense between.</summary>
[Network(3, ElementType = typeof(double))]
[Conv1D(4, KernelSize = 2, Dilation = 2, Activation = Activation.Tanh)]
[Gru(5)]
[Dense(4, Activation = Activation.Sigmoid)]
[Lstm(3)]
[Lstm(2)]
[Dense(2)]
public partial class StackD { }

/// <summary>The same stack without biases.</summary>
[Network(3, ElementType = typeof(double), Bias = false)]
[Conv1D(4, KernelSize = 2, Dilation = 2, Activation = Activation.Tanh)]
[Gru(5)]
[Dense(4, Activation = Activation.Sigmoid)]
[Lstm(3)]
[Lstm(2)]
[Dense(2)]
public partial class StackNoBiasD { }

/// <summary>A recurrent last layer (ŷ = h) and rectifier activations, in double.</summary>
[Network(2, ElementType = typeof(double), LeakySlope = 0.1)]
[Dense(6, Activation = Activation.LeakyReLU)]
[Conv1D(5, KernelSize = 3, Dilation = 3, Activation = Activation.ELU)]
[Dense(4, Activation = Activation.Softplus)]
[Gru(3)]
public partial class RecurrentLastD { }

/// <summary>The stack in float, for float-versus-double comparisons.</summary>
[Network(3)]
[Conv1D(4, KernelSize = 2, Dilation = 2, Activation = Activation.Tanh)]
[Gru(5)]
[Dense(4, Activation = Activation.Sigmoid)]
[Lstm(3)]
[Lstm(2)]
[Dense(2)]
public partial class StackF { }

/// <summary>The contract's models in double, compared with PyTorch's float64 outputs.</summary>
[Network(1, ElementType = typeof(double))] [Lstm(16)] [Dense(1)] public partial class AmpModelD { }

[Network(1, ElementType = typeof(double))] [Gru(16)] [Dense(1)] public partial class GruModelD { }

[Network(1, ElementType = typeof(double))]
[Conv1D(8, KernelSize = 3, Dilation = 1, Activation = Activation.Tanh)]
[Conv1D(8, KernelSize = 3, Dilation = 2, Activation = Activation.Tanh)]
[Dense(1)]
public partial class TcnModelD { }

/// <summary>
/// Two LSTMs stacked: the upper one's carries once overwrote the zero state the lower one starts from, which only a
/// stack of recurrent layers of different widths showed.
/// </summary>
[Network(3, ElementType = typeof(double))] [Lstm(3)] [Lstm(2)] [Dense(2)] public partial class StackedLstmD { }

/// <summary>An LSTM trained with Adam through TrainSequence.</summary>
[Network(1, Optimizer = OptimizerKind.Adam)] [Lstm(8)] [Dense(1)] public partial class AdamLstm { }

/// <summary>One nn.LSTM with num_layers = 2 in PyTorch: two stacked layers here.</summary>
[Network(1, ElementType = typeof(double))] [Lstm(8)] [Lstm(8)] [Dense(1)] public partial class Lstm2D { }
