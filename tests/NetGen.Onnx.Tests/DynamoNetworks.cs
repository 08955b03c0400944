namespace NetGen.Onnx.Tests;

// The networks of Fixtures/make_dynamo_fixtures.py, declared by hand (read with OnnxModel.Load) ...

[Network(6, 8, 4, Hidden = Activation.ReLU, Output = Activation.Tanh)]
public partial class DynamoDense { }

[Network(5, 7, 3, Hidden = Activation.Sigmoid, Output = Activation.Identity, ElementType = typeof(double))]
public partial class DynamoMatMul { }

[Network(4, 16, 3, Hidden = Activation.ReLU, Output = Activation.Softmax)]
public partial class DynamoClassifier { }

[Network(4, 16, 3, Hidden = Activation.ReLU, Output = Activation.Sigmoid)]
public partial class DynamoClassifierSigmoid { }

[Network(6, 4, 3, Hidden = Activation.ReLU, Output = Activation.Identity)]
public partial class TorchScriptFlatten { }

[Network(3)] [Lstm(6)] [Dense(2)]
public partial class DynamoLstm { }

[Network(3)] [Gru(5)] [Dense(2)]
public partial class DynamoGru { }

[Network(2)] [Conv1D(3, KernelSize = 3, Dilation = 2, Activation = Activation.Tanh)] [Dense(2)]
public partial class DynamoTcn { }

// ... and compiled from the files ([NetworkModel]).

[NetworkModel("Fixtures/dense_gemm_opset18.onnx")]
public partial class DynamoDenseModel { }

[NetworkModel("Fixtures/dense_matmul_opset28.onnx")]
public partial class DynamoMatMulModel { }

[NetworkModel("Fixtures/classifier_logits_opset18.onnx", Logits = Activation.Softmax)]
public partial class DynamoClassifierModel { }

[NetworkModel("Fixtures/lstm_opset18.onnx")]
public partial class DynamoLstmModel { }

[NetworkModel("Fixtures/gru_opset18.onnx")]
public partial class DynamoGruModel { }
