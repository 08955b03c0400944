using System;

namespace NetGen.Benchmarks.Plain;

/// <summary>What the plain-loop mode measures of one network, in ns per call.</summary>
internal sealed record PlainResult(double Forward, double Chained, double Sgd, double Adam);

/// <summary>
/// The calls the plain loops make on one network's generated classes. Each network has a struct implementing it whose
/// members are one direct call each, so the loops (generic over the struct, which the JIT compiles once per network)
/// call the generated members exactly as an application's own loop does: no interface or delegate call in between.
/// </summary>
internal interface IPlainCalls
{
    int InputSize { get; }

    int OutputSize { get; }

    float[] Parameters { get; }

    void Forward(ReadOnlySpan<float> input, Span<float> output);

    float SgdStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float learningRate);

    /// <summary>One step of the network declared with the Adam optimizer.</summary>
    float AdamStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target);

    void SetAdamRate(float learningRate);
}

/// <summary>One standard network in the plain-loop mode.</summary>
internal abstract class PlainNetwork(string key, string label, PlainSamples samples)
{
    /// <summary>The network's letter, (a) to (d), as the C++ reference names it.</summary>
    public string Key { get; } = key;

    public string Label { get; } = label;

    public PlainSamples Samples { get; } = samples;

    /// <summary>The parameters both the SGD and the Adam network start from (NetGen's default initialization).</summary>
    public abstract float[] Parameters { get; }

    /// <summary>ŷ of the first sample, to check that the C++ reference computes the same network.</summary>
    public abstract float[] FirstOutput();

    public abstract PlainResult Measure(float learningRate);

    public static PlainNetwork[] All { get; } =
    [
        new PlainNetwork<PlainCalls.A>("a", "(a) 2-3-1 sigmoid", seed: 101),
        new PlainNetwork<PlainCalls.B>("b", "(b) 8-16-16-1 tanh", seed: 102),
        new PlainNetwork<PlainCalls.C>("c", "(c) 64-32-10 ReLU", seed: 103),
        new PlainNetwork<PlainCalls.D>("d", "(d) 784-128-10 ReLU", seed: 104),
    ];
}

/// <summary>The plain loops over the network that <typeparamref name="TCalls"/> calls.</summary>
internal sealed class PlainNetwork<TCalls>(string key, string label, int seed)
    : PlainNetwork(key, label, new PlainSamples(new TCalls().InputSize, new TCalls().OutputSize, seed))
    where TCalls : struct, IPlainCalls
{
    public override float[] Parameters => new TCalls().Parameters;

    public override float[] FirstOutput()
    {
        var y = new float[Samples.OutputSize];
        new TCalls().Forward(Samples.Input(0), y);
        return y;
    }

    public override PlainResult Measure(float learningRate)
    {
        TCalls calls = new();
        PlainSamples s = Samples;
        float[] y = new float[s.OutputSize], x = s.Input(0).ToArray();

        // Independent calls: each sample of the pool in turn.
        double forward = PlainTimer.Measure((first, count) =>
        {
            float sum = 0;
            for (long k = first; k < first + count; k++)
            {
                calls.Forward(s.Input(k), y);
                sum += y[0];
            }

            return sum;
        });

        // Chained calls: the first input of each call is the previous output, so no call can start before the last ends.
        double chained = PlainTimer.Measure((first, count) =>
        {
            for (long k = 0; k < count; k++)
            {
                calls.Forward(x, y);
                x[0] = y[0];
            }

            return y[0];
        });

        double sgd = PlainTimer.Measure((first, count) =>
        {
            float sum = 0;
            for (long k = first; k < first + count; k++)
            {
                sum += calls.SgdStep(s.Input(k), s.Target(k), learningRate);
            }

            return sum;
        });

        calls.SetAdamRate(learningRate);
        double adam = PlainTimer.Measure((first, count) =>
        {
            float sum = 0;
            for (long k = first; k < first + count; k++)
            {
                sum += calls.AdamStep(s.Input(k), s.Target(k));
            }

            return sum;
        });
        return new PlainResult(forward, chained, sgd, adam);
    }
}
