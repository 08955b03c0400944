using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Simd.Tests.Probe;

namespace NetGen.Simd.Tests.Reference;

/// <summary>
/// What every line of the probe's results should hold for one network, with bounds: computed by
/// <see cref="BoundedNetwork"/> from the parameters, inputs and targets the probe printed, following the same steps
/// as the probe (ProbeNetwork.WriteResults).
/// </summary>
public static class ExpectedResults
{
    /// <summary>Samples per network, η of the TrainStep calls: as in the probe.</summary>
    public const int SampleCount = 7;

    public const double LearningRate = 0.0625;

    /// <summary>The data lines: the same bits in every run.</summary>
    public static IEnumerable<string> DataKeys =>
        new[] { "parameters" }.Concat(Enumerable.Range(0, SampleCount).SelectMany(r => new[] { $"input{r}", $"target{r}" }));

    public static Dictionary<string, Approx[]> Compute(ProbeSpec spec, NetworkOutput data, Func<double[], double[]>? alterParameters = null)
    {
        var network = new BoundedNetwork(spec);
        double[] initial = data["parameters"];
        Approx[] theta = BoundedNetwork.Exact(alterParameters is null ? initial : alterParameters((double[])initial.Clone()));
        double[][] inputs = Enumerable.Range(0, SampleCount).Select(r => data[$"input{r}"]).ToArray();
        double[][] targets = Enumerable.Range(0, SampleCount).Select(r => data[$"target{r}"]).ToArray();
        var expected = new Dictionary<string, Approx[]>(StringComparer.Ordinal);

        var costs = new Approx[SampleCount];
        var rows = new List<Approx>();
        for (int r = 0; r < SampleCount; r++)
        {
            BoundedNetwork.Trace trace = network.Forward(theta, inputs[r]);
            expected[$"forward{r}"] = trace.Output;
            rows.AddRange(trace.Output);
            costs[r] = network.OutputDelta(trace, targets[r]).Cost;
        }

        expected["cost"] = costs;
        expected["forwardbatch"] = rows.ToArray();

        // Samples 0 and 1 into one buffer (AccumulateGradients twice); samples 2 … 4 as one batch.
        (Approx cost0, Approx[] g0) = network.Gradient(theta, inputs[0], targets[0]);
        (Approx cost1, Approx[] g1) = network.Gradient(theta, inputs[1], targets[1]);
        expected["gradcost"] = [cost0, cost1];
        expected["grad"] = g0.Zip(g1, (a, b) => network.Sum([a, b])).ToArray();
        (Approx batchCost, Approx[] batch) = network.SumOfGradients(theta, [.. Enumerable.Range(2, 3).Select(r => (inputs[r], targets[r]))]);
        expected["gradbatchcost"] = [batchCost];
        expected["gradbatch"] = batch;

        // Three SGD steps on samples 0, 1, 2.
        var trainCosts = new Approx[3];
        for (int r = 0; r < 3; r++)
        {
            (trainCosts[r], theta) = network.TrainStep(theta, inputs[r], targets[r], LearningRate);
        }

        expected["traincost"] = trainCosts;
        expected["trained"] = theta;
        return expected;
    }
}
