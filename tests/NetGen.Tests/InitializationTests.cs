using System;
using NetGen.CompilerServices;
using Xunit;

namespace NetGen.Tests;

/// <summary>Parameter initialization of generated networks.</summary>
public sealed class InitializationTests
{
    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void NewInstance_IsInitializedWithDefaultSeed(string name)
    {
        NetworkCase fresh = NetworkCases.Create(name);
        NetworkCase reinitialized = NetworkCases.Create(name);
        reinitialized.Network.Parameters.Fill(3f);

        reinitialized.Network.InitializeParameters(ParameterInitializer.DefaultSeed);

        NumericAssert.BitwiseEqual(reinitialized.Network.Parameters, fresh.Network.Parameters, $"{name} new vs default seed");
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void InitializeParameters_CallsTheInitializerWithTheDeclaredArchitecture(string name)
    {
        // The spec comes from the test's own copy of the attribute, so a generator that passes wrong sizes,
        // activations or bias flag to the initializer fails here.
        NetworkCase c = NetworkCases.Create(name);
        var expected = new float[c.Spec.ParameterCount];
        ParameterInitializer.Initialize<float>(expected, c.Spec.LayerSizes, c.Spec.Activations, c.Spec.Bias, 42);

        c.Network.InitializeParameters(42);

        NumericAssert.BitwiseEqual(expected, c.Network.Parameters, $"{name} seed 42");
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void SameSeed_GivesSameParameters_DifferentSeeds_Differ(string name)
    {
        NetworkCase a = NetworkCases.Create(name), b = NetworkCases.Create(name);
        a.Network.InitializeParameters(1);
        b.Network.Parameters.Fill(-2f);
        b.Network.InitializeParameters(1);
        NumericAssert.BitwiseEqual(a.Network.Parameters, b.Network.Parameters, $"{name} seed 1 twice");

        b.Network.InitializeParameters(2);
        int differing = 0, weights = 0;
        for (int l = 0; l < a.Spec.WeightLayers; l++)
        {
            int w = a.Spec.WeightOffset(l), end = a.Spec.BiasOffset(l);
            for (int i = w; i < end; i++, weights++)
            {
                differing += a.Network.Parameters[i] != b.Network.Parameters[i] ? 1 : 0;
            }
        }

        Assert.Equal(weights, differing);
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void Initialization_BiasesZero_WeightsWithinGlorotOrHeLimit(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        c.Network.Parameters.Fill(5f);
        c.Network.InitializeParameters(7);
        ReadOnlySpan<float> parameters = c.Network.Parameters;
        NetworkSpec spec = c.Spec;

        for (int l = 0; l < spec.WeightLayers; l++)
        {
            int fanIn = spec.LayerSizes[l], fanOut = spec.LayerSizes[l + 1];
            // He uniform for ReLU layers, Glorot/Xavier uniform otherwise. Rounding to float is monotonic, so
            // a weight drawn within ±limit stays within ±(float)limit.
            double limit = spec.ActivationOf(l) == Activation.ReLU ? Math.Sqrt(6.0 / fanIn) : Math.Sqrt(6.0 / (fanIn + fanOut));
            ReadOnlySpan<float> weights = parameters.Slice(spec.WeightOffset(l), fanIn * fanOut);
            float largest = 0;
            foreach (float w in weights)
            {
                Assert.True(Math.Abs(w) <= (float)limit, $"{name} layer {l + 1}: |{w}| > {limit}");
                largest = Math.Max(largest, Math.Abs(w));
            }

            // The draws fill the interval: with n ≥ 6 uniform draws the largest |w| is below limit/2 with probability 2^−n.
            Assert.True(largest > limit / 2 || weights.Length < 6, $"{name} layer {l + 1}: largest |w| = {largest}, limit {limit}");
            if (spec.Bias)
            {
                Assert.All(parameters.Slice(spec.BiasOffset(l), fanOut).ToArray(), b => Assert.Equal(0f, b));
            }
        }
    }

    [Fact]
    public void StudyScoreNet_DefaultSeed_HasPinnedValues()
    {
        // Computed once from the SplitMix64/Glorot description in ParameterInitializer by an independent
        // implementation; pinned so that a seed gives the same network on every machine and version.
        float[] expected =
        [
            0.13501349091529846f, -1.0819272994995117f, -0.7754985094070435f,
            -0.7011328935623169f, 0.0013392005348578095f, 0.20512647926807404f,
            -1.0136563777923584f, -0.9202761650085449f, -0.4141571521759033f,
        ];

        NumericAssert.BitwiseEqual(expected, new StudyScoreNet().Parameters, "StudyScoreNet default parameters");
    }
}
