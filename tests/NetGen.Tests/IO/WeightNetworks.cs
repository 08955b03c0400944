using System;

namespace NetGen.Tests.IO;

// Networks for the weight I/O tests. The four 3 → 4 → 2 networks cover float and double, with and without bias;
// the others differ from the float-with-bias one in exactly one header field, so each mismatch can be provoked
// with a file that is valid for some real network. The tiny 2 → 2 → 1 networks have hand-computed weights.

/// <summary>3 → 4 → 2, tanh hidden, identity output, bias, float (26 parameters).</summary>
[Network(3, 4, 2, Hidden = Activation.Tanh, Output = Activation.Identity)]
public partial class IoFloatBiasNet
{
}

/// <summary>3 → 4 → 2, tanh hidden, identity output, no bias, float (20 parameters, a 124-byte file).</summary>
[Network(3, 4, 2, Hidden = Activation.Tanh, Output = Activation.Identity, Bias = false)]
public partial class IoFloatNoBiasNet
{
}

/// <summary>3 → 4 → 2, tanh hidden, identity output, bias, double.</summary>
[Network(3, 4, 2, Hidden = Activation.Tanh, Output = Activation.Identity, ElementType = typeof(double))]
public partial class IoDoubleBiasNet
{
}

/// <summary>3 → 4 → 2, tanh hidden, identity output, no bias, double.</summary>
[Network(3, 4, 2, Hidden = Activation.Tanh, Output = Activation.Identity, Bias = false, ElementType = typeof(double))]
public partial class IoDoubleNoBiasNet
{
}

/// <summary>Like <see cref="IoFloatBiasNet"/> with 5 hidden units: other layer sizes.</summary>
[Network(3, 5, 2, Hidden = Activation.Tanh, Output = Activation.Identity)]
public partial class IoFloatWiderNet
{
}

/// <summary>Like <see cref="IoFloatBiasNet"/> with a second hidden layer: another layer count.</summary>
[Network(3, 4, 4, 2, Hidden = Activation.Tanh, Output = Activation.Identity)]
public partial class IoFloatDeeperNet
{
}

/// <summary>Like <see cref="IoFloatBiasNet"/> with a sigmoid hidden layer: other activations.</summary>
[Network(3, 4, 2, Hidden = Activation.Sigmoid, Output = Activation.Identity)]
public partial class IoFloatSigmoidNet
{
}

/// <summary>Like <see cref="IoFloatBiasNet"/> with LeakySlope 0.2 (the only difference).</summary>
[Network(3, 4, 2, Hidden = Activation.Tanh, Output = Activation.Identity, LeakySlope = 0.2)]
public partial class IoFloatSlopeNet
{
}

/// <summary>2 → 2 → 1, ReLU hidden, identity output, bias, float: weights and outputs computed by hand.</summary>
[Network(2, 2, 1, Hidden = Activation.ReLU, Output = Activation.Identity)]
public partial class IoTinyFloatNet
{
}

/// <summary>2 → 2 → 1, ReLU hidden, identity output, bias, double.</summary>
[Network(2, 2, 1, Hidden = Activation.ReLU, Output = Activation.Identity, ElementType = typeof(double))]
public partial class IoTinyDoubleNet
{
}

/// <summary>2 → 2 → 1, ReLU hidden, identity output, no bias, float.</summary>
[Network(2, 2, 1, Hidden = Activation.ReLU, Output = Activation.Identity, Bias = false)]
public partial class IoTinyFloatNoBiasNet
{
}

/// <summary>2 → 2 → 1, ReLU hidden, identity output, no bias, double.</summary>
[Network(2, 2, 1, Hidden = Activation.ReLU, Output = Activation.Identity, Bias = false, ElementType = typeof(double))]
public partial class IoTinyDoubleNoBiasNet
{
}

/// <summary>2 → 1, identity, bias, float: a single weight layer (a bare nn.Linear).</summary>
[Network(2, 1, Output = Activation.Identity)]
public partial class IoLinearNet
{
}

/// <summary>256 → 128 → 64, tanh hidden, sigmoid output, bias, float: 41,152 parameters, several I/O chunks.</summary>
[Network(256, 128, 64, Hidden = Activation.Tanh, Output = Activation.Sigmoid)]
public partial class IoLargeNet
{
}
