using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetGen.Simd.Tests.Reference;
using Xunit;

namespace NetGen.Simd.Tests.Probe;

/// <summary>
/// Runs the probe's "numbers" mode once per <see cref="RunConfiguration"/> (two at a time) for the whole test
/// collection, and computes each network's expected results once, from the default run's data.
/// </summary>
public sealed class ProbeRuns : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "netgen-simd-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, ProbeOutput> outputs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Dictionary<string, Approx[]>>> expected = new(StringComparer.Ordinal);

    public ProbeRuns()
    {
        Directory.CreateDirectory(directory);
        var runs = new ConcurrentDictionary<string, (ProbeResult Result, string Path)>();
        Parallel.ForEach(RunConfiguration.All, new ParallelOptions { MaxDegreeOfParallelism = 2 }, configuration =>
        {
            string path = Path.Combine(directory, configuration.Name + ".txt");
            runs[configuration.Name] = (ProbeProcess.Run(["numbers", path], configuration.Environment, Timeout), path);
        });

        foreach (RunConfiguration configuration in RunConfiguration.All)
        {
            (ProbeResult result, string path) = runs[configuration.Name];
            Results[configuration.Name] = result;
            if (result.ExitCode == 0 && File.Exists(path))
            {
                outputs[configuration.Name] = ProbeOutput.Read(path);
            }
        }
    }

    /// <summary>Each run's process result, by configuration name.</summary>
    public Dictionary<string, ProbeResult> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>The parsed output of a configuration's run; fails the test with the run's output if it failed.</summary>
    public ProbeOutput Output(string configuration)
    {
        Assert.True(outputs.TryGetValue(configuration, out ProbeOutput? output), Results[configuration].Describe());
        return output!;
    }

    /// <summary>The expected results of a network, from the parameters and samples the default run printed.</summary>
    public Dictionary<string, Approx[]> Expected(string network) =>
        expected.GetOrAdd(network, name => new Lazy<Dictionary<string, Approx[]>>(
            () => ExpectedResults.Compute(ProbeSpec.Get(name), Output(RunConfiguration.Default.Name).Networks[name]))).Value;

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary folder.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProbeRunsCollection : ICollectionFixture<ProbeRuns>
{
    public const string Name = "Probe runs";
}
