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
