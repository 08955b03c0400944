using System;
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
    public static T[] Read<T>(ISequenceNetwork<T> network, JsonElement root, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] values;
        try
        {
            values = StateDict.ReadSequence(JsonWeightReader.ToValue(root), network.Layers.ToArray(), single: typeof(T) == typeof(float));
        }
        catch (ModelFormatException problem)
        {
            throw reader.Fail(problem);
        }

        if (values.Length != network.ParameterCount)
        {
            throw new ArgumentException(
                $"The network's ParameterCount ({network.ParameterCount}) is not the sum of its layers' ({values.Length}).", nameof(network));
        }

        var parameters = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            parameters[i] = T.CreateTruncating(values[i]);
        }

        return parameters;
    }
}
