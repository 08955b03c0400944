using System;
using System.Numerics;

namespace NetGen.Tests.Optimizers;

// One generated network per optimizer kind and element type, for two problems:
//  - XOR: 2 → 4 → 1, tanh hidden, sigmoid output, squared error, bias (17 parameters: W1 0..7, b1 8..11,
//    W2 12..15, b2 16), so the L2 tests see both weights and biases;
//  - the classic study-score data: 2 → 3 → 1, sigmoid everywhere, squared error, no bias (9 weights).

/// <summary>XOR, SGD, float.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.Sgd)]
public partial class XorSgdNet
{
}

/// <summary>XOR, classical momentum, float.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.Momentum)]
public partial class XorMomentumNet
{
}

/// <summary>XOR, Nesterov momentum, float.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.Nesterov)]
public partial class XorNesterovNet
{
}

/// <summary>XOR, Adam, float.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.Adam)]
public partial class XorAdamNet
{
}

/// <summary>XOR, AdamW, float.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.AdamW)]
public partial class XorAdamWNet
{
}

/// <summary>XOR, RMSProp, float.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.RmsProp)]
public partial class XorRmsPropNet
{
}

/// <summary>XOR, SGD, double.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.Sgd, ElementType = typeof(double))]
public partial class XorSgdNetD
{
}

/// <summary>XOR, classical momentum, double.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.Momentum, ElementType = typeof(double))]
public partial class XorMomentumNetD
{
}

/// <summary>XOR, Nesterov momentum, double.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.Nesterov, ElementType = typeof(double))]
public partial class XorNesterovNetD
{
}

/// <summary>XOR, Adam, double.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.Adam, ElementType = typeof(double))]
public partial class XorAdamNetD
{
}

/// <summary>XOR, AdamW, double.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.AdamW, ElementType = typeof(double))]
public partial class XorAdamWNetD
{
}

/// <summary>XOR, RMSProp, double.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Optimizer = OptimizerKind.RmsProp, ElementType = typeof(double))]
public partial class XorRmsPropNetD
{
}

/// <summary>Study scores, SGD, float.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.Sgd)]
public partial class ScoreSgdNet
{
}

/// <summary>Study scores, classical momentum, float.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.Momentum)]
public partial class ScoreMomentumNet
{
}

/// <summary>Study scores, Nesterov momentum, float.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.Nesterov)]
public partial class ScoreNesterovNet
{
}

/// <summary>Study scores, Adam, float.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.Adam)]
public partial class ScoreAdamNet
{
}

/// <summary>Study scores, AdamW, float.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.AdamW)]
public partial class ScoreAdamWNet
{
}

/// <summary>Study scores, RMSProp, float.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.RmsProp)]
public partial class ScoreRmsPropNet
{
}

/// <summary>Study scores, SGD, double.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.Sgd, ElementType = typeof(double))]
public partial class ScoreSgdNetD
{
}

/// <summary>Study scores, classical momentum, double.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.Momentum, ElementType = typeof(double))]
public partial class ScoreMomentumNetD
{
}

/// <summary>Study scores, Nesterov momentum, double.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.Nesterov, ElementType = typeof(double))]
public partial class ScoreNesterovNetD
{
}

/// <summary>Study scores, Adam, double.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.Adam, ElementType = typeof(double))]
public partial class ScoreAdamNetD
{
}

/// <summary>Study scores, AdamW, double.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.AdamW, ElementType = typeof(double))]
public partial class ScoreAdamWNetD
{
}

/// <summary>Study scores, RMSProp, double.</summary>
[Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = false, Optimizer = OptimizerKind.RmsProp, ElementType = typeof(double))]
public partial class ScoreRmsPropNetD
{
}

/// <summary>Creates the networks above by problem, optimizer kind and element type, and holds their data.</summary>
internal static class OptimizerNetworks
{
    /// <summary>The XOR network layout: weights are parameters 0..7 (W1) and 12..15 (W2), biases 8..11 and 16.</summary>
    public const int XorParameterCount = 17;

    /// <summary>Every optimizer kind, in declaration order.</summary>
    public static OptimizerKind[] Kinds => Enum.GetValues<OptimizerKind>();

    /// <summary>XOR truth table: inputs (0,0), (0,1), (1,0), (1,1), row-major.</summary>
    public static T[] XorInputs<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => Convert<T>([0, 0, 0, 1, 1, 0, 1, 1]);

    /// <summary>XOR targets 0, 1, 1, 0.</summary>
    public static T[] XorTargets<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => Convert<T>([0, 1, 1, 0]);

    /// <summary>Hours of sleep and study (3, 5), (5, 1), (10, 2) divided by (10, 5).</summary>
    public static T[] ScoreInputs<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => Convert<T>([3.0 / 10, 5.0 / 5, 5.0 / 10, 1.0 / 5, 10.0 / 10, 2.0 / 5]);

    /// <summary>Test scores 75, 82, 93 divided by 100.</summary>
    public static T[] ScoreTargets<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => Convert<T>([0.75, 0.82, 0.93]);

    public static T[] Convert<T>(double[] values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = T.CreateChecked(values[i]);
        }

        return result;
    }

    /// <summary>A new XOR network (default-seed parameters, fresh optimizer) of the given kind and element type.</summary>
    public static ITrainableNetwork<T> Xor<T>(OptimizerKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        object network = typeof(T) == typeof(float)
            ? kind switch
            {
                OptimizerKind.Sgd => new XorSgdNet(),
                OptimizerKind.Momentum => new XorMomentumNet(),
                OptimizerKind.Nesterov => new XorNesterovNet(),
                OptimizerKind.Adam => new XorAdamNet(),
                OptimizerKind.AdamW => new XorAdamWNet(),
                OptimizerKind.RmsProp => new XorRmsPropNet(),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            }
            : kind switch
            {
                OptimizerKind.Sgd => new XorSgdNetD(),
                OptimizerKind.Momentum => new XorMomentumNetD(),
                OptimizerKind.Nesterov => new XorNesterovNetD(),
                OptimizerKind.Adam => new XorAdamNetD(),
                OptimizerKind.AdamW => new XorAdamWNetD(),
                OptimizerKind.RmsProp => new XorRmsPropNetD(),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        return (ITrainableNetwork<T>)network;
    }

    /// <summary>A new study-score network (default-seed parameters, fresh optimizer) of the given kind and element type.</summary>
    public static ITrainableNetwork<T> Score<T>(OptimizerKind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        object network = typeof(T) == typeof(float)
            ? kind switch
            {
                OptimizerKind.Sgd => new ScoreSgdNet(),
                OptimizerKind.Momentum => new ScoreMomentumNet(),
                OptimizerKind.Nesterov => new ScoreNesterovNet(),
                OptimizerKind.Adam => new ScoreAdamNet(),
                OptimizerKind.AdamW => new ScoreAdamWNet(),
                OptimizerKind.RmsProp => new ScoreRmsPropNet(),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            }
            : kind switch
            {
                OptimizerKind.Sgd => new ScoreSgdNetD(),
                OptimizerKind.Momentum => new ScoreMomentumNetD(),
                OptimizerKind.Nesterov => new ScoreNesterovNetD(),
                OptimizerKind.Adam => new ScoreAdamNetD(),
                OptimizerKind.AdamW => new ScoreAdamWNetD(),
                OptimizerKind.RmsProp => new ScoreRmsPropNetD(),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        return (ITrainableNetwork<T>)network;
    }

    /// <summary>Whether parameter <paramref name="index"/> of the XOR network is a weight (not a bias).</summary>
    public static bool XorIsWeight(int index) => index is (>= 0 and < 8) or (>= 12 and < 16);
}
