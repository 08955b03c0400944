using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NetGen.Onnx.Tests;

/// <summary>The files of Fixtures/make_dynamo_fixtures.py, PyTorch's recorded outputs, and ONNX Runtime runs of them.</summary>
internal static class DynamoFixtures
{
    private static readonly JsonElement Recorded =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "dynamo-outputs.json"))).RootElement;

    public static string PathOf(string fixture) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture + ".onnx");

    /// <summary>The recorded rows of <paramref name="field"/> ("inputs", "outputs", "logits"), flattened row-major.</summary>
    public static double[] Values(string fixture, string field) =>
        Recorded.GetProperty(fixture).GetProperty(field).EnumerateArray()
            .SelectMany(row => row.EnumerateArray().Select(v => v.GetDouble())).ToArray();

    public static T[] As<T>(double[] values)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => values.Select(T.CreateTruncating).ToArray();

    /// <summary>Runs a fixture in ONNX Runtime (CPU) on one input of shape <paramref name="shape"/>; returns its only output.</summary>
    public static T[] RunOnnxRuntime<T>(string fixture, T[] inputs, params int[] shape)
        where T : unmanaged
    {
        using var session = new InferenceSession(PathOf(fixture));
        var tensor = new DenseTensor<T>(inputs, shape);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Run(new[] { NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), tensor) });
        return results.Single().AsTensor<T>().ToArray();
    }

    /// <summary>Softmax of each row, in double: the probabilities the logits of a classifier stand for.</summary>
    public static double[] Softmax(double[] logits, int width)
    {
        var result = new double[logits.Length];
        for (int r = 0; r < logits.Length / width; r++)
        {
            Span<double> row = logits.AsSpan(r * width, width);
            double max = row.ToArray().Max(), sum = row.ToArray().Sum(v => Math.Exp(v - max));
            for (int j = 0; j < width; j++)
            {
                result[(r * width) + j] = Math.Exp(row[j] - max) / sum;
            }
        }

        return result;
    }
}
