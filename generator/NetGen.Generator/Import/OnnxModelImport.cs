using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Formats;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;
using NetGen.Onnx;
using NetGen.Onnx.Messages;
using NetGen.Onnx.Protobuf;

namespace NetGen.Generator.Import;

/// <summary>
/// The layers and weights of a <c>[NetworkModel]</c> ONNX file, read with the run-time library's own recognizers: a
/// graph with LSTM, GRU or Conv nodes is a sequence network, any other a dense one. Sizes are checked against the
/// limits and the embedding limit before any weight is read. Problems are <see cref="ModelFormatException"/>s.
/// </summary>
internal static class OnnxModelImport
{
    public const string Format = "ONNX model";

    /// <summary>
    /// The spec of the model in <paramref name="bytes"/>; with <paramref name="elementTypeFromModel"/>, a double model
    /// gives a double class (the shell's element type otherwise). With <paramref name="logits"/> (not Identity), a dense
    /// graph ends in logits and that activation is appended.
    /// </summary>
    public static NetworkSpec Read(byte[] bytes, NetworkSpec shell, string path, bool elementTypeFromModel, Activation logits = Activation.Identity)
    {
        ModelProto model = Parse(bytes);
        try
        {
            model = ModelGraph.Prepare(model);
            int elementType = DenseGraph.InputElementType(model);
            if (elementType is not (TensorElementType.Float or TensorElementType.Double))
            {
                throw ModelFormatException.NotSupported(
                    $"its input has element type {TensorElementType.Describe(elementType)}; NetGen reads float and double models");
            }

            if (elementTypeFromModel && elementType == TensorElementType.Double)
            {
                shell = shell with { ElementType = ElementType.Double };
            }

            if (SequenceGraph.HasSequenceLayer(model))
            {
                return logits == Activation.Identity
                    ? Sequence(model, elementType, shell, path)
                    : throw ModelFormatException.NotSupported($"Logits = {logits} applies to dense models; the graph has LSTM, GRU or Conv nodes");
            }

            return Dense(model, elementType, shell, path, logits);
        }
        catch (OnnxFormatException e)
        {
            throw ModelFormatException.NotSupported(Fragment(e.Message));
        }
    }

    private static ModelProto Parse(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw ModelFormatException.Invalid("the file is empty (0 bytes)");
        }

        try
        {
            return ModelProto.Parse(new ProtoReader(bytes, bytes.Length));
        }
        catch (OnnxFormatException e)
        {
            throw ModelFormatException.Invalid($"the data is not a valid ONNX model (truncated or not protobuf): {Fragment(e.Message)}");
        }
    }

    private static NetworkSpec Dense(ModelProto model, int elementType, NetworkSpec shell, string path, Activation logits)
    {
        IReadOnlyList<DenseGraph.Layer> layers = LogitsActivation.Append(
            DenseGraph.Recognize(model, elementType, inputWidth: null, outputWidth: null), logits);
        if (layers.Count == 0)
        {
            throw ModelFormatException.NotSupported("the graph has no layers (its output is its input)");
        }

        bool hasBias = layers[0].Bias is not null;
        double? slope = null;
        for (int l = 0; l < layers.Count; l++)
        {
            DenseGraph.Layer layer = layers[l];
            if ((layer.Bias is not null) != hasBias)
            {
                throw ModelFormatException.NotSupported(
                    $"layer {l + 1} ({layer.Description}) {(hasBias ? "has no" : "has a")} bias, unlike layer 1; " +
                    "NetGen networks have biases in every layer or in none");
            }

            if (layer.Activation is Activation.Softmax or Activation.LogSoftmax && l < layers.Count - 1)
            {
                throw ModelFormatException.NotSupported(
                    $"layer {l + 1} ({layer.Description}) applies {layer.Activation}; NetGen applies it to the output layer only");
            }

            if (layer.LeakySlope is { } s)
            {
                double value = s.IsFloatAttribute ? (float)s.Value : s.Value;
                if (slope is { } first && first != value)
                {
                    throw ModelFormatException.NotSupported(
                        $"its LeakyReLU layers have different slopes ({Number(first)} and {Number(value)}); a NetGen network has one LeakySlope");
                }

                slope = value;
            }
        }

        int[] sizes = layers.Select(l => l.Inputs).Concat(new[] { layers[layers.Count - 1].Outputs }).ToArray();
        if (NetworkLimits.Check(sizes, hasBias) is { } reason)
        {
            throw ModelFormatException.TooLarge(reason);
        }

        ModelBinder.CheckEmbeddable(
            layers.Sum(l => ((long)l.Inputs * l.Outputs) + (hasBias ? l.Outputs : 0)), shell.ElementType);
        bool single = shell.ElementType == ElementType.Single;
        double[] parameters = ToElementType(DenseGraph.Decode(layers, elementType, single), shell.ElementType);
        var specs = layers.Select((l, i) => new LayerSpec(i + 1, l.Inputs, l.Outputs, l.Activation)).ToArray();
        return shell with
        {
            Layers = new EquatableArray<LayerSpec>(specs),
            HasBias = hasBias,
            LeakySlope = slope ?? shell.LeakySlope,
            // A classifier's cost: cross entropy of the probabilities (given or appended to logits), or the negative
            // log-likelihood of their logarithms.
            Loss = specs[specs.Length - 1].Activation is Activation.Softmax or Activation.LogSoftmax || logits != Activation.Identity
                ? Loss.CrossEntropy
                : shell.Loss,
            Weights = new TrainedWeights(path, Format, new EquatableArray<double>(parameters)),
        };
    }

    private static NetworkSpec Sequence(ModelProto model, int elementType, NetworkSpec shell, string path)
    {
        List<SequenceGraph.Found> found = SequenceGraph.Recognize(model, elementType);
        if (found.Count == 0)
        {
            throw ModelFormatException.NotSupported("the graph has no layer NetGen runs");
        }

        bool hasBias = HasBias(found[0]);
        double? slope = null;
        var layers = new List<SequenceLayer>();
        for (int l = 0; l < found.Count; l++)
        {
            SequenceGraph.Found f = found[l];
            if (HasBias(f) != hasBias)
            {
                throw ModelFormatException.NotSupported(
                    $"{f.Node.OpType} '{f.Node.Name}' {(hasBias ? "has no" : "has a")} bias, unlike the first layer; " +
                    "NetGen networks have biases in every layer or in none");
            }

            if (f.Activation == Activation.LeakyReLU)
            {
                double value = f.Alpha ?? 0.01f;   // ONNX LeakyRelu's default alpha
                if (slope is { } first && first != value)
                {
                    throw ModelFormatException.NotSupported(
                        $"its LeakyReLU layers have different slopes ({Number(first)} and {Number(value)}); a NetGen network has one LeakySlope");
                }

                slope = value;
            }

            layers.Add(SequenceGraph.Describe(f, hasBias));
            if (l > 0 && layers[l].Inputs != layers[l - 1].Outputs)
            {
                throw ModelFormatException.NotSupported(
                    $"{f.Node.OpType} '{f.Node.Name}' takes {layers[l].Inputs} inputs, but the layer before gives {layers[l - 1].Outputs}");
            }
        }

        var specs = layers
            .Select((l, i) => new SequenceLayerSpec(i + 1, l.Kind, l.Inputs, l.Outputs, l.KernelSize, l.Dilation, l.Activation))
            .ToArray();
        if (SequenceLimits.Check(specs, hasBias) is { } reason)
        {
            throw ModelFormatException.TooLarge(reason);
        }

        ModelBinder.CheckEmbeddable(specs.Sum(l => SequenceLayerPlanMath.Of(l, hasBias).Parameters), shell.ElementType);
        var parameters = new List<double>();
        for (int l = 0; l < layers.Count; l++)
        {
            SequenceLayer layer = layers[l];
            string where = $"Layer {l + 1} ({layer.Kind} {layer.Inputs} → {layer.Outputs}) from {found[l].Node.OpType} '{found[l].Node.Name}'";
            parameters.AddRange(SequenceGraph.Decode(found[l], layer, elementType, where, shell.ElementType == ElementType.Single));
        }

        return shell with
        {
            SequenceLayers = new EquatableArray<SequenceLayerSpec>(specs),
            HasBias = hasBias,
            LeakySlope = slope ?? shell.LeakySlope,
            Weights = new TrainedWeights(path, Format, new EquatableArray<double>(ToElementType(parameters.ToArray(), shell.ElementType))),
        };
    }

    private static bool HasBias(SequenceGraph.Found f) =>
        f.Kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru
            ? f.Node.Inputs.Count > 3 && f.Node.Inputs[3].Length > 0
            : f.Bias is not null;

    /// <summary>
    /// The values rounded to the class's element type. A double too large for float was refused while decoding
    /// (<c>toSingle</c>), naming its initializer.
    /// </summary>
    private static double[] ToElementType(double[] values, ElementType type)
    {
        if (type == ElementType.Single)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)values[i];
            }
        }

        return values;
    }

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A reader's sentence as a diagnostic's fragment: without its final period.</summary>
    private static string Fragment(string message) => message.EndsWith(".", StringComparison.Ordinal) ? message.Substring(0, message.Length - 1) : message;
}
