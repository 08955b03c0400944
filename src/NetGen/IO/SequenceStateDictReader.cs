using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text.Json;
using NetGen.Formats;

namespace NetGen.IO;

/// <summary>
/// Reads a PyTorch <c>state_dict</c> (as JSON) of a module built from <c>nn.LSTM</c>, <c>nn.GRU</c>, <c>nn.Conv1d</c>
/// and <c>nn.Linear</c> into a sequence network's parameters, with the rules of <see cref="StateDict"/>, which
/// <c>[Network(..., Weights = ...)]</c> applies at compile time too.
/// </summary>
internal static class SequenceStateDictReader
{
    public static T[] Read<T>(
        ISequenceNetwork<T> network, JsonElement root, IReadOnlyList<string>? moduleOrder, string howToOrder, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] values;
        try
        {
            values = StateDict.ReadSequence(JsonWeightReader.ToValue(root), network.Layers.ToArray(), single: typeof(T) == typeof(float),
                moduleOrder,
                howToOrder);
        }
        catch (ModelFormatException problem)
        {
            throw reader.Fail(problem);
        }

        return Narrow<T>(values, network.ParameterCount);
    }

    /// <summary>
    /// The shared readers' values (already rounded to <typeparamref name="T"/>) as <typeparamref name="T"/>; a network
    /// whose ParameterCount is not the sum of its layers' describes itself inconsistently.
    /// </summary>
    public static T[] Narrow<T>(double[] values, int parameterCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (values.Length != parameterCount)
        {
            throw new ArgumentException(
                $"The network's ParameterCount ({parameterCount}) is not the sum of its layers' ({values.Length}).", "network");
        }

        var parameters = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            parameters[i] = T.CreateTruncating(values[i]);
        }

        return parameters;
    }
}
