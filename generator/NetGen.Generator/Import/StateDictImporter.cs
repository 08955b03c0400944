using System;
using System.Collections.Generic;
using System.Globalization;
using NetGen.Generator.Model;

namespace NetGen.Generator.Import;

/// <summary>
/// A PyTorch <c>state_dict</c> saved as JSON (<c>json.dump({k: v.tolist() for k, v in m.state_dict().items()}, f)</c>)
/// into the parameters of a declared network, with the rules of NetGen's run-time loader: modules in the order of
/// the file (the order of <c>state_dict()</c>), one per declared layer, an <c>nn.LSTM</c> or <c>nn.GRU</c> with
/// <c>num_layers = K</c> giving K layers; <c>nn.Linear</c> [out][in] and recurrent [gates·H][in] matrices are
/// transposed into NetGen's [in][out]; an <c>nn.Conv1d</c> [out][in][k] becomes W[k][in][out]; an LSTM's two biases
/// are summed once, a GRU keeps both.
/// </summary>
internal static class StateDictImporter
{
    public const string Format = "a PyTorch state_dict (JSON)";

    public static double[] Import(JsonValue root, NetworkSpec spec)
    {
        if (root.Kind != JsonKind.Object)
        {
            throw ModelImportException.Invalid("the root must be an object of named tensors");
        }

        List<(Module Module, int Layer)> units = Units(Modules(root));
        var reader = new TensorReader(spec.ElementType);
        return spec.IsSequence ? Sequence(units, spec, reader) : Dense(units, spec, reader);
    }

    private static double[] Dense(List<(Module Module, int Layer)> units, NetworkSpec spec, TensorReader reader)
    {
        if (units.Count != spec.Layers.Count)
        {
            throw ModelImportException.DoesNotFit($"the network has {spec.Layers.Count} weight layers, but the file holds {units.Count} modules");
        }

        var parameters = new double[DenseParameterCount(spec)];
        int offset = 0;
        for (int l = 0; l < units.Count; l++)
        {
            LayerSpec layer = spec.Layers[l];
            Module module = units[l].Module;
            string where = $"layer {l + 1} ({layer.Inputs} → {layer.Outputs}) from '{module.Label}'";
            if (units[l].Layer >= 0)
            {
                throw ModelImportException.DoesNotFit($"{where}: the module is recurrent, but the network is dense");
            }

            Linear(module, layer.Inputs, layer.Outputs, spec.HasBias, parameters, offset, where, reader);
            offset += (layer.Inputs * layer.Outputs) + (spec.HasBias ? layer.Outputs : 0);
        }

        return parameters;
    }

    private static double[] Sequence(List<(Module Module, int Layer)> units, NetworkSpec spec, TensorReader reader)
    {
        if (units.Count != spec.SequenceLayers.Count)
        {
            throw ModelImportException.DoesNotFit(
                $"the network has {spec.SequenceLayers.Count} layers, but the file holds {units.Count} (a recurrent module counts once per stacked layer)");
        }

        var parameters = new List<double>();
        for (int l = 0; l < units.Count; l++)
        {
            SequenceLayerSpec layer = spec.SequenceLayers[l];
            (Module module, int k) = units[l];
            string where = $"layer {l + 1} ({layer.Kind} {layer.Inputs} → {layer.Outputs}) from '{module.Label}'" + (k >= 0 ? $" l{k}" : "");
            var destination = new double[(int)SequenceLayerPlanMath.Of(layer, spec.HasBias).Parameters];
            switch (layer.Kind)
            {
                case SequenceLayerKind.Lstm or SequenceLayerKind.Gru:
                    Recurrent(module, k, layer, spec.HasBias, destination, where, reader);
                    break;
                case SequenceLayerKind.Conv1D:
                    Convolution(module, k, layer, spec.HasBias, destination, where, reader);
                    break;
                default:
                    if (k >= 0)
                    {
                        throw ModelImportException.DoesNotFit($"{where}: the module is recurrent, but the layer is declared as [Dense]");
                    }

                    Linear(module, layer.Inputs, layer.Outputs, spec.HasBias, destination, 0, where, reader);
                    break;
            }

            parameters.AddRange(destination);
        }

        return parameters.ToArray();
    }

    private static void Linear(Module module, int inputs, int outputs, bool hasBias, double[] destination, int offset, string where, TensorReader reader)
    {
        JsonValue weight = module.Entry("weight", where);
        reader.Matrix(weight, outputs, inputs, transpose: true, destination, offset, $"{where} weight", "[out][in] of an nn.Linear");
        Bias(module, outputs, hasBias, destination, offset + (inputs * outputs), where, reader, "nn.Linear(..., bias=False)");
    }

    private static void Recurrent(Module module, int k, SequenceLayerSpec layer, bool hasBias, double[] destination, string where, TensorReader reader)
    {
        bool lstm = layer.Kind == SequenceLayerKind.Lstm;
        string kind = lstm ? "nn.LSTM" : "nn.GRU";
        if (k < 0)
        {
            throw ModelImportException.DoesNotFit($"{where}: the module is not an nn.LSTM or nn.GRU, but the layer is declared as [{layer.Kind}]");
        }

        int h = layer.Outputs, gates = lstm ? 4 : 3, width = gates * h;
        JsonValue ih = module.Entry($"weight_ih_l{k}", where);
        if (ih.Kind == JsonKind.Array && ih.Items.Count == (7 - gates) * h)
        {
            throw ModelImportException.DoesNotFit(
                $"{where}: weight_ih_l{k} has {(7 - gates) * h} rows, so the module is an {(lstm ? "nn.GRU" : "nn.LSTM")}, but the layer is declared as [{layer.Kind}]");
        }

        reader.Matrix(ih, width, layer.Inputs, transpose: true, destination, 0, $"{where} weight_ih_l{k}", $"[{gates}·hidden][input] of an {kind}");
        reader.Matrix(module.Entry($"weight_hh_l{k}", where), width, h, transpose: true, destination, layer.Inputs * width,
            $"{where} weight_hh_l{k}", $"[{gates}·hidden][hidden] of an {kind}");
        bool fileHasBias = module.Has($"bias_ih_l{k}") || module.Has($"bias_hh_l{k}");
        CheckBias(fileHasBias, hasBias, where, $"{kind}(..., bias=False)");
        if (!hasBias)
        {
            return;
        }

        int at = (layer.Inputs + h) * width;
        if (!lstm)
        {
            reader.Vector(module.Entry($"bias_ih_l{k}", where), width, destination, at, $"{where} bias_ih_l{k}");
            reader.Vector(module.Entry($"bias_hh_l{k}", where), width, destination, at + width, $"{where} bias_hh_l{k}");
            return;
        }

        // Only the sum of an LSTM's two biases matters: NetGen keeps it as one b, added in double and rounded once.
        var exact = new TensorReader(ElementType.Double);
        var input = new double[width];
        var hidden = new double[width];
        exact.Vector(module.Entry($"bias_ih_l{k}", where), width, input, 0, $"{where} bias_ih_l{k}");
        exact.Vector(module.Entry($"bias_hh_l{k}", where), width, hidden, 0, $"{where} bias_hh_l{k}");
        for (int j = 0; j < width; j++)
        {
            destination[at + j] = reader.Sum(input[j], hidden[j], $"{where} bias_ih_l{k}[{j}] + bias_hh_l{k}[{j}]");
        }
    }

    private static void Convolution(Module module, int k, SequenceLayerSpec layer, bool hasBias, double[] destination, string where, TensorReader reader)
    {
        int n = layer.Inputs, m = layer.Outputs, taps = layer.KernelSize;
        JsonValue weight = module.Entry("weight", where);
        if (k >= 0 || weight.Kind != JsonKind.Array || weight.Items.Count != m)
        {
            throw ModelImportException.DoesNotFit(
                $"{where}: weight must be an nn.Conv1d weight of shape [{m}][{n}][{taps}] (out, in, kernel), found {weight.Shape()}");
        }

        // weight [out][in][k] → W[j][in][out]; each output channel is an [in][k] matrix.
        var channel = new double[n * taps];
        for (int o = 0; o < m; o++)
        {
            reader.Matrix(weight.Items[o], n, taps, transpose: false, channel, 0, $"{where} weight[{o}]",
                $"(in, kernel) of an nn.Conv1d with kernel_size={taps}");
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < taps; j++)
                {
                    destination[(j * n * m) + (i * m) + o] = channel[(i * taps) + j];
                }
            }
        }

        Bias(module, m, hasBias, destination, taps * n * m, where, reader, "nn.Conv1d(..., bias=False)");
    }

    private static void Bias(Module module, int outputs, bool hasBias, double[] destination, int offset, string where, TensorReader reader, string withoutBias)
    {
        CheckBias(module.Has("bias"), hasBias, where, withoutBias);
        if (hasBias)
        {
            reader.Vector(module.Entry("bias", where), outputs, destination, offset, $"{where} bias");
        }
    }

    private static void CheckBias(bool fileHasBias, bool hasBias, string where, string withoutBias)
    {
        if (fileHasBias && !hasBias)
        {
            throw ModelImportException.DoesNotFit($"{where}: the file has biases, but the network is declared with Bias = false");
        }

        if (!fileHasBias && hasBias)
        {
            throw ModelImportException.DoesNotFit($"{where}: the file has no bias ({withoutBias}); declare the network with Bias = false");
        }
    }

    /// <summary>The file's modules in order of first appearance, each with its entries; unknown names are refused.</summary>
    private static List<Module> Modules(JsonValue root)
    {
        var modules = new List<Module>();
        var byPrefix = new Dictionary<string, Module>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonValue> entry in root.Members)
        {
            int dot = entry.Key.LastIndexOf('.');
            string prefix = dot < 0 ? "" : entry.Key.Substring(0, dot);
            string parameter = entry.Key.Substring(dot + 1);
            if (!IsKnown(parameter))
            {
                throw ModelImportException.NotSupported(
                    $"the entry '{entry.Key}' is not a parameter of nn.Linear, nn.LSTM, nn.GRU or nn.Conv1d " +
                    "(weight, bias, weight_ih_lK, weight_hh_lK, bias_ih_lK, bias_hh_lK)");
            }

            if (!byPrefix.TryGetValue(prefix, out Module? module))
            {
                module = new Module(prefix);
                byPrefix.Add(prefix, module);
                modules.Add(module);
            }

            if (module.Entries.ContainsKey(parameter))
            {
                throw ModelImportException.Invalid($"the name '{entry.Key}' appears more than once");
            }

            module.Entries.Add(parameter, entry.Value);
        }

        return modules;
    }

    /// <summary>Each module once, a recurrent module once per stacked layer (l0, l1, …, all present).</summary>
    private static List<(Module, int)> Units(List<Module> modules)
    {
        var units = new List<(Module, int)>();
        foreach (Module module in modules)
        {
            int layers = 0;
            while (module.Has($"weight_ih_l{layers}"))
            {
                layers++;
            }

            if (layers == 0)
            {
                if (!module.Has("weight"))
                {
                    throw ModelImportException.Invalid(
                        $"the module '{module.Label}' has no weight (it holds {string.Join(", ", module.Entries.Keys)})");
                }

                units.Add((module, -1));
                continue;
            }

            foreach (string name in module.Entries.Keys)
            {
                if (name is "weight" or "bias" || LayerIndex(name) >= layers)
                {
                    throw ModelImportException.Invalid($"'{module.Label}.{name}' does not belong to a recurrent module with layers l0 to l{layers - 1}");
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

    private static int LayerIndex(string parameter)
    {
        int at = parameter.LastIndexOf("_l", StringComparison.Ordinal);
        return at >= 0 && int.TryParse(parameter.Substring(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? k : -1;
    }

    private static int DenseParameterCount(NetworkSpec spec)
    {
        int count = 0;
        foreach (LayerSpec layer in spec.Layers)
        {
            count += (layer.Inputs * layer.Outputs) + (spec.HasBias ? layer.Outputs : 0);
        }

        return count;
    }

    private sealed class Module
    {
        public Module(string prefix) => Prefix = prefix;

        public string Prefix { get; }

        public Dictionary<string, JsonValue> Entries { get; } = new(StringComparer.Ordinal);

        public string Label => Prefix.Length == 0 ? "(root)" : Prefix;

        public bool Has(string name) => Entries.ContainsKey(name);

        public JsonValue Entry(string name, string where) =>
            Entries.TryGetValue(name, out JsonValue? value)
                ? value
                : throw ModelImportException.DoesNotFit($"{where}: '{(Prefix.Length == 0 ? name : Prefix + "." + name)}' is missing");
    }
}
