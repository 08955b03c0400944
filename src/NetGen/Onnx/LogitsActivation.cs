using System.Collections.Generic;
using System.Linq;

// Also compiled into the generator (linked).
namespace NetGen.Onnx;

/// <summary>
/// The import option for a classifier whose file holds logits (trained with <c>CrossEntropyLoss</c> or
/// <c>BCEWithLogitsLoss</c> and exported without its final activation): the graph ends in a linear layer, and NetGen
/// appends the output activation the option names.
/// </summary>
internal static class LogitsActivation
{
    /// <summary>Whether <paramref name="activation"/> can be appended to logits: Softmax, LogSoftmax or Sigmoid.</summary>
    public static bool IsAppendable(Activation activation) =>
        activation is Activation.Softmax or Activation.LogSoftmax or Activation.Sigmoid;

    /// <summary>
    /// <paramref name="layers"/> with <paramref name="logits"/> as the last layer's activation; Identity returns them
    /// unchanged. Refuses another activation, and a graph whose last layer already applies one.
    /// </summary>
    public static IReadOnlyList<DenseGraph.Layer> Append(IReadOnlyList<DenseGraph.Layer> layers, Activation logits)
    {
        if (logits == Activation.Identity)
        {
            return layers;
        }

        if (!IsAppendable(logits))
        {
            throw new OnnxFormatException($"Logits = {logits}: NetGen appends Softmax, LogSoftmax or Sigmoid to a graph that ends in logits.");
        }

        if (layers.Count == 0)
        {
            throw new OnnxFormatException($"Logits = {logits}, but the graph has no layer to append it to.");
        }

        DenseGraph.Layer last = layers[layers.Count - 1];
        if (last.Activation != Activation.Identity)
        {
            throw new OnnxFormatException(
                $"Logits = {logits} says the graph ends in logits (a linear layer), but its last layer ({last.Description}) " +
                $"already applies {last.Activation}; read the file without Logits.");
        }

        DenseGraph.Layer appended = last with { Activation = logits, Description = $"{last.Description}, {logits} appended (Logits)" };
        return layers.Take(layers.Count - 1).Append(appended).ToList();
    }
}
