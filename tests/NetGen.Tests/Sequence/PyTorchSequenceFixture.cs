using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NetGen.Tests.Sequence;

/// <summary>
/// One model of Fixtures/pytorch-sequence.json (written by make_fixtures.py): PyTorch's parameters, inputs, outputs
/// and, for the stacks, targets, objective and gradients, with PyTorch's parameters mapped to NetGen's layout here,
/// independently of the library.
/// </summary>
internal sealed class PyTorchSequenceFixture
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sequence", "Fixtures", "pytorch-sequence.json"))));

    private readonly JsonElement _model;

    private PyTorchSequenceFixture(JsonElement model) => _model = model;

    public static PyTorchSequenceFixture Load(string name) => new(Document.Value.RootElement.GetProperty("models").GetProperty(name));

    public double[] Inputs => Values(_model.GetProperty("inputs"));

    public double[] Outputs => Values(_model.GetProperty("outputs"));

    public double[] Targets => Values(_model.GetProperty("targets"));

    public double Objective => _model.GetProperty("objective").GetDouble();

    /// <summary>
    /// Runs the recorded inputs through <paramref name="network"/> from its current (zero) state and checks every output
    /// against PyTorch's to 1e−12, relative above 1 and absolute below.
    /// </summary>
    public void AssertComputedBy(ISequenceNetwork<double> network)
    {
        double[] expected = Outputs;
        var outputs = new double[expected.Length];
        network.Process(Inputs, outputs);
        for (int i = 0; i < outputs.Length; i++)
        {
            NumericAssert.Close(expected[i], outputs[i], 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"ŷ[{i}]");
        }
    }

    /// <summary>PyTorch's parameters in NetGen's layout.</summary>
    public double[] Parameters() => Map("parameters");

    /// <summary>PyTorch's ∂J/∂θ in NetGen's layout (an LSTM's b takes ∂J/∂bias_ih, which equals ∂J/∂bias_hh).</summary>
    public double[] Gradients() => Map("gradients");

    private double[] Map(string property)
    {
        var result = new List<double>();
        foreach (JsonElement layer in _model.GetProperty("layers").EnumerateArray())
        {
            Dictionary<string, (int[] Shape, double[] Values)> tensors = layer.GetProperty(property).EnumerateArray().ToDictionary(
                t => t.GetProperty("name").GetString()!.Split('.').Last(),
                t => (t.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray(), Values(t.GetProperty("values"))));
            switch (layer.GetProperty("kind").GetString())
            {
                case "Lstm":
                case "Gru":
                    // One module, num_layers stacked layers l0, l1, …
                    for (int l = 0; tensors.ContainsKey($"weight_ih_l{l}"); l++)
                    {
                        result.AddRange(Transpose(tensors[$"weight_ih_l{l}"]));
                        result.AddRange(Transpose(tensors[$"weight_hh_l{l}"]));
                        if (tensors.TryGetValue($"bias_ih_l{l}", out var bx))
                        {
                            double[] bh = tensors[$"bias_hh_l{l}"].Values;
                            if (layer.GetProperty("kind").GetString() == "Lstm")
                            {
                                // Only the sum of an LSTM's two biases matters; its gradient is each one's.
                                result.AddRange(property == "gradients" ? bx.Values : bx.Values.Zip(bh, (a, b) => a + b));
                            }
                            else
                            {
                                result.AddRange(bx.Values);
                                result.AddRange(bh);
                            }
                        }
                    }

                    break;
                case "Conv1D":
                    // weight [out][in][k] → W[j][in][out].
                    (int[] shape, double[] w) = tensors["weight"];
                    int outputs = shape[0], inputs = shape[1], k = shape[2];
                    for (int j = 0; j < k; j++)
                    {
                        for (int i = 0; i < inputs; i++)
                        {
                            for (int o = 0; o < outputs; o++)
                            {
                                result.Add(w[(o * inputs * k) + (i * k) + j]);
                            }
                        }
                    }

                    AddBias(tensors, result);
                    break;
                default:
                    result.AddRange(Transpose(tensors["weight"]));
                    AddBias(tensors, result);
                    break;
            }
        }

        return result.ToArray();
    }

    private static void AddBias(Dictionary<string, (int[] Shape, double[] Values)> tensors, List<double> result)
    {
        if (tensors.TryGetValue("bias", out var bias))
        {
            result.AddRange(bias.Values);
        }
    }

    /// <summary>A [rows][cols] matrix as [cols][rows].</summary>
    private static IEnumerable<double> Transpose((int[] Shape, double[] Values) matrix)
    {
        int rows = matrix.Shape[0], cols = matrix.Shape[1];
        for (int c = 0; c < cols; c++)
        {
            for (int r = 0; r < rows; r++)
            {
                yield return matrix.Values[(r * cols) + c];
            }
        }
    }

    private static double[] Values(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
