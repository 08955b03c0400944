using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NetGen.Onnx.Tests;

/// <summary>Parameters, inputs, exports and ONNX Runtime runs for the tests.</summary>
internal static class TestModels
{
    /// <summary>
    /// Float: ONNX Runtime's Gemm (MLAS, its own blocking and FMA order) and NetGen's Vector128 FMA kernels sum in
    /// different orders, and their exp/tanh/log differ by an ulp or two. With u ≈ 6e−8, dot products of at most 7
    /// terms of size ≤ 1 and at most nine layers, the differences stay near 1e−6 of max(1, |ŷ|); 1e−5 leaves a factor
    /// of about 10 and is still far below what a wrong weight layout, activation or constant gives (≥ 1e−3).
    /// </summary>
    public const double FloatTolerance = 1e-5;

    /// <summary>
    /// Double: the same sources of difference at u ≈ 1.1e−16 give about 1e−15 of max(1, |ŷ|); 1e−12 leaves three
    /// orders of magnitude. It is tight enough to prove that the double model computes in double with double
    /// constants: a float constant anywhere (LeakyRelu's float alpha for a slope of 0.2, or the float-precision
    /// constants of ONNX Runtime's own Gelu, which is off by up to 4e−7 relative) breaks it by a factor ≥ 1e3.
    /// </summary>
    public const double DoubleTolerance = 1e-12;

    public static double ToleranceFor<T>() => typeof(T) == typeof(float) ? FloatTolerance : DoubleTolerance;

    /// <summary>Sets every parameter to a deterministic value uniform in [−0.8, 0.8].</summary>
    public static void Randomize<T>(INetwork<T> network, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        Span<T> parameters = network.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = T.CreateTruncating(random.NextDouble() * 1.6 - 0.8);
        }
    }

    /// <summary><paramref name="rows"/> rows of inputs uniform in [−2, 2], row-major.</summary>
    public static T[] Inputs<T>(int rows, int width, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var inputs = new T[rows * width];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = T.CreateTruncating(random.NextDouble() * 4 - 2);
        }

        return inputs;
    }

    /// <summary>NetGen's Forward, row by row.</summary>
    public static T[] Forward<T>(INetwork<T> network, T[] inputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = inputs.Length / network.InputSize;
        var outputs = new T[rows * network.OutputSize];
        for (int r = 0; r < rows; r++)
        {
            network.Forward(
                inputs.AsSpan(r * network.InputSize, network.InputSize),
                outputs.AsSpan(r * network.OutputSize, network.OutputSize));
        }

        return outputs;
    }

    public static byte[] Export<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream();
        OnnxModel.Save(network, stream);
        return stream.ToArray();
    }

    public static void Import<T>(INetwork<T> network, byte[] model)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream(model, writable: false);
        OnnxModel.Load(network, stream);
    }

    /// <summary>Runs <paramref name="model"/> in ONNX Runtime (CPU) on a [rows, width] input and returns its output.</summary>
    public static T[] RunOnnxRuntime<T>(byte[] model, T[] inputs, int width, string inputName = "input", string outputName = "output")
        where T : unmanaged
    {
        using var session = new InferenceSession(model);
        var tensor = new DenseTensor<T>(inputs, new[] { inputs.Length / width, width });
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Run(new[] { NamedOnnxValue.CreateFromTensor(inputName, tensor) });
        return results.Single(r => r.Name == outputName).AsTensor<T>().ToArray();
    }

    /// <summary>max over elements of |actual − expected| / max(1, |expected|).</summary>
    public static double WorstDifference<T>(T[] expected, T[] actual)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (expected.Length != actual.Length)
        {
            throw new ArgumentException($"Lengths differ: {expected.Length} vs {actual.Length}.");
        }

        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateTruncating(expected[i]), a = double.CreateTruncating(actual[i]);
            double difference = Math.Abs(a - e) / Math.Max(1, Math.Abs(e));
            worst = double.IsNaN(difference) ? double.PositiveInfinity : Math.Max(worst, difference);
        }

        return worst;
    }

    public static T[] Snapshot<T>(INetwork<T> network)
        where T : unmanaged, IFloatingPointIeee754<T> => network.Parameters.ToArray();

    /// <summary>Bit patterns, so that comparisons are bitwise (and NaN-safe).</summary>
    public static long[] Bits<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? values.ToArray().Select(v => (long)BitConverter.SingleToInt32Bits(float.CreateTruncating(v))).ToArray()
            : values.ToArray().Select(v => BitConverter.DoubleToInt64Bits(double.CreateTruncating(v))).ToArray();

    public static IEnumerable<object[]> NetworkNames() => OnnxNetworks.Names.Select(n => new object[] { n });
}
