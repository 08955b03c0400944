using System;
using System.Linq;
using NetGen.Simd.Tests.Probe;
using Xunit;

namespace NetGen.Simd.Tests;

/// <summary>
/// Adam, AdamW and RMSProp run their step at the widest vector width the hardware accelerates, then at 128 bits and
/// in scalars. Each lane does the same unfused multiplies, adds, square root and division, all correctly rounded, so
/// every configuration (Vector512, Vector256, Vector128 without FMA, no intrinsics) must give the default run's
/// parameters bit for bit. (The step's values are checked against a reference optimizer in NetGen.Tests.)
/// </summary>
[Collection(ProbeRunsCollection.Name)]
public sealed class OptimizerPathTests(ProbeRuns runs)
{
    private static readonly string[] Lines =
        ["Adam.Single", "AdamW.Single", "RmsProp.Single", "Adam.Double", "AdamW.Double", "RmsProp.Double"];

    [Theory]
    [MemberData(nameof(SimdPathTests.Configurations), MemberType = typeof(SimdPathTests))]
    public void OptimizerSteps_AreBitIdentical_ToTheDefaultRun(string configuration)
    {
        ProbeOutput expected = runs.Output(RunConfiguration.Default.Name), actual = runs.Output(configuration);
        Assert.Equal(Lines.OrderBy(l => l, StringComparer.Ordinal), actual.Optimizers.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (string line in Lines)
        {
            double[] x = expected.Optimizers[line], y = actual.Optimizers[line];
            Assert.Equal(x.Length, y.Length);
            int differing = Enumerable.Range(0, x.Length).Count(i => BitConverter.DoubleToInt64Bits(x[i]) != BitConverter.DoubleToInt64Bits(y[i]));
            Assert.True(differing == 0, $"{configuration}, {line}: {differing} of {x.Length} values differ from the default run");
        }
    }

    /// <summary>The steps move the parameters (the comparison above is not between untouched arrays).</summary>
    [Fact]
    public void OptimizerSteps_MoveEveryParameter()
    {
        ProbeOutput output = runs.Output(RunConfiguration.Default.Name);
        foreach (string line in Lines)
        {
            double[] values = output.Optimizers[line];
            int n = values.Length / 4;
            Assert.Equal(61 * 4, values.Length);
            for (int i = 0; i < n; i++)
            {
                // Parameter i after the second step and after the fourth (a gradient that is 0 at one step still
                // moves the parameter through the moments of the earlier steps).
                Assert.NotEqual(values[i + n], values[i + (3 * n)]);
            }
        }
    }
}
