using System;
using System.Numerics;
using NetGen.Training;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// Every optimizer, step by step, against <see cref="ReferenceOptimizer"/>: parameters, state and StepCount after
/// each of 20 steps, float and double, 13 parameters (a vector loop plus a scalar tail for both vector widths,
/// 4 floats and 2 doubles), 16 (vector loop only) and 61 (Adam and RMSProp: the widest vector loop the hardware
/// runs, then 128-bit vectors and a scalar tail), default and non-default hyperparameters.
/// </summary>
public sealed class OptimizerUpdateTests(ITestOutputHelper output)
{
    private const int Steps = 20;

    public static TheoryData<string, OptimizerKind, bool, int> Cases
    {
        get
        {
            var data = new TheoryData<string, OptimizerKind, bool, int>();
            foreach (string type in new[] { "float", "double" })
            {
                foreach (OptimizerKind kind in OptimizerNetworks.Kinds)
                {
                    foreach (bool nonDefault in new[] { false, true })
                    {
                        foreach (int count in new[] { 13, 16, 61 })
                        {
                            data.Add(type, kind, nonDefault, count);
                        }
                    }
                }
            }

            return data;
        }
    }

    public static TheoryData<string, OptimizerKind> KindsAndTypes
    {
        get
        {
            var data = new TheoryData<string, OptimizerKind>();
            foreach (string type in new[] { "float", "double" })
            {
                foreach (OptimizerKind kind in OptimizerNetworks.Kinds)
                {
                    data.Add(type, kind);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_MatchesReferenceFormula(string type, OptimizerKind kind, bool nonDefault, int count)
    {
        OptimizerSettings settings = nonDefault ? OptimizerSettings.NonDefault(kind) : OptimizerSettings.Defaults(kind);
        (double parameters, double state) = type == "float"
            ? Compare<float>(settings, count, seed: Seed(kind, nonDefault, count))
            : Compare<double>(settings, count, seed: Seed(kind, nonDefault, count));
        output.WriteLine($"{type} {settings}, {count} parameters: worst error / scale: parameters {parameters:E2}, state {state:E2}");
    }

    /// <summary>The comparison can fail: a reference whose η is 1% off, or whose first β is, is caught.</summary>
    [Theory]
    [MemberData(nameof(KindsAndTypes))]
    public void Comparison_DetectsAReferenceThatIsSlightlyOff(string type, OptimizerKind kind)
    {
        OptimizerSettings settings = OptimizerSettings.NonDefault(kind);
        Action<ReferenceOptimizer> wrongRate = r => r.LearningRate *= 1.01;
        Action<ReferenceOptimizer> wrongDecay = kind switch
        {
            OptimizerKind.Momentum or OptimizerKind.Nesterov => r => r.Momentum *= 1.01,
            OptimizerKind.Adam or OptimizerKind.AdamW => r => r.Beta2 *= 1.01,
            OptimizerKind.RmsProp => r => r.Rho *= 1.01,
            _ => wrongRate,
        };

        foreach (Action<ReferenceOptimizer> mutate in new[] { wrongRate, wrongDecay })
        {
            if (type == "float")
            {
                Assert.ThrowsAny<XunitException>(() => Compare<float>(settings, 13, seed: 7, mutate));
            }
            else
            {
                Assert.ThrowsAny<XunitException>(() => Compare<double>(settings, 13, seed: 7, mutate));
            }
        }
    }

    /// <summary>The contract's default hyperparameters, as the constructors (and the generated Optimizer) set them.</summary>
    [Fact]
    public void Defaults_AreTheContractValues()
    {
        Assert.Equal(0.01f, new SgdOptimizer<float>(3).LearningRate);
        var momentum = new MomentumOptimizer<double>(3, nesterov: false);
        Assert.Equal((0.01, 0.9, false, true), (momentum.LearningRate, momentum.Momentum, momentum.Nesterov, momentum.FlushDenormals));
        Assert.True(new MomentumOptimizer<float>(3, nesterov: true).Nesterov);
        var adam = new AdamOptimizer<float>(3);
        Assert.Equal((0.001f, 0.9f, 0.999f, 1e-8f, 0f, true), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay, adam.FlushDenormals));
        Assert.Equal(0.01, new AdamOptimizer<double>(3, weightDecay: 0.01).WeightDecay);
        var rmsProp = new RmsPropOptimizer<double>(3);
        Assert.Equal((0.001, 0.9, 1e-8, true), (rmsProp.LearningRate, rmsProp.Rho, rmsProp.Epsilon, rmsProp.FlushDenormals));
        Assert.Equal(3, rmsProp.ParameterCount);
    }

    /// <summary>
    /// Runs <see cref="Steps"/> steps of the product and the reference side by side from the same parameters and
    /// gradients and compares after every step. Returns the worst |error| / scale of the parameters and the state.
    /// </summary>
    internal static (double Parameters, double State) Compare<T>(
        OptimizerSettings settings, int count, int seed, Action<ReferenceOptimizer>? mutate = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        GradientOptimizer<T> optimizer = settings.Create<T>(count);
        ReferenceOptimizer reference = settings.Reference<T>(count);
        mutate?.Invoke(reference);
        double tolerance = OptimizerAssert.Tolerance<T>();
        var random = new Random(seed);

        var theta = new T[count];
        for (int i = 0; i < count; i++)
        {
            theta[i] = T.CreateChecked((2 * random.NextDouble()) - 1);
        }

        double[] expected = OptimizerAssert.ToDouble<T>(theta);
        double[] thetaScale = OptimizerAssert.Abs(expected);
        var gradient = new T[count];
        double worstParameter = 0, worstState = 0;
        for (int step = 1; step <= Steps; step++)
        {
            RandomGradient(random, gradient);
            double[] before = (double[])expected.Clone();
            optimizer.Step(theta, gradient);
            reference.Step(expected, OptimizerAssert.ToDouble<T>(gradient));

            // A parameter's rounding error is relative to |θ| and |Δθ| of the steps that made it.
            for (int i = 0; i < count; i++)
            {
                thetaScale[i] = Math.Max(thetaScale[i], Math.Abs(before[i]) + reference.UpdateScale[i]);
            }

            string at = $"{typeof(T).Name} {settings}, step {step}";
            Assert.Equal(step, optimizer.StepCount);
            worstParameter = Math.Max(worstParameter, OptimizerAssert.Close<T>(theta, expected, thetaScale, tolerance, $"{at}: θ"));
            if (reference.First is { } first)
            {
                worstState = Math.Max(worstState, OptimizerAssert.Close(OptimizerAssert.First(optimizer), first, reference.FirstScale, tolerance, $"{at}: first state"));
            }

            if (reference.Second is { } second)
            {
                worstState = Math.Max(worstState, OptimizerAssert.Close(OptimizerAssert.Second(optimizer), second, second, tolerance, $"{at}: second state"));
            }
        }

        return (worstParameter, worstState);
    }

    /// <summary>
    /// Gradients with random signs and magnitudes spread over four decades (10^−3 .. 10), so Adam and RMSProp
    /// normalize very different scales, and about one in ten exactly 0.
    /// </summary>
    internal static void RandomGradient<T>(Random random, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            double magnitude = Math.Pow(10, -3 + (4 * random.NextDouble()));
            double value = random.NextDouble() < 0.1 ? 0 : random.NextDouble() < 0.5 ? -magnitude : magnitude;
            gradient[i] = T.CreateChecked(value);
        }
    }

    private static int Seed(OptimizerKind kind, bool nonDefault, int count) => (1000 * (int)kind) + (nonDefault ? 100 : 0) + count;
}
