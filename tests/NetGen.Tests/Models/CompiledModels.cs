namespace NetGen.Tests.Models;

/// <summary>The RTNeural stack (Sequence/Fixtures/stack.rtneural.json) compiled into types, in double and float.</summary>
[NetworkModel("Sequence/Fixtures/stack.rtneural.json", ElementType = typeof(double))]
public partial class StackModelD { }

[NetworkModel("Sequence/Fixtures/stack.rtneural.json")]
public partial class StackModelF { }

/// <summary>Declared architectures with PyTorch state_dict weights compiled in.</summary>
[Network(3, ElementType = typeof(double), Weights = "Sequence/Fixtures/stack.state.json")]
[Conv1D(4, KernelSize = 2, Dilation = 2, Activation = Activation.Tanh)]
[Gru(5)]
[Dense(4, Activation = Activation.Sigmoid)]
[Lstm(3)]
[Lstm(2)]
[Dense(2)]
public partial class StackWeightsD { }

[Network(1, ElementType = typeof(double), Weights = "Sequence/Fixtures/lstm.state.json")] [Lstm(16)] [Dense(1)]
public partial class AmpWeightsD { }

[Network(1, Weights = "Sequence/Fixtures/gru.state.json")] [Gru(16)] [Dense(1)]
public partial class GruWeightsF { }

/// <summary>The hand-computed 2 → 2 → 1 network of the PyTorch import tests, its weights compiled in.</summary>
[Network(2, 2, 1, Hidden = Activation.ReLU, Output = Activation.Identity, Weights = "Models/Fixtures/tiny.state.json")]
public partial class TinyWeights { }

[Network(2, 2, 1, Hidden = Activation.ReLU, Output = Activation.Identity, ElementType = typeof(double), Weights = "tiny.state.json")]
public partial class TinyWeightsD { }

/// <summary>What torch.onnx.export wrote for the sequence fixtures (Sequence/Fixtures/*.onnx), compiled into types.</summary>
[NetworkModel("Sequence/Fixtures/lstm.onnx", ElementType = typeof(double))]
public partial class LstmOnnxD { }

[NetworkModel("Sequence/Fixtures/gru.onnx", ElementType = typeof(double))]
public partial class GruOnnxD { }

[NetworkModel("Sequence/Fixtures/tcn.onnx", ElementType = typeof(double))]
public partial class TcnOnnxD { }

[NetworkModel("Sequence/Fixtures/stack.onnx", ElementType = typeof(double))]
public partial class StackOnnxD { }

[NetworkModel("Sequence/Fixtures/stackNoBias.onnx", ElementType = typeof(double))]
public partial class StackNoBiasOnnxD { }

[NetworkModel("Sequence/Fixtures/lstm2.onnx", ElementType = typeof(double))]
public partial class Lstm2OnnxD { }

/// <summary>The same LSTM in float: the double graph's values rounded once.</summary>
[NetworkModel("Sequence/Fixtures/lstm.onnx", ElementType = typeof(float))]
public partial class LstmOnnxF { }

/// <summary>Without ElementType, an ONNX model's own: the GRU graph is double.</summary>
[NetworkModel("Sequence/Fixtures/gru.onnx")]
public partial class GruOnnxDefault { }

/// <summary>PyTorch-trained dense models exported with torch.onnx.export (Models/Fixtures/make_fixtures.py), compiled into types.</summary>
[NetworkModel("Models/Fixtures/digits.onnx")]
public partial class DigitsModel { }

[NetworkModel("Models/Fixtures/regressor.onnx", ElementType = typeof(double))]
public partial class RegressorModel { }

/// <summary>The same architectures declared by hand, for OnnxModel.Load at run time.</summary>
[Network(64, 32, 10, Hidden = Activation.ReLU, Output = Activation.Softmax, Loss = Loss.CrossEntropy)]
public partial class DigitsNet { }

[Network(3, 8, 8, 1, Activations = [Activation.Tanh, Activation.Sigmoid, Activation.Identity], ElementType = typeof(double))]
public partial class RegressorNet { }
