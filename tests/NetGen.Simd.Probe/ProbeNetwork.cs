using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;

namespace NetGen.Simd.Probe;

/// <summary>One network of <see cref="Networks"/>: what the probe's modes do with it.</summary>
internal abstract class ProbeNetwork
{
    /// <summary>η of the TrainStep calls; a power of two, so that it is the same number in float and double.</summary>
    public const double LearningRate = 0.0625;

    /// <summary>Samples per network: inputs and targets are rows 0 … SampleCount − 1 (ForwardBatch: one six-row block and one row).</summary>
    public const int SampleCount = 7;

    protected ProbeNetwork(string name) => Name = name;

    public string Name { get; }

    /// <summary>Every network, in the order the probe prints them.</summary>
    public static IReadOnlyList<ProbeNetwork> All { get; } =
    [
        new Of<F2_3_1, float>(),
        new Of<F3_5_2, float>(),
        new Of<D3_5_2, double>(),
        new Of<F8_16_16_1, float>(),
        new Of<D8_16_16_1, double>(),
        new Of<F17_24_31_7, float>(),
        new Of<D17_24_31_7, double>(),
        new Of<F20_37_9, float>(),
        new Of<D20_37_9, double>(),
        new Of<F33_65_5, float>(),
        new Of<F64_32_10, float>(),
        new Of<F64_32_10_TanhSigmoid, float>(),
        new Of<F784_128_10, float>(),
        new Of<F784_128_10_TanhSigmoid, float>(),
        new Of<D784_128_10, double>(),
    ];

    /// <summary>
    /// Prints the network's self-description, its parameters and samples, and the exact results of Forward, Cost,
    /// ForwardBatch, AccumulateGradients (two samples into one buffer), AccumulateGradientsBatch and three TrainStep
    /// calls, one "key value value …" line each, every number as the hexadecimal bits of its element type.
    /// </summary>
    public abstract void WriteResults(TextWriter writer);

    /// <summary>Returns one round of every per-sample and batch operation, on buffers allocated once.</summary>
    public abstract Action CreateWorkload();

    private sealed class Of<TNet, T> : ProbeNetwork
        where TNet : class, ITrainableNetwork<T>, IAccumulateGradientsBatch<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public Of()
            : base(typeof(TNet).Name)
        {
        }

        public override void WriteResults(TextWriter writer)
        {
            var net = new TNet();
            (T[] inputs, T[] targets) = Prepare(net);
            int n = net.InputSize, m = net.OutputSize;

            writer.WriteLine(
                $"network {Name} type={typeof(T).Name} sizes={string.Join(",", net.LayerSizes.ToArray())}"
                + $" activations={string.Join(",", net.Activations.ToArray())} loss={net.Loss} bias={net.HasBias}");
            Write(writer, "parameters", net.Parameters);
            for (int r = 0; r < SampleCount; r++)
            {
                Write(writer, $"input{r}", inputs.AsSpan(r * n, n));
                Write(writer, $"target{r}", targets.AsSpan(r * m, m));
            }

            var output = new T[m];
            var costs = new T[SampleCount];
            for (int r = 0; r < SampleCount; r++)
            {
                output.AsSpan().Fill(T.NaN);
                net.Forward(inputs.AsSpan(r * n, n), output);
                Write(writer, $"forward{r}", output);
                costs[r] = net.Cost(inputs.AsSpan(r * n, n), targets.AsSpan(r * m, m));
            }

            Write(writer, "cost", costs);

            var outputs = new T[SampleCount * m];
            outputs.AsSpan().Fill(T.NaN);
            net.ForwardBatch(inputs, outputs);
            Write(writer, "forwardbatch", outputs);

            // Samples 0 and 1 added into one zeroed buffer; samples 2 … 4 as one batch into another.
            var gradients = new T[net.ParameterCount];
            T[] gradientCosts =
            [
                net.AccumulateGradients(inputs.AsSpan(0, n), targets.AsSpan(0, m), gradients),
                net.AccumulateGradients(inputs.AsSpan(n, n), targets.AsSpan(m, m), gradients),
            ];
            Write(writer, "gradcost", gradientCosts);
            Write(writer, "grad", gradients);

            gradients.AsSpan().Clear();
            T batchCost = net.AccumulateGradientsBatch(inputs.AsSpan(2 * n, 3 * n), targets.AsSpan(2 * m, 3 * m), gradients);
            Write(writer, "gradbatchcost", [batchCost]);
            Write(writer, "gradbatch", gradients);

            // Three SGD steps on samples 0, 1, 2 in turn.
            var trainCosts = new T[3];
            for (int r = 0; r < 3; r++)
            {
                trainCosts[r] = net.SgdStep(inputs.AsSpan(r * n, n), targets.AsSpan(r * m, m), T.CreateChecked(LearningRate));
            }

            Write(writer, "traincost", trainCosts);
            Write(writer, "trained", net.Parameters);
            writer.WriteLine("end");
        }

        public override Action CreateWorkload()
        {
            var net = new TNet();
            (T[] inputs, T[] targets) = Prepare(net);
            int n = net.InputSize, m = net.OutputSize;
            var output = new T[m];
            var outputs = new T[SampleCount * m];
            var gradients = new T[net.ParameterCount];
            T tinyRate = T.CreateChecked(1e-6); // keeps the parameters (and so the work) essentially constant
            net.Optimizer.LearningRate = tinyRate;
            return () =>
            {
                net.Forward(inputs.AsSpan(0, n), output);
                net.Cost(inputs.AsSpan(0, n), targets.AsSpan(0, m));
                net.ForwardBatch(inputs, outputs);
                gradients.AsSpan().Clear();
                net.AccumulateGradients(inputs.AsSpan(0, n), targets.AsSpan(0, m), gradients);
                net.AccumulateGradientsBatch(inputs, targets, gradients);
                net.SgdStep(inputs.AsSpan(0, n), targets.AsSpan(0, m), tinyRate);
                net.TrainStep(inputs.AsSpan(0, n), targets.AsSpan(0, m));
            };
        }

        private (T[] Inputs, T[] Targets) Prepare(TNet net)
        {
            var data = new ProbeData(Name);
            data.FillParameters(net.Parameters, net.LayerSizes, net.HasBias);
            var inputs = new T[SampleCount * net.InputSize];
            var targets = new T[SampleCount * net.OutputSize];
            Activation output = net.Activations[^1];
            for (int r = 0; r < SampleCount; r++)
            {
                data.FillInput(inputs.AsSpan(r * net.InputSize, net.InputSize));
                data.FillTarget(targets.AsSpan(r * net.OutputSize, net.OutputSize), output);
            }

            return (inputs, targets);
        }

        private static void Write(TextWriter writer, string key, ReadOnlySpan<T> values) =>
            BitPatterns.WriteLine(writer, key, values);
    }
}
