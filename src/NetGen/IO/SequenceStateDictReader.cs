using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace NetGen.IO;

/// <summary>
/// Reads a PyTorch <c>state_dict</c> (as JSON) of a module built from <c>nn.LSTM</c>, <c>nn.GRU</c>, <c>nn.Conv1d</c>
/// and <c>nn.Linear</c> into a sequence network's parameters. Modules are taken in file order (the order of
/// <c>state_dict()</c>, which is an <c>nn.Sequential</c>'s); a recurrent module with <c>num_layers = K</c> supplies K
/// layers. Every module must match the declared layer at its place in kind and shape.
/// </summary>
internal static class SequenceStateDictReader
{
    /// <summary>One module of the file: its prefix and its entries by parameter name (<c>weight</c>, <c>bias_ih_l0</c>, …).</summary>
    private sealed record Module(string Prefix, Dictionary<string, JsonElement> Entries);

    public static T[] Read<T>(ISequenceNetwork<T> network, JsonElement root, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw reader.Fail($"the JSON root must be an object mapping parameter names to arrays, found {JsonWeightReader.Describe(root)}.");
        }

        List<(Module Module, int RecurrentLayer)> units = Units(Modules(root, reader), reader);
        ReadOnlySpan<SequenceLayer> layers = network.Layers;
        if (units.Count != layers.Length)
        {
            throw reader.Fail(
                $"the network has {layers.Length} layers ({Describe(layers)}), but the file holds {units.Count} " +
                $"({string.Join(", ", units.ConvertAll(u => Label(u.Module, u.RecurrentLayer)))}).");
        }

        var parameters = new T[network.ParameterCount];
        int offset = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            SequenceLayer layer = layers[l];
            (Module module, int k) = units[l];
            Span<T> destination = parameters.AsSpan(offset, layer.ParameterCount);
            string where = $"layer {l + 1} ({layer.Kind} {layer.Inputs} → {layer.Outputs}) from {JsonWeightReader.Quote(Label(module, k))}";
            switch (layer.Kind)
            {
                case SequenceLayerKind.Lstm:
                case SequenceLayerKind.Gru:
                    ReadRecurrent(layer, module, k, destination, where, reader);
                    break;
                case SequenceLayerKind.Conv1D:
                    ReadConvolution(layer, module, destination, where, reader);
                    break;
                default:
                    ReadLinear(layer, module, destination, where, reader);
                    break;
            }

            offset += layer.ParameterCount;
        }

        return parameters;
    }

    private static void ReadRecurrent<T>(SequenceLayer layer, Module module, int k, Span<T> destination, string where, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!module.Entries.ContainsKey($"weight_ih_l{k}"))
        {
            throw reader.Fail($"{where}: the module is not an nn.LSTM or nn.GRU (it has no weight_ih_l{k}).");
        }

        int h = layer.Outputs, gates = layer.Kind == SequenceLayerKind.Lstm ? 4 : 3;
        string kind = layer.Kind == SequenceLayerKind.Lstm ? "nn.LSTM" : "nn.GRU";
        JsonElement ih = module.Entries[$"weight_ih_l{k}"];
        if (ih.ValueKind == JsonValueKind.Array && ih.GetArrayLength() == (7 - gates) * h)
        {
            throw reader.Fail($"{where}: weight_ih_l{k} has {(7 - gates) * h} rows, so the module is an " +
                              $"{(gates == 4 ? "nn.GRU" : "nn.LSTM")}, but the layer is declared as [{layer.Kind}].");
        }

        int width = gates * h;
        reader.ReadMatrix(ih, width, layer.Inputs, transpose: true, destination.Slice(0, layer.Inputs * width), $"{where} weight_ih_l{k}", $"[{gates}·hidden][input] of an {kind}");
        reader.ReadMatrix(Entry(module, $"weight_hh_l{k}", where, reader), width, h, transpose: true,
            destination.Slice(layer.Inputs * width, h * width), $"{where} weight_hh_l{k}", $"[{gates}·hidden][hidden] of an {kind}");
        bool hasBias = module.Entries.ContainsKey($"bias_ih_l{k}") || module.Entries.ContainsKey($"bias_hh_l{k}");
        CheckBias(layer, hasBias, where, reader, $"{kind}(..., bias=False)");
        if (!hasBias)
        {
            return;
        }

        Span<T> biases = destination.Slice((layer.Inputs + h) * width);
        if (layer.Kind == SequenceLayerKind.Gru)
        {
            reader.ReadVector(Entry(module, $"bias_ih_l{k}", where, reader), biases.Slice(0, width), $"{where} bias_ih_l{k}");
            reader.ReadVector(Entry(module, $"bias_hh_l{k}", where, reader), biases.Slice(width), $"{where} bias_hh_l{k}");
            return;
        }

        // Only the sum of an LSTM's two biases matters: NetGen keeps it as one b, added in double and rounded once.
        var input = new double[width];
        var hidden = new double[width];
        reader.ReadVector(Entry(module, $"bias_ih_l{k}", where, reader), input.AsSpan(), $"{where} bias_ih_l{k}");
        reader.ReadVector(Entry(module, $"bias_hh_l{k}", where, reader), hidden.AsSpan(), $"{where} bias_hh_l{k}");
        for (int j = 0; j < width; j++)
        {
            biases[j] = T.CreateTruncating(input[j] + hidden[j]);
            if (!T.IsFinite(biases[j]))
            {
                throw reader.Fail($"{where}: bias_ih_l{k}[{j}] + bias_hh_l{k}[{j}] is not finite in {typeof(T).Name}.");
            }
        }
    }

    private static void ReadConvolution<T>(SequenceLayer layer, Module module, Span<T> destination, string where, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        JsonElement weight = Entry(module, "weight", where, reader);
        int n = layer.Inputs, m = layer.Outputs, k = layer.KernelSize;
        if (weight.ValueKind != JsonValueKind.Array || weight.GetArrayLength() != m)
        {
            throw reader.Fail($"{where}: weight must be an nn.Conv1d weight of shape [{m}][{n}][{k}] (out, in, kernel), found {JsonWeightReader.ShapeOf(weight)}.");
        }

        // weight [out][in][k] → W[j][in][out]; each output channel is an [in][k] matrix.
        var channel = new T[n * k];
        int o = 0;
        foreach (JsonElement perOutput in weight.EnumerateArray())
        {
            reader.ReadMatrix(perOutput, n, k, transpose: false, channel, $"{where} weight[{o}]", $"[{n}][{k}] (in, kernel) of an nn.Conv1d with kernel_size={k}");
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    destination[(j * n * m) + (i * m) + o] = channel[(i * k) + j];
                }
            }

            o++;
        }

        ReadBias(layer, module, destination.Slice(k * n * m), where, reader, "nn.Conv1d(..., bias=False)");
    }

    private static void ReadLinear<T>(SequenceLayer layer, Module module, Span<T> destination, string where, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = layer.Inputs, m = layer.Outputs;
        reader.ReadMatrix(Entry(module, "weight", where, reader), m, n, transpose: true, destination.Slice(0, n * m), $"{where} weight", "[out][in] of an nn.Linear");
        ReadBias(layer, module, destination.Slice(n * m), where, reader, "nn.Linear(..., bias=False)");
    }

    private static void ReadBias<T>(SequenceLayer layer, Module module, Span<T> destination, string where, JsonWeightReader reader, string withoutBias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool hasBias = module.Entries.TryGetValue("bias", out JsonElement bias);
        CheckBias(layer, hasBias, where, reader, withoutBias);
        if (hasBias)
        {
            reader.ReadVector(bias, destination, $"{where} bias");
        }
    }

    private static void CheckBias(SequenceLayer layer, bool hasBias, string where, JsonWeightReader reader, string withoutBias)
    {
        if (layer.HasBias && !hasBias)
        {
            throw reader.Fail($"{where}: the module has no bias, but the network has biases (declare it with Bias = false to load {withoutBias}).");
        }

        if (!layer.HasBias && hasBias)
        {
            throw reader.Fail($"{where}: the module has a bias, but the network has none (Bias = false); declare it with Bias = true.");
        }
    }

    private static JsonElement Entry(Module module, string name, string where, JsonWeightReader reader) =>
        module.Entries.TryGetValue(name, out JsonElement value)
            ? value
            : throw reader.Fail($"{where}: {JsonWeightReader.Quote(Name(module.Prefix, name))} is missing.");

    /// <summary>The file's modules in order of first appearance, each with its entries; unknown names are refused.</summary>
    private static List<Module> Modules(JsonElement root, JsonWeightReader reader)
    {
        var modules = new List<Module>();
        var byPrefix = new Dictionary<string, Module>(StringComparer.Ordinal);
        foreach (JsonProperty entry in root.EnumerateObject())
        {
            int dot = entry.Name.LastIndexOf('.');
            string prefix = dot < 0 ? string.Empty : entry.Name.Substring(0, dot);
            string parameter = entry.Name.Substring(dot + 1);
            if (!IsKnown(parameter))
            {
                string hint = parameter.EndsWith("_reverse", StringComparison.Ordinal) ? " (bidirectional recurrent layers are not supported)" : string.Empty;
                throw reader.Fail(
                    $"unexpected entry {JsonWeightReader.Quote(entry.Name)}{hint}: only the parameters of nn.LSTM, nn.GRU, nn.Conv1d and nn.Linear " +
                    "(weight, bias, weight_ih_lK, weight_hh_lK, bias_ih_lK, bias_hh_lK) are supported.");
            }

            if (!byPrefix.TryGetValue(prefix, out Module? module))
            {
                module = new Module(prefix, new Dictionary<string, JsonElement>(StringComparer.Ordinal));
                byPrefix.Add(prefix, module);
                modules.Add(module);
            }

            if (!module.Entries.TryAdd(parameter, entry.Value))
            {
                throw reader.Fail($"the name {JsonWeightReader.Quote(entry.Name)} appears more than once.");
            }
        }

        return modules;
    }

    /// <summary>Each module once, a recurrent module once per stacked layer (l0, l1, …, all present).</summary>
    private static List<(Module, int)> Units(List<Module> modules, JsonWeightReader reader)
    {
        var units = new List<(Module, int)>();
        foreach (Module module in modules)
        {
            int layers = 0;
            while (module.Entries.ContainsKey($"weight_ih_l{layers}"))
            {
                layers++;
            }

            if (layers == 0)
            {
                if (!module.Entries.ContainsKey("weight"))
                {
                    throw reader.Fail($"the module {JsonWeightReader.Quote(module.Prefix)} has no weight (it holds {string.Join(", ", module.Entries.Keys)}).");
                }

                units.Add((module, -1));
                continue;
            }

            foreach (string name in module.Entries.Keys)
            {
                if (name is "weight" or "bias" || LayerIndex(name) >= layers)
                {
                    throw reader.Fail($"{JsonWeightReader.Quote(Name(module.Prefix, name))} does not belong to a recurrent module with layers l0 to l{layers - 1}.");
                }
            }

            for (int k = 0; k < layers; k++)
            {
                units.Add((module, k));
            }
        }

        return units;
    }

    private static bool IsKnown(string parameter) =>
        parameter is "weight" or "bias" ||
        (LayerIndex(parameter) >= 0 && (parameter.StartsWith("weight_ih_l", StringComparison.Ordinal) ||
                                        parameter.StartsWith("weight_hh_l", StringComparison.Ordinal) ||
                                        parameter.StartsWith("bias_ih_l", StringComparison.Ordinal) ||
                                        parameter.StartsWith("bias_hh_l", StringComparison.Ordinal)));

    /// <summary>K of "weight_ih_lK" and its kin, or −1.</summary>
    private static int LayerIndex(string parameter)
    {
        int at = parameter.LastIndexOf("_l", StringComparison.Ordinal);
        return at >= 0 && int.TryParse(parameter.AsSpan(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? k : -1;
    }

    private static string Label(Module module, int recurrentLayer) =>
        recurrentLayer < 0 ? (module.Prefix.Length == 0 ? "(root)" : module.Prefix) : $"{Name(module.Prefix, "")}l{recurrentLayer}";

    private static string Name(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static string Describe(ReadOnlySpan<SequenceLayer> layers)
    {
        var parts = new List<string>();
        foreach (SequenceLayer layer in layers)
        {
            parts.Add($"{layer.Kind} {layer.Inputs} → {layer.Outputs}");
        }

        return string.Join(", ", parts);
    }
}
