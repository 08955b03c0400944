using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Simd.Tests.Probe;
using NetGen.Simd.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Simd.Tests;

/// <summary>
/// The vector activations the generated kernels call (NetGen.Kernels.ActivationFunctions), at 128, 256 and 512 bits,
/// float and double, in every <see cref="RunConfiguration"/>, against the contract's formulas in double. This is where
/// an inaccurate vectorized sigmoid or tanh shows: the network-level bounds are worst cases over whole dot products,
/// too wide to see an activation a few tens of ulps off, while here each value is held to
/// <see cref="ErrorModel.ActivationUlps"/> units of u of its size (plus, where the contract's formula itself cancels,
/// the size of what cancels: ½|z| in GELU's 1 + tanh, 1 in ELU's e^z − 1 and softplus' ln(1 + e^−|z|)).
/// </summary>
[Collection(ProbeRunsCollection.Name)]
public sealed class ActivationTests(ProbeRuns runs, ITestOutputHelper output)
{
    private static readonly string[] Functions = ["Sigmoid", "Tanh", "TanhLaneWise", "ReLU", "LeakyReLU", "GELU", "ELU", "Softplus"];

    private static readonly double GeluScale = Math.Sqrt(2.0 / Math.PI);

    [Theory]
    [MemberData(nameof(SimdPathTests.Configurations), MemberType = typeof(SimdPathTests))]
    public void VectorActivations_AtEveryWidth_MatchTheFormulas(string configuration)
    {
        IReadOnlyDictionary<string, double[]> activations = runs.Output(configuration).Activations;
        var failures = new List<string>();
        int checkedLines = 0;
        foreach (string type in new[] { "Single", "Double" })
        {
            double[] z = activations[$"arguments.{type}"];
            double u = type == "Single" ? ErrorModel.FloatUnitRoundoff : ErrorModel.DoubleUnitRoundoff;
            double tiny = type == "Single" ? 1.1754943508222875E-38 : 2.2250738585072014E-308;
            foreach (string function in Functions.Where(f => type == "Single" || f != "TanhLaneWise"))
            {
                double[] exact = z.Select(x => Exact(function, x)).ToArray();
                foreach (string width in new[] { "128", "256", "512" })
                {
                    string key = $"{function}.{type}.{width}";
                    Assert.True(activations.TryGetValue(key, out double[]? actual), $"{configuration}: the probe printed no {key}");
                    Comparison comparison = Comparison.Of(key, actual!, exact,
                        i => (ErrorModel.ActivationUlps * u * (Math.Abs(exact[i]) + CancellingSize(function, z[i]))) + tiny);
                    checkedLines++;
                    double ulps = comparison.WorstRatio * ErrorModel.ActivationUlps;
                    string identical = width == "128" ? "" : activations[$"{function}.{type}.128"].SequenceEqual(actual!) ? ", bit-identical to 128" : ", differs from 128";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}: worst {ulps:F2} u at z = {z[comparison.WorstIndex]:R}{identical}"));
                    if (!comparison.Passed)
                    {
                        failures.Add(comparison.Describe());
                    }
                }
            }
        }

        Assert.Equal(45, checkedLines);
        Assert.True(failures.Count == 0, $"{configuration}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>f(z) from the contract's formula, in double (the float probe's LeakySlope is 0.01f).</summary>
    private static double Exact(string function, double z) => function switch
    {
        "Sigmoid" => 1 / (1 + Math.Exp(-z)),
        "Tanh" or "TanhLaneWise" => Math.Tanh(z),
        "ReLU" => z > 0 ? z : 0,
        "LeakyReLU" => z > 0 ? z : (double)0.01f * z,
        "GELU" => 0.5 * z * (1 + Math.Tanh(GeluScale * (z + (0.044715 * z * z * z)))),
        "ELU" => z > 0 ? z : ExpMinusOne(z),
        "Softplus" => Math.Max(z, 0) + LogOnePlus(Math.Exp(-Math.Abs(z))),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    /// <summary>The size of what the contract's formula subtracts, beyond |f|.</summary>
    private static double CancellingSize(string function, double z) => function switch
    {
        "GELU" => 0.5 * Math.Abs(z),
        "ELU" => z > 0 ? 0 : 1,
        "Softplus" => 1,
        _ => 0,
    };

    /// <summary>ln(1 + x) for x ≥ 0, accurate also for tiny x (the rounded 1 + x corrected).</summary>
    private static double LogOnePlus(double x)
    {
        double w = 1 + x;
        return w == 1 ? x : Math.Log(w) * x / (w - 1);
    }

    /// <summary>e^z − 1, accurate near 0 (Kahan's correction).</summary>
    private static double ExpMinusOne(double z)
    {
        double w = Math.Exp(z);
        return w == 1 ? z : w - 1 == -1 ? -1 : (w - 1) * z / Math.Log(w);
    }
}
