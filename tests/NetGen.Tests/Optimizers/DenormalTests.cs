using System;
using System.Numerics;
using NetGen.Training;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// Dead units: a gradient that is non-zero for a while and then exactly 0 forever makes the stateful optimizers'
/// state decay geometrically (v ← μ·v, m ← β1·m, v ← β2·v, s ← ρ·s). Without flushing it sinks into the subnormal
/// range and, because β·x rounds back to x for the smallest subnormals, stays there forever; with
/// FlushDenormals (the default) it must never be subnormal and must end exactly 0.
/// </summary>
public sealed class DenormalTests(ITestOutputHelper output)
{
    private const int Count = 13;   // units 0..4 die after 10 steps, units 5..12 keep getting random gradients
    private const int DeadUnits = 5;
    private const int LiveSteps = 10;

    public static TheoryData<string, OptimizerKind, bool> Cases
    {
        get
        {
            var data = new TheoryData<string, OptimizerKind, bool>();
            foreach (string type in new[] { "float", "double" })
            {
                foreach (OptimizerKind kind in new[] { OptimizerKind.Adam, OptimizerKind.Momentum, OptimizerKind.RmsProp })
                {
                    foreach (bool flush in new[] { true, false })
                    {
                        data.Add(type, kind, flush);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DeadUnits_StateNeverSubnormal_OnlyWhenFlushing(string type, OptimizerKind kind, bool flush)
    {
        string report = type == "float" ? Run<float>(kind, flush) : Run<double>(kind, flush);
        output.WriteLine(report);
    }

    private static string Run<T>(OptimizerKind kind, bool flush)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Default hyperparameters. The slowest decay is Adam's v with β2 = 0.999: from v ≈ 0.01·g² after the live
        // steps it needs ln(0.01 / 1.2e−38) / 0.001 ≈ 83,000 steps to leave the float normal range and
        // ln(0.01 / 2.2e−308) / 0.001 ≈ 704,000 in double, then about 10,000 (float) and 30,000 (double) more to
        // settle on a subnormal that β2·x rounds back to itself. Decays of 0.9 (momentum, RMSProp) are 100 times
        // faster: about 1,000 (float) and 7,100 (double) steps. The budgets cover these with a margin.
        bool adam = kind is OptimizerKind.Adam or OptimizerKind.AdamW;
        int steps = typeof(T) == typeof(float) ? (adam ? 120_000 : 5_000) : (adam ? 800_000 : 20_000);
        GradientOptimizer<T> optimizer = OptimizerSettings.Defaults(kind).Create<T>(Count);
        SetFlush(optimizer, flush);

        var random = new Random(2024 + (int)kind);
        var theta = new T[Count];
        var gradient = new T[Count];
        var deadGradient = new T[DeadUnits];
        for (int i = 0; i < DeadUnits; i++)
        {
            // Constant gradients from 1e−3 to 1, of both signs.
            deadGradient[i] = T.CreateChecked((i % 2 == 0 ? 1 : -1) * Math.Pow(10, -0.75 * i));
        }

        long firstSubnormalStep = -1, allDeadZeroStep = -1;
        for (int step = 1; step <= steps; step++)
        {
            for (int i = 0; i < DeadUnits; i++)
            {
                gradient[i] = step <= LiveSteps ? deadGradient[i] : T.Zero;
            }

            for (int i = DeadUnits; i < Count; i++)
            {
                gradient[i] = T.CreateChecked((2 * random.NextDouble()) - 1);
            }

            optimizer.Step(theta, gradient);

            int subnormal = CountSubnormal(OptimizerAssert.First(optimizer)) + CountSubnormal(OptimizerAssert.Second(optimizer));
            if (subnormal > 0 && firstSubnormalStep < 0)
            {
                firstSubnormalStep = step;
                if (flush)
                {
                    Assert.Fail($"{typeof(T).Name} {kind}, FlushDenormals on: {subnormal} subnormal state values after step {step}.");
                }
            }

            if (allDeadZeroStep < 0 && step > LiveSteps && DeadStateIsZero(optimizer))
            {
                allDeadZeroStep = step;
            }
        }

        if (flush)
        {
            // Flushed dead units reach exactly 0 and then stop moving.
            Assert.True(allDeadZeroStep > 0, $"{typeof(T).Name} {kind}: the dead units' state never reached exactly 0 in {steps} steps.");
            Assert.True(DeadStateIsZero(optimizer));
            T[] dead = theta.AsSpan(0, DeadUnits).ToArray();
            gradient.AsSpan(0, DeadUnits).Clear();
            optimizer.Step(theta, gradient);
            Assert.Equal(dead, theta.AsSpan(0, DeadUnits).ToArray());
            return $"{typeof(T).Name} {kind}, flush: no subnormal state in {steps} steps; dead units' state exactly 0 from step {allDeadZeroStep}.";
        }

        // Without flushing the test sees subnormals (so the assertion above can fail), and they never go away.
        Assert.True(firstSubnormalStep > 0, $"{typeof(T).Name} {kind}, FlushDenormals off: no subnormal state in {steps} steps; the test would not detect a missing flush.");
        int remaining = CountSubnormal(OptimizerAssert.First(optimizer)) + CountSubnormal(OptimizerAssert.Second(optimizer));
        Assert.True(remaining > 0, $"{typeof(T).Name} {kind}, FlushDenormals off: expected the dead units' state to stay subnormal.");
        return $"{typeof(T).Name} {kind}, no flush: first subnormal state after step {firstSubnormalStep}; {remaining} subnormal values after {steps} steps.";
    }

    private static void SetFlush<T>(GradientOptimizer<T> optimizer, bool flush)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (optimizer)
        {
            case MomentumOptimizer<T> momentum:
                Assert.True(momentum.FlushDenormals);
                momentum.FlushDenormals = flush;
                break;
            case AdamOptimizer<T> adam:
                Assert.True(adam.FlushDenormals);
                adam.FlushDenormals = flush;
                break;
            case RmsPropOptimizer<T> rmsProp:
                Assert.True(rmsProp.FlushDenormals);
                rmsProp.FlushDenormals = flush;
                break;
            default:
                throw new ArgumentException("not a stateful optimizer", nameof(optimizer));
        }
    }

    private static bool DeadStateIsZero<T>(GradientOptimizer<T> optimizer)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> first = OptimizerAssert.First(optimizer), second = OptimizerAssert.Second(optimizer);
        for (int i = 0; i < DeadUnits; i++)
        {
            if ((first.Length > 0 && first[i] != T.Zero) || (second.Length > 0 && second[i] != T.Zero))
            {
                return false;
            }
        }

        return true;
    }

    private static int CountSubnormal<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = 0;
        foreach (T value in values)
        {
            if (T.IsSubnormal(value))
            {
                count++;
            }
        }

        return count;
    }
}
