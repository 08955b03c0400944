using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NetGen.Benchmarks.Nam;

/// <summary>One model to time: a file, and for a SlimmableContainer the size value that picks one of its submodels.</summary>
internal sealed record NamTarget(string Path, double? Size, string Label)
{
    /// <summary>The files named on the command line (a folder: its <c>.nam</c> files), each submodel of a container.</summary>
    public static List<NamTarget> Expand(IEnumerable<string> paths)
    {
        var targets = new List<NamTarget>();
        foreach (string path in paths)
        {
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.GetFiles(path, "*.nam").Order(StringComparer.Ordinal)
                : [path];
            foreach (string file in files)
            {
                targets.AddRange(Of(file));
            }
        }

        return targets;
    }

    /// <summary>
    /// The file's targets. Submodel i of a container is picked by size 0 (i = 0) or by the previous submodel's
    /// <c>max_value</c>, in NetGen's <c>Size</c> and NAM core's <c>SetSlimmableSize</c> alike.
    /// </summary>
    private static IEnumerable<NamTarget> Of(string file)
    {
        string name = System.IO.Path.GetFileName(file);
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return [new NamTarget(file, null, name)];
        }

        string architecture = Text(root, "architecture");
        if (architecture != "SlimmableContainer" || !TryGet(root, out JsonElement submodels, "config", "submodels"))
        {
            return [new NamTarget(file, null, $"{name} {Describe(root)}")];
        }

        var result = new List<NamTarget>();
        double previous = 0;
        foreach (JsonElement submodel in submodels.EnumerateArray())
        {
            string size = previous.ToString("0.###", CultureInfo.InvariantCulture);
            string model = TryGet(submodel, out JsonElement m, "model") ? Describe(m) : "?";
            result.Add(new NamTarget(file, previous, $"{name} [{size}] {model}"));
            previous = TryGet(submodel, out JsonElement max, "max_value") && max.ValueKind == JsonValueKind.Number ? max.GetDouble() : 1;
        }

        return result;
    }

    /// <summary>"WaveNet 16/8 ch" or "LSTM 1×3".</summary>
    private static string Describe(JsonElement model)
    {
        string architecture = Text(model, "architecture");
        if (architecture == "WaveNet" && TryGet(model, out JsonElement layers, "config", "layers") && layers.ValueKind == JsonValueKind.Array)
        {
            IEnumerable<string> channels = layers.EnumerateArray().Select(l => TryGet(l, out JsonElement c, "channels") ? c.ToString() : "?");
            return $"WaveNet {string.Join('/', channels)} ch";
        }

        if (architecture == "LSTM" && TryGet(model, out JsonElement hidden, "config", "hidden_size") &&
            TryGet(model, out JsonElement depth, "config", "num_layers"))
        {
            return $"LSTM {depth}×{hidden}";
        }

        return architecture;
    }

    private static string Text(JsonElement element, string key) =>
        TryGet(element, out JsonElement value, key) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";

    private static bool TryGet(JsonElement element, out JsonElement value, params string[] keys)
    {
        value = element;
        foreach (string key in keys)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(key, out value))
            {
                return false;
            }
        }

        return true;
    }
}
