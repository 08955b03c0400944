using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Simd.Tests.Probe;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Simd.Tests;

/// <summary>
/// What the first Forward and TrainStep of the 784 → 128 → 10 network cost in a fresh process, against the steady
/// state: reported, not judged (timings belong in benchmarks, and depend on the machine and its load). Asserts only
/// the JIT fact behind the cost: the first call compiles the generated methods.
/// </summary>
public sealed class FirstCallTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("forward")]
    [InlineData("trainstep")]
    public void FirstCall_IsReported(string operation)
    {
        ProbeResult result = ProbeProcess.Run(["firstcall", operation], new Dictionary<string, string>(), TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.Describe());
        string line = result.StandardOutput.Split('\n').Single(l => l.StartsWith("firstcall ", StringComparison.Ordinal)).Trim();
        output.WriteLine(line);

        Dictionary<string, string> fields = line.Split(' ').Skip(1).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        Assert.True(int.Parse(fields["first_jit_methods"], CultureInfo.InvariantCulture) > 0, "the first call compiled nothing: not a fresh process?");
    }
}
