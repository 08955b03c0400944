using System;
using System.IO;
using System.Numerics;
using NetGen.Training;

namespace NetGen.Simd.Probe;

/// <summary>
/// The optimizers whose steps run at the widest vector width (Adam, AdamW, RMSProp), float and double, over
/// <see cref="ParameterCount"/> parameters: every vector loop and the scalar tail. One line
/// "optimizer &lt;Kind&gt;.&lt;Single|Double&gt; &lt;hex parameters after each step&gt;" each.
/// </summary>
internal static class OptimizerProbe
{
    /// <summary>3 × 16 + 8 + 4 + 1: a Vector512, Vector256 and Vector128 loop and a scalar tail in float.</summary>
    public const int ParameterCount = 61;

    private const int Steps = 4;

    public static void Write(TextWriter writer)
    {
        Write<float>(writer);
        Write<double>(writer);
    }

    private static void Write<T>(TextWriter writer)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Run(writer, "Adam", new AdamOptimizer<T>(ParameterCount));
        Run(writer, "AdamW", new AdamOptimizer<T>(ParameterCount, weightDecay: 0.01) { LearningRate = T.CreateChecked(0.01) });
        Run(writer, "RmsProp", new RmsPropOptimizer<T>(ParameterCount));
    }

    private static void Run<T>(TextWriter writer, string name, GradientOptimizer<T> optimizer)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var parameters = new T[ParameterCount];
        var gradients = new T[ParameterCount];
        for (int i = 0; i < ParameterCount; i++)
        {
            parameters[i] = T.CreateChecked(Math.Sin(i + 1));
        }

        var afterEachStep = new T[Steps * ParameterCount];
        for (int step = 0; step < Steps; step++)
        {
            for (int i = 0; i < ParameterCount; i++)
            {
                // Gradients of both signs and of very different sizes, some exactly 0 (different ones at each step).
                gradients[i] = (i + step) % 7 == 0 ? T.Zero : T.CreateChecked(Math.Cos((i * 3) + step) * Math.Pow(10, (i % 5) - 2));
            }

            optimizer.Step(parameters, gradients);
            parameters.CopyTo(afterEachStep, step * ParameterCount);
        }

        BitPatterns.WriteLine<T>(writer, $"optimizer {name}.{typeof(T).Name}", afterEachStep);
    }
}
