using NetGen;

namespace NetGen.Benchmarks.Streaming;

// The streaming benchmark models (issue: sequence layers), as RTNeural's users run them: one sample in, one out.

/// <summary>LSTM 1 → 16, Dense 16 → 1.</summary>
[Network(1)] [Lstm(16)] [Dense(1)] public partial class StreamLstm16 { }

/// <summary>LSTM 1 → 40, Dense 40 → 1.</summary>
[Network(1)] [Lstm(40)] [Dense(1)] public partial class StreamLstm40 { }

/// <summary>GRU 1 → 16, Dense 16 → 1.</summary>
[Network(1)] [Gru(16)] [Dense(1)] public partial class StreamGru16 { }

/// <summary>Conv1D 1 → 8 and 8 → 8 three times, kernel 3, dilations 1, 2, 4, 8, tanh; Dense 8 → 1.</summary>
[Network(1)]
[Conv1D(8, KernelSize = 3, Dilation = 1, Activation = Activation.Tanh)]
[Conv1D(8, KernelSize = 3, Dilation = 2, Activation = Activation.Tanh)]
[Conv1D(8, KernelSize = 3, Dilation = 4, Activation = Activation.Tanh)]
[Conv1D(8, KernelSize = 3, Dilation = 8, Activation = Activation.Tanh)]
[Dense(1)]
public partial class StreamTcn { }
