using System;
using System.Numerics;
using NetGen.Training;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// One optimizer configuration: the kind and its hyperparameters as written in the test (double). A product
/// optimizer of element type T receives each value rounded to T; the reference receives that rounded value, so
/// both compute with the same numbers and only the arithmetic differs.
/// </summary>
internal sealed record OptimizerSettings(
    OptimizerKind Kind,
    double LearningRate,
    double Momentum = 0.9,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8,
    double WeightDecay = 0,
    double Rho = 0.9,
    bool SetProperties = false)
{
    /// <summary>The contract's defaults; the optimizer is left as constructed (no property is set).</summary>
    public static OptimizerSettings Defaults(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Sgd or OptimizerKind.Momentum or OptimizerKind.Nesterov => new(kind, LearningRate: 0.01),
        OptimizerKind.Adam => new(kind, LearningRate: 0.001),
        OptimizerKind.AdamW => new(kind, LearningRate: 0.001, WeightDecay: 0.01),
        OptimizerKind.RmsProp => new(kind, LearningRate: 0.001),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Every hyperparameter away from its default, set through the properties. ε is large enough (1e-2 to 1e-3)
    /// to matter next to √v, so adding it inside or outside the square root would show.
    /// </summary>
    public static OptimizerSettings NonDefault(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Sgd => new(kind, LearningRate: 0.05, SetProperties: true),
        OptimizerKind.Momentum => new(kind, LearningRate: 0.02, Momentum: 0.7, SetProperties: true),
        OptimizerKind.Nesterov => new(kind, LearningRate: 0.03, Momentum: 0.95, SetProperties: true),
        OptimizerKind.Adam => new(kind, LearningRate: 0.01, Beta1: 0.8, Beta2: 0.95, Epsilon: 1e-2, SetProperties: true),
        OptimizerKind.AdamW => new(kind, LearningRate: 0.005, Beta1: 0.85, Beta2: 0.99, Epsilon: 1e-3, WeightDecay: 0.1, SetProperties: true),
        OptimizerKind.RmsProp => new(kind, LearningRate: 0.01, Rho: 0.6, Epsilon: 1e-3, SetProperties: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A new product optimizer for <paramref name="parameterCount"/> parameters, configured like this.</summary>
    public GradientOptimizer<T> Create<T>(int parameterCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        GradientOptimizer<T> optimizer = Kind switch
        {
            OptimizerKind.Sgd => new SgdOptimizer<T>(parameterCount),
            OptimizerKind.Momentum => new MomentumOptimizer<T>(parameterCount, nesterov: false),
            OptimizerKind.Nesterov => new MomentumOptimizer<T>(parameterCount, nesterov: true),
            OptimizerKind.Adam => new AdamOptimizer<T>(parameterCount),
            OptimizerKind.AdamW => new AdamOptimizer<T>(parameterCount, weightDecay: 0.01),
            OptimizerKind.RmsProp => new RmsPropOptimizer<T>(parameterCount),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
        };
        Apply(optimizer);
        return optimizer;
    }

    /// <summary>Sets the hyperparameters on <paramref name="optimizer"/> when <see cref="SetProperties"/> is on.</summary>
    public void Apply<T>(GradientOptimizer<T> optimizer)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!SetProperties)
        {
            return;
        }

        optimizer.LearningRate = T.CreateChecked(LearningRate);
        switch (optimizer)
        {
            case MomentumOptimizer<T> momentum:
                momentum.Momentum = T.CreateChecked(Momentum);
                break;
            case AdamOptimizer<T> adam:
                adam.Beta1 = T.CreateChecked(Beta1);
                adam.Beta2 = T.CreateChecked(Beta2);
                adam.Epsilon = T.CreateChecked(Epsilon);
                adam.WeightDecay = T.CreateChecked(WeightDecay);
                break;
            case RmsPropOptimizer<T> rmsProp:
                rmsProp.Rho = T.CreateChecked(Rho);
                rmsProp.Epsilon = T.CreateChecked(Epsilon);
                break;
        }
    }

    /// <summary>A reference with these hyperparameters rounded to T, i.e. the values a T optimizer holds.</summary>
    public ReferenceOptimizer Reference<T>(int parameterCount)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(Kind, parameterCount)
        {
            LearningRate = Round<T>(LearningRate),
            Momentum = Round<T>(Momentum),
            Beta1 = Round<T>(Beta1),
            Beta2 = Round<T>(Beta2),
            Epsilon = Round<T>(Epsilon),
            WeightDecay = Round<T>(WeightDecay),
            Rho = Round<T>(Rho),
        };

    public override string ToString() => SetProperties ? $"{Kind} (non-default)" : $"{Kind} (defaults)";

    private static double Round<T>(double value)
        where T : unmanaged, IFloatingPointIeee754<T> => double.CreateChecked(T.CreateChecked(value));
}
