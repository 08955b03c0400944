using System;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// The optimizer update formulas of the contract written the plain way: one double loop per step, no vectors,
/// no fused or rearranged expressions. Used as the independent reference for the NetGen optimizers.
/// </summary>
/// <remarks>
/// Besides each value the reference tracks its <em>scale</em>: the same recurrence run on the absolute values of
/// its terms (for m = β1·m + (1 − β1)·g that is M = β1·M + (1 − β1)·|g|). Rounding errors of a sum are bounded
/// by a few units in the last place of the sum of the |terms|, not of the result, so when terms cancel (m of a
/// gradient whose sign keeps changing, a parameter that crosses 0) the scale, not the value, is what a
/// relative tolerance must multiply. Without cancellation the scale equals |value|.
/// </remarks>
internal sealed class ReferenceOptimizer
{
    public ReferenceOptimizer(OptimizerKind kind, int parameterCount)
    {
        Kind = kind;
        bool momentum = kind is OptimizerKind.Momentum or OptimizerKind.Nesterov;
        bool adam = kind is OptimizerKind.Adam or OptimizerKind.AdamW;
        First = momentum || adam ? new double[parameterCount] : null;
        FirstScale = momentum || adam ? new double[parameterCount] : null;
        Second = adam || kind == OptimizerKind.RmsProp ? new double[parameterCount] : null;
        UpdateScale = new double[parameterCount];
    }

    public OptimizerKind Kind { get; }

    public double LearningRate { get; set; }

    public double Momentum { get; set; }

    public double Beta1 { get; set; }

    public double Beta2 { get; set; }

    public double Epsilon { get; set; }

    public double WeightDecay { get; set; }

    public double Rho { get; set; }

    public long StepCount { get; private set; }

    /// <summary>Momentum: the velocity v. Adam: the first moment m. Otherwise null.</summary>
    public double[]? First { get; }

    /// <summary>The scale of <see cref="First"/>: its recurrence on absolute values.</summary>
    public double[]? FirstScale { get; }

    /// <summary>Adam: the second moment v. RMSProp: the mean square s. Otherwise null. Never negative, so its own scale.</summary>
    public double[]? Second { get; }

    /// <summary>The scale of the last step's change of each parameter (the change with |terms| instead of terms).</summary>
    public double[] UpdateScale { get; }

    /// <summary>θ ← update(θ, g), exactly as the contract writes it.</summary>
    public void Step(double[] theta, double[] g)
    {
        StepCount++;
        double t = StepCount;
        for (int i = 0; i < theta.Length; i++)
        {
            switch (Kind)
            {
                case OptimizerKind.Sgd:
                    // θ ← θ − η·g
                    theta[i] = theta[i] - (LearningRate * g[i]);
                    UpdateScale[i] = LearningRate * Math.Abs(g[i]);
                    break;

                case OptimizerKind.Momentum:
                    // v ← μ·v + g; θ ← θ − η·v
                    First![i] = (Momentum * First[i]) + g[i];
                    FirstScale![i] = (Momentum * FirstScale[i]) + Math.Abs(g[i]);
                    theta[i] = theta[i] - (LearningRate * First[i]);
                    UpdateScale[i] = LearningRate * FirstScale[i];
                    break;

                case OptimizerKind.Nesterov:
                    // v ← μ·v + g; θ ← θ − η·(g + μ·v)
                    First![i] = (Momentum * First[i]) + g[i];
                    FirstScale![i] = (Momentum * FirstScale[i]) + Math.Abs(g[i]);
                    theta[i] = theta[i] - (LearningRate * (g[i] + (Momentum * First[i])));
                    UpdateScale[i] = LearningRate * (Math.Abs(g[i]) + (Momentum * FirstScale[i]));
                    break;

                case OptimizerKind.Adam:
                case OptimizerKind.AdamW:
                {
                    // m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²
                    First![i] = (Beta1 * First[i]) + ((1 - Beta1) * g[i]);
                    FirstScale![i] = (Beta1 * FirstScale[i]) + ((1 - Beta1) * Math.Abs(g[i]));
                    Second![i] = (Beta2 * Second[i]) + ((1 - Beta2) * g[i] * g[i]);

                    // m̂ = m / (1 − β1^t); v̂ = v / (1 − β2^t); θ ← θ − η·(m̂ / (√v̂ + ε) + λ·θ)
                    double mHat = First[i] / (1 - Math.Pow(Beta1, t));
                    double vHat = Second[i] / (1 - Math.Pow(Beta2, t));
                    double denominator = Math.Sqrt(vHat) + Epsilon;
                    double old = theta[i];
                    theta[i] = old - (LearningRate * ((mHat / denominator) + (WeightDecay * old)));
                    double mHatScale = FirstScale[i] / (1 - Math.Pow(Beta1, t));
                    UpdateScale[i] = LearningRate * ((mHatScale / denominator) + (WeightDecay * Math.Abs(old)));
                    break;
                }

                case OptimizerKind.RmsProp:
                    // s ← ρ·s + (1 − ρ)·g²; θ ← θ − η·g / (√s + ε)
                    Second![i] = (Rho * Second[i]) + ((1 - Rho) * g[i] * g[i]);
                    theta[i] = theta[i] - (LearningRate * g[i] / (Math.Sqrt(Second[i]) + Epsilon));
                    UpdateScale[i] = LearningRate * Math.Abs(g[i]) / (Math.Sqrt(Second[i]) + Epsilon);
                    break;

                default:
                    throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null);
            }
        }
    }
}
