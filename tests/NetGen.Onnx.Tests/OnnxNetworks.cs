using System;
using System.Collections.Generic;

namespace NetGen.Onnx.Tests;

// The networks the ONNX tests export, run in ONNX Runtime and import. For float and double, with and without
// bias: every activation X other than softmax as hidden and as output (3 → 7 → 5, [X, X]); softmax as output
// (3 → 7 → 5, [Tanh, Softmax]), and so is LogSoftmax (float with bias, double without); and one deep network with every activation in a row (nine weight layers, the
// LeakyReLU slope 0.2, which float cannot represent exactly, so the double model must carry a double constant).

/// <summary>3 → 7 → 5, Identity hidden and output, float, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Identity, Activation.Identity })]
public partial class IdentityFloatBias
{
}

/// <summary>3 → 7 → 5, Sigmoid hidden and output, float, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Sigmoid, Activation.Sigmoid })]
public partial class SigmoidFloatBias
{
}

/// <summary>3 → 7 → 5, Tanh hidden and output, float, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Tanh, Activation.Tanh })]
public partial class TanhFloatBias
{
}

/// <summary>3 → 7 → 5, ReLU hidden and output, float, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.ReLU, Activation.ReLU })]
public partial class ReLUFloatBias
{
}

/// <summary>3 → 7 → 5, LeakyReLU hidden and output, float, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.LeakyReLU, Activation.LeakyReLU })]
public partial class LeakyReLUFloatBias
{
}

/// <summary>3 → 7 → 5, Softplus hidden and output, float, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Softplus, Activation.Softplus })]
public partial class SoftplusFloatBias
{
}

/// <summary>3 → 7 → 5, ELU hidden and output, float, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.ELU, Activation.ELU })]
public partial class ELUFloatBias
{
}

/// <summary>3 → 7 → 5, GELU hidden and output, float, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.GELU, Activation.GELU })]
public partial class GELUFloatBias
{
}

/// <summary>3 → 7 → 5, Tanh hidden, Softmax output, float, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Tanh, Activation.Softmax })]
public partial class SoftmaxFloatBias
{
}

/// <summary>4 → 6 → 5 → 7 → 5 → 6 → 4 → 5 → 6 → 3, every activation in a row, LeakySlope 0.2, float, with bias.</summary>
[Network(4, 6, 5, 7, 5, 6, 4, 5, 6, 3, Activations = new[] { Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.Softplus, Activation.ELU, Activation.GELU, Activation.Identity, Activation.Softmax }, LeakySlope = 0.2)]
public partial class MixedFloatBias
{
}

/// <summary>3 → 7 → 5, Identity hidden and output, float, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Identity, Activation.Identity }, Bias = false)]
public partial class IdentityFloatNoBias
{
}

/// <summary>3 → 7 → 5, Sigmoid hidden and output, float, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Sigmoid, Activation.Sigmoid }, Bias = false)]
public partial class SigmoidFloatNoBias
{
}

/// <summary>3 → 7 → 5, Tanh hidden and output, float, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Tanh, Activation.Tanh }, Bias = false)]
public partial class TanhFloatNoBias
{
}

/// <summary>3 → 7 → 5, ReLU hidden and output, float, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.ReLU, Activation.ReLU }, Bias = false)]
public partial class ReLUFloatNoBias
{
}

/// <summary>3 → 7 → 5, LeakyReLU hidden and output, float, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.LeakyReLU, Activation.LeakyReLU }, Bias = false)]
public partial class LeakyReLUFloatNoBias
{
}

/// <summary>3 → 7 → 5, Softplus hidden and output, float, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Softplus, Activation.Softplus }, Bias = false)]
public partial class SoftplusFloatNoBias
{
}

/// <summary>3 → 7 → 5, ELU hidden and output, float, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.ELU, Activation.ELU }, Bias = false)]
public partial class ELUFloatNoBias
{
}

/// <summary>3 → 7 → 5, GELU hidden and output, float, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.GELU, Activation.GELU }, Bias = false)]
public partial class GELUFloatNoBias
{
}

/// <summary>3 → 7 → 5, Tanh hidden, Softmax output, float, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Tanh, Activation.Softmax }, Bias = false)]
public partial class SoftmaxFloatNoBias
{
}

/// <summary>4 → 6 → 5 → 7 → 5 → 6 → 4 → 5 → 6 → 3, every activation in a row, LeakySlope 0.2, float, without bias.</summary>
[Network(4, 6, 5, 7, 5, 6, 4, 5, 6, 3, Activations = new[] { Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.Softplus, Activation.ELU, Activation.GELU, Activation.Identity, Activation.Softmax }, Bias = false, LeakySlope = 0.2)]
public partial class MixedFloatNoBias
{
}

/// <summary>3 → 7 → 5, Identity hidden and output, double, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Identity, Activation.Identity }, ElementType = typeof(double))]
public partial class IdentityDoubleBias
{
}

/// <summary>3 → 7 → 5, Sigmoid hidden and output, double, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Sigmoid, Activation.Sigmoid }, ElementType = typeof(double))]
public partial class SigmoidDoubleBias
{
}

/// <summary>3 → 7 → 5, Tanh hidden and output, double, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Tanh, Activation.Tanh }, ElementType = typeof(double))]
public partial class TanhDoubleBias
{
}

/// <summary>3 → 7 → 5, ReLU hidden and output, double, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.ReLU, Activation.ReLU }, ElementType = typeof(double))]
public partial class ReLUDoubleBias
{
}

/// <summary>3 → 7 → 5, LeakyReLU hidden and output, double, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.LeakyReLU, Activation.LeakyReLU }, ElementType = typeof(double))]
public partial class LeakyReLUDoubleBias
{
}

/// <summary>3 → 7 → 5, Softplus hidden and output, double, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Softplus, Activation.Softplus }, ElementType = typeof(double))]
public partial class SoftplusDoubleBias
{
}

/// <summary>3 → 7 → 5, ELU hidden and output, double, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.ELU, Activation.ELU }, ElementType = typeof(double))]
public partial class ELUDoubleBias
{
}

/// <summary>3 → 7 → 5, GELU hidden and output, double, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.GELU, Activation.GELU }, ElementType = typeof(double))]
public partial class GELUDoubleBias
{
}

/// <summary>3 → 7 → 5, Tanh hidden, Softmax output, double, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Tanh, Activation.Softmax }, ElementType = typeof(double))]
public partial class SoftmaxDoubleBias
{
}

/// <summary>4 → 6 → 5 → 7 → 5 → 6 → 4 → 5 → 6 → 3, every activation in a row, LeakySlope 0.2, double, with bias.</summary>
[Network(4, 6, 5, 7, 5, 6, 4, 5, 6, 3, Activations = new[] { Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.Softplus, Activation.ELU, Activation.GELU, Activation.Identity, Activation.Softmax }, ElementType = typeof(double), LeakySlope = 0.2)]
public partial class MixedDoubleBias
{
}

/// <summary>3 → 7 → 5, Identity hidden and output, double, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Identity, Activation.Identity }, ElementType = typeof(double), Bias = false)]
public partial class IdentityDoubleNoBias
{
}

/// <summary>3 → 7 → 5, Sigmoid hidden and output, double, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Sigmoid, Activation.Sigmoid }, ElementType = typeof(double), Bias = false)]
public partial class SigmoidDoubleNoBias
{
}

/// <summary>3 → 7 → 5, Tanh hidden and output, double, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Tanh, Activation.Tanh }, ElementType = typeof(double), Bias = false)]
public partial class TanhDoubleNoBias
{
}

/// <summary>3 → 7 → 5, ReLU hidden and output, double, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.ReLU, Activation.ReLU }, ElementType = typeof(double), Bias = false)]
public partial class ReLUDoubleNoBias
{
}

/// <summary>3 → 7 → 5, LeakyReLU hidden and output, double, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.LeakyReLU, Activation.LeakyReLU }, ElementType = typeof(double), Bias = false)]
public partial class LeakyReLUDoubleNoBias
{
}

/// <summary>3 → 7 → 5, Softplus hidden and output, double, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Softplus, Activation.Softplus }, ElementType = typeof(double), Bias = false)]
public partial class SoftplusDoubleNoBias
{
}

/// <summary>3 → 7 → 5, ELU hidden and output, double, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.ELU, Activation.ELU }, ElementType = typeof(double), Bias = false)]
public partial class ELUDoubleNoBias
{
}

/// <summary>3 → 7 → 5, GELU hidden and output, double, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.GELU, Activation.GELU }, ElementType = typeof(double), Bias = false)]
public partial class GELUDoubleNoBias
{
}

/// <summary>3 → 7 → 5, Tanh hidden, Softmax output, double, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Tanh, Activation.Softmax }, ElementType = typeof(double), Bias = false)]
public partial class SoftmaxDoubleNoBias
{
}

/// <summary>4 → 6 → 5 → 7 → 5 → 6 → 4 → 5 → 6 → 3, every activation in a row, LeakySlope 0.2, double, without bias.</summary>
[Network(4, 6, 5, 7, 5, 6, 4, 5, 6, 3, Activations = new[] { Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.Softplus, Activation.ELU, Activation.GELU, Activation.Identity, Activation.Softmax }, ElementType = typeof(double), Bias = false, LeakySlope = 0.2)]
public partial class MixedDoubleNoBias
{
}

// Near misses of the networks above, each different in one respect, for the import rejection tests.

/// <summary>Like SigmoidFloatBias with 6 hidden units instead of 7.</summary>
[Network(3, 6, 5, Activations = new[] { Activation.Sigmoid, Activation.Sigmoid })]
public partial class SigmoidFloatBiasNarrow
{
}

/// <summary>Like SigmoidFloatBias with a second hidden layer.</summary>
[Network(3, 7, 7, 5, Activations = new[] { Activation.Sigmoid, Activation.Sigmoid, Activation.Sigmoid })]
public partial class SigmoidFloatBiasDeeper
{
}

/// <summary>Like SigmoidFloatBias with 4 inputs instead of 3.</summary>
[Network(4, 7, 5, Activations = new[] { Activation.Sigmoid, Activation.Sigmoid })]
public partial class SigmoidFloatBiasWiderInput
{
}

/// <summary>Like LeakyReLUFloatBias with LeakySlope 0.2 instead of 0.01.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.LeakyReLU, Activation.LeakyReLU }, LeakySlope = 0.2)]
public partial class LeakyReLUFloatBiasSlope02
{
}

/// <summary>Like LeakyReLUDoubleBias with LeakySlope 0.2 instead of 0.01.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.LeakyReLU, Activation.LeakyReLU }, ElementType = typeof(double), LeakySlope = 0.2)]
public partial class LeakyReLUDoubleBiasSlope02
{
}

/// <summary>Like LeakyReLUDoubleBias with a slope that rounds to the same float as 0.01 but is a different double.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.LeakyReLU, Activation.LeakyReLU }, ElementType = typeof(double), LeakySlope = 0.0100000001)]
public partial class LeakyReLUDoubleBiasSlopeNearFloat
{
}

/// <summary>3 → 7 → 5, Tanh hidden, LogSoftmax output (PyTorch's NLLLoss idiom), float, with bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Tanh, Activation.LogSoftmax }, Loss = Loss.CrossEntropy)]
public partial class LogSoftmaxFloatBias
{
}

/// <summary>3 → 7 → 5, Tanh hidden, LogSoftmax output, double, without bias.</summary>
[Network(3, 7, 5, Activations = new[] { Activation.Tanh, Activation.LogSoftmax }, Loss = Loss.CrossEntropy, ElementType = typeof(double), Bias = false)]
public partial class LogSoftmaxDoubleNoBias
{
}

/// <summary>Creates the test networks by name, so that theories can take the name as their data.</summary>
internal static class OnnxNetworks
{
    private static readonly Dictionary<string, Func<object>> s_factories = new(StringComparer.Ordinal)
    {

        [nameof(IdentityFloatBias)] = () => new IdentityFloatBias(),

        [nameof(SigmoidFloatBias)] = () => new SigmoidFloatBias(),

        [nameof(TanhFloatBias)] = () => new TanhFloatBias(),

        [nameof(ReLUFloatBias)] = () => new ReLUFloatBias(),

        [nameof(LeakyReLUFloatBias)] = () => new LeakyReLUFloatBias(),

        [nameof(SoftplusFloatBias)] = () => new SoftplusFloatBias(),

        [nameof(ELUFloatBias)] = () => new ELUFloatBias(),

        [nameof(GELUFloatBias)] = () => new GELUFloatBias(),

        [nameof(SoftmaxFloatBias)] = () => new SoftmaxFloatBias(),

        [nameof(LogSoftmaxFloatBias)] = () => new LogSoftmaxFloatBias(),

        [nameof(LogSoftmaxDoubleNoBias)] = () => new LogSoftmaxDoubleNoBias(),

        [nameof(MixedFloatBias)] = () => new MixedFloatBias(),

        [nameof(IdentityFloatNoBias)] = () => new IdentityFloatNoBias(),

        [nameof(SigmoidFloatNoBias)] = () => new SigmoidFloatNoBias(),

        [nameof(TanhFloatNoBias)] = () => new TanhFloatNoBias(),

        [nameof(ReLUFloatNoBias)] = () => new ReLUFloatNoBias(),

        [nameof(LeakyReLUFloatNoBias)] = () => new LeakyReLUFloatNoBias(),

        [nameof(SoftplusFloatNoBias)] = () => new SoftplusFloatNoBias(),

        [nameof(ELUFloatNoBias)] = () => new ELUFloatNoBias(),

        [nameof(GELUFloatNoBias)] = () => new GELUFloatNoBias(),

        [nameof(SoftmaxFloatNoBias)] = () => new SoftmaxFloatNoBias(),

        [nameof(MixedFloatNoBias)] = () => new MixedFloatNoBias(),

        [nameof(IdentityDoubleBias)] = () => new IdentityDoubleBias(),

        [nameof(SigmoidDoubleBias)] = () => new SigmoidDoubleBias(),

        [nameof(TanhDoubleBias)] = () => new TanhDoubleBias(),

        [nameof(ReLUDoubleBias)] = () => new ReLUDoubleBias(),

        [nameof(LeakyReLUDoubleBias)] = () => new LeakyReLUDoubleBias(),

        [nameof(SoftplusDoubleBias)] = () => new SoftplusDoubleBias(),

        [nameof(ELUDoubleBias)] = () => new ELUDoubleBias(),

        [nameof(GELUDoubleBias)] = () => new GELUDoubleBias(),

        [nameof(SoftmaxDoubleBias)] = () => new SoftmaxDoubleBias(),

        [nameof(MixedDoubleBias)] = () => new MixedDoubleBias(),

        [nameof(IdentityDoubleNoBias)] = () => new IdentityDoubleNoBias(),

        [nameof(SigmoidDoubleNoBias)] = () => new SigmoidDoubleNoBias(),

        [nameof(TanhDoubleNoBias)] = () => new TanhDoubleNoBias(),

        [nameof(ReLUDoubleNoBias)] = () => new ReLUDoubleNoBias(),

        [nameof(LeakyReLUDoubleNoBias)] = () => new LeakyReLUDoubleNoBias(),

        [nameof(SoftplusDoubleNoBias)] = () => new SoftplusDoubleNoBias(),

        [nameof(ELUDoubleNoBias)] = () => new ELUDoubleNoBias(),

        [nameof(GELUDoubleNoBias)] = () => new GELUDoubleNoBias(),

        [nameof(SoftmaxDoubleNoBias)] = () => new SoftmaxDoubleNoBias(),

        [nameof(MixedDoubleNoBias)] = () => new MixedDoubleNoBias(),

    };

    /// <summary>The names of every exported network (not the near misses).</summary>
    public static IEnumerable<string> Names => s_factories.Keys;

    /// <summary>A new instance of the network called <paramref name="name"/>, at its default parameters.</summary>
    public static object Create(string name) => s_factories[name]();
}
