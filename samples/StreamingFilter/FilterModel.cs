using NetGen;

namespace StreamingFilter;

/// <summary>
/// The model: one input sample in, an LSTM of 12 units, one output sample out, trained with Adam. NetGen generates
/// its step, streaming state and backpropagation through time at compile time.
/// </summary>
[Network(1, Optimizer = OptimizerKind.Adam)]
[Lstm(12)]
[Dense(1)]
public partial class FilterModel
{
}

/// <summary>
/// The same architecture with the weights that pytorch/train.py wrote, compiled into the class: new PyTorchFilterModel()
/// predicts at once, with no file at run time (the project lists the file under AdditionalFiles).
/// </summary>
[Network(1, Optimizer = OptimizerKind.Adam, Weights = "pytorch/filter.state.json")]
[Lstm(12)]
[Dense(1)]
public partial class PyTorchFilterModel
{
}

/// <summary>
/// The same trained model from the ONNX file pytorch/train.py exports: the layers come from the file too, so nothing is
/// declared but the path.
/// </summary>
[NetworkModel("pytorch/filter.onnx", Optimizer = OptimizerKind.Adam)]
public partial class OnnxFilterModel
{
}
