using System;
using System.IO;
using System.Linq;
using System.Numerics;
using Xunit;

namespace NetGen.Onnx.Tests;

/// <summary>
/// A model that does not match the target network, or is not ONNX at all, is rejected with an
/// <see cref="OnnxFormatException"/> that says what differs, and the network's parameters stay as they were.
/// </summary>
public class ImportRejectionTests
{
    [Fact]
    public void Wrong_hidden_width_is_rejected()
    {
        OnnxFormatException e = Reject(Exported(new SigmoidFloatBias()), new SigmoidFloatBiasNarrow());
        Assert.Contains("3 → 7 → 5", e.Message);
        Assert.Contains("3 → 6 → 5", e.Message);
    }

    [Fact]
    public void Wrong_layer_count_is_rejected()
    {
        OnnxFormatException e = Reject(Exported(new SigmoidFloatBias()), new SigmoidFloatBiasDeeper());
        Assert.Contains("2 weight layer(s)", e.Message);
    }

    [Fact]
    public void Wrong_input_width_is_rejected()
    {
        OnnxFormatException e = Reject(Exported(new SigmoidFloatBias()), new SigmoidFloatBiasWiderInput());
        Assert.Contains("[N, 3]", e.Message);
        Assert.Contains("[N, 4]", e.Message);
    }

    [Fact]
    public void Wrong_activation_is_rejected()
    {
        OnnxFormatException e = Reject(Exported(new TanhFloatBias()), new SigmoidFloatBias());
        Assert.Contains("the model has Tanh", e.Message);
        Assert.Contains("the network Sigmoid", e.Message);
    }

    [Fact]
    public void Wrong_output_activation_is_rejected()
    {
        OnnxFormatException e = Reject(Exported(new SoftmaxDoubleBias()), new TanhDoubleBias());
        Assert.Contains("layer 2", e.Message);
        Assert.Contains("Softmax", e.Message);
    }

    [Fact]
    public void Wrong_formula_activation_of_a_double_model_is_rejected()
    {
        // ELU and LeakyReLU share the Where(z > 0, z, ·) shape in double models; the third operand tells them apart.
        OnnxFormatException e = Reject(Exported(new ELUDoubleBias()), new LeakyReLUDoubleBias());
        Assert.Contains("the model has ELU", e.Message);
    }

    [Fact]
    public void Float_model_into_double_network_widens_exactly()
    {
        var source = new SigmoidFloatBias();
        source.InitializeParameters(seed: 21);
        var target = new SigmoidDoubleBias();

        OnnxModel.Load(target, new MemoryStream(Exported(source)));

        Assert.Equal(source.Parameters.ToArray().Select(v => (double)v), target.Parameters.ToArray());
    }

    [Fact]
    public void Double_model_into_float_network_is_rejected()
    {
        OnnxFormatException e = Reject(Exported(new MixedDoubleBias()), new MixedFloatBias());
        Assert.Contains("DOUBLE", e.Message);
    }

    [Fact]
    public void Model_with_biases_into_network_without_is_rejected()
    {
        OnnxFormatException e = Reject(Exported(new ReLUFloatBias()), new ReLUFloatNoBias());
        Assert.Contains("has a bias", e.Message);
    }

    [Fact]
    public void Model_without_biases_into_network_with_is_rejected()
    {
        OnnxFormatException e = Reject(Exported(new GELUDoubleNoBias()), new GELUDoubleBias());
        Assert.Contains("has no bias", e.Message);
    }

    [Fact]
    public void Different_LeakyReLU_slope_is_rejected_in_float()
    {
        OnnxFormatException e = Reject(Exported(new LeakyReLUFloatBias()), new LeakyReLUFloatBiasSlope02());
        Assert.Contains("slope", e.Message);
        Assert.Contains("0.2", e.Message);
    }

    [Fact]
    public void Different_LeakyReLU_slope_is_rejected_in_double_even_when_float_cannot_tell_them_apart()
    {
        Assert.Equal((float)0.01, (float)LeakyReLUDoubleBiasSlopeNearFloat.LeakySlope);

        OnnxFormatException e = Reject(Exported(new LeakyReLUDoubleBias()), new LeakyReLUDoubleBiasSlopeNearFloat());
        Assert.Contains("0.0100000001", e.Message);
    }

    [Fact]
    public void Truncated_model_is_rejected()
    {
        byte[] model = Exported(new MixedFloatBias());

        foreach (int length in new[] { 1, 2, 10, model.Length / 3, model.Length / 2, model.Length - 1 })
        {
            Reject(model.AsSpan(0, length).ToArray(), new MixedFloatBias());
        }
    }

    [Fact]
    public void Bytes_that_are_not_ONNX_are_rejected()
    {
        Reject(Array.Empty<byte>(), new SigmoidFloatBias());
        Reject("{\"weights\": [1, 2, 3]}"u8.ToArray(), new SigmoidFloatBias());
        Reject(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, new SigmoidFloatBias());

        var random = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            byte[] noise = new byte[random.Next(1, 300)];
            random.NextBytes(noise);
            Reject(noise, new SigmoidFloatBias());
        }
    }

    [Fact]
    public void Corrupting_any_single_byte_never_escapes_as_another_exception()
    {
        // Each flipped byte either still describes a matching model (e.g. inside a weight) or is rejected cleanly.
        byte[] model = Exported(new SoftmaxDoubleNoBias());
        var network = new SoftmaxDoubleNoBias();
        for (int i = 0; i < model.Length; i++)
        {
            byte[] corrupt = (byte[])model.Clone();
            corrupt[i] ^= 0x5A;
            double[] before = network.Parameters.ToArray();
            try
            {
                TestModels.Import(network, corrupt);
            }
            catch (OnnxFormatException)
            {
                Assert.Equal(TestModels.Bits<double>(before), TestModels.Bits<double>(network.Parameters));
            }
        }
    }

    [Fact]
    public void Null_arguments_and_unreadable_streams_throw_argument_exceptions()
    {
        var network = new SigmoidFloatBias();
        Assert.Throws<ArgumentNullException>(() => OnnxModel.Load(network, (Stream)null!));
        Assert.Throws<ArgumentNullException>(() => OnnxModel.Load(network, (string)null!));
        Assert.Throws<ArgumentNullException>(() => OnnxModel.Load((INetwork<float>)null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => OnnxModel.Load((ISequenceNetwork<float>)null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => OnnxModel.Save(network, (Stream)null!));
        Assert.Throws<ArgumentException>(() => OnnxModel.Save(network, new MemoryStream(new byte[10], writable: false)));
    }

    private static byte[] Exported<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TestModels.Randomize(network, seed: 31);
        return TestModels.Export(network);
    }

    /// <summary>Asserts the import fails with <see cref="OnnxFormatException"/> and changes no parameter.</summary>
    internal static OnnxFormatException Reject<T>(byte[] model, INetwork<T> target)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long[] before = TestModels.Bits<T>(target.Parameters);

        OnnxFormatException e = Assert.Throws<OnnxFormatException>(() => TestModels.Import(target, model));

        Assert.Equal(before, TestModels.Bits<T>(target.Parameters));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e;
    }
}
