using System;
using System.Collections.Generic;
using System.Globalization;

// Also compiled into the generator (linked): Weights = on [Network] and PyTorchWeights.Load on a sequence network
// read files the same way.
namespace NetGen.Formats;

/// <summary>
/// A PyTorch <c>state_dict</c> saved as JSON (<c>json.dump({k: v.tolist() for k, v in m.state_dict().items()}, f)</c>)
/// read into the parameters of declared layers: modules in the order forward runs them (see <see cref="ModuleOrder"/>),
/// one per layer, an <c>nn.LSTM</c> or <c>nn.GRU</c> with <c>num_layers = K</c> giving K layers; <c>nn.Linear</c>
/// [out][in] and recurrent [gates·H][in] matrices are transposed into NetGen's [in][out]; an <c>nn.Conv1d</c>
/// [out][in][k] becomes W[k][in][out]; an LSTM's two biases are summed once, a GRU keeps both.
/// </summary>
internal static class StateDict
{
    /// <summary>
    /// The parameters of a sequence network with <paramref name="layers"/>, rounded to float (<paramref name="single"/>)
    /// or double.
    /// </summary>
    /// <exception cref="ModelFormatException">The file does not hold exactly these layers.</exception>
    public static double[] ReadSequence(
        JsonValue root, IReadOnlyList<SequenceLayer> layers, bool single, IReadOnlyList<string>? moduleOrder, string howToOrder)
    {
        List<Module> modules = Modules(root);
        List<(Module Module, int Layer)> units = Units(modules);
        if (units.Count != layers.Count)
        {
            var declared = new List<string>();
            foreach (SequenceLayer layer in layers)
            {
                declared.Add($"{layer.Kind} {layer.Inputs} → {layer.Outputs}");
            }

            throw ModelFormatException.DoesNotFit(
                $"the network has {layers.Count} layers ({string.Join(", ", declared)}), but the file holds {units.Count} " +
                $"({string.Join(", ", units.ConvertAll(u => u.Module.Label(u.Layer)))})");
        }

        var names = new List<string>();
        for (int l = 0; l < layers.Count; l++)
        {
            names.Add($"layer {l + 1} ({layers[l].Kind} {layers[l].Inputs} → {layers[l].Outputs})");
        }

        units = Ordered(modules, (m, k, l) => FitsSequence(modules[m], k, layers[l]), names, moduleOrder, howToOrder);
        var reader = new TensorReader(single);
        var parameters = new List<double>();
        for (int l = 0; l < layers.Count; l++)
        {
            SequenceLayer layer = layers[l];
            (Module module, int k) = units[l];
            string where = $"{names[l]} from '{module.Label(k)}'";
            var destination = new double[layer.ParameterCount];
            switch (layer.Kind)
            {
                case SequenceLayerKind.Lstm or SequenceLayerKind.Gru:
                    Recurrent(module, k, layer, destination, where, reader);
                    break;
                case SequenceLayerKind.Conv1D:
                    Convolution(module, k, layer, destination, where, reader);
                    break;
                default:
                    if (k >= 0)
                    {
                        throw ModelFormatException.DoesNotFit(
                            $"{where}: the module is an nn.LSTM or nn.GRU, but the layer is declared as [Dense]");
                    }

                    Linear(module, layer.Inputs, layer.Outputs, layer.HasBias, destination, 0, where, reader);
                    break;
            }

            parameters.AddRange(destination);
        }

        return parameters.ToArray();
    }

    /// <summary>The parameters of a dense network with layer <paramref name="sizes"/> (input, hidden…, output).</summary>
    /// <exception cref="ModelFormatException">The file does not hold exactly these layers.</exception>
    public static double[] ReadDense(
        JsonValue root, IReadOnlyList<int> sizes, bool hasBias, bool single, IReadOnlyList<string>? moduleOrder, string howToOrder)
    {
        List<Module> modules = Modules(root);
        List<(Module Module, int Layer)> units = Units(modules);
        if (units.Count != sizes.Count - 1)
        {
            throw ModelFormatException.DoesNotFit(
                $"the network has {sizes.Count - 1} weight layers, but the file holds {units.Count} modules");
        }

        var names = new List<string>();
        for (int l = 1; l < sizes.Count; l++)
        {
            names.Add($"layer {l} ({sizes[l - 1]} → {sizes[l]})");
        }

        units = Ordered(
            modules, (m, k, l) => k < 0 && FitsLinear(modules[m], sizes[l], sizes[l + 1]), names, moduleOrder, howToOrder);

        var reader = new TensorReader(single);
        int count = 0;
        for (int l = 1; l < sizes.Count; l++)
        {
            count += (sizes[l - 1] * sizes[l]) + (hasBias ? sizes[l] : 0);
        }

        var parameters = new double[count];
        int offset = 0;
        for (int l = 0; l < units.Count; l++)
        {
            int inputs = sizes[l], outputs = sizes[l + 1];
            (Module module, int k) = units[l];
            string where = $"{names[l]} from '{module.Label(k)}'";
            if (k >= 0)
            {
                throw ModelFormatException.DoesNotFit($"{where}: the module is recurrent, but the network is dense");
            }

            Linear(module, inputs, outputs, hasBias, parameters, offset, where, reader);
            offset += (inputs * outputs) + (hasBias ? outputs : 0);
        }

        return parameters;
    }

    /// <summary>
    /// The units (module, stacked layer) in the order <see cref="ModuleOrder"/> gives; the first that fits another layer
    /// but not its own is refused here, saying that order may be the cause.
    /// </summary>
    private static List<(Module Module, int Layer)> Ordered(
        List<Module> modules, Func<int, int, int, bool> fits, List<string> layers, IReadOnlyList<string>? moduleOrder, string howToOrder)
    {
        var prefixes = modules.ConvertAll(m => m.Prefix);
        var counts = modules.ConvertAll(m => m.Layers);
        Func<int, int, int, bool> fitsUnit = (m, k, l) => fits(m, modules[m].Layers == 0 ? -1 : k, l);
        var units = new List<(Module, int)>();
        var indices = new List<(int Module, int K)>();
        foreach (int m in ModuleOrder.Resolve(prefixes, counts.ConvertAll(c => Math.Max(c, 1)), fitsUnit, layers, moduleOrder, howToOrder))
        {
            for (int k = 0; k < Math.Max(counts[m], 1); k++)
            {
                units.Add((modules[m], counts[m] == 0 ? -1 : k));
                indices.Add((m, k));
            }
        }

        for (int l = 0; l < units.Count; l++)
        {
            (int m, int k) = indices[l];
            if (!fitsUnit(m, k, l) && ModuleOrder.OutOfOrderHint(m, k, l, fitsUnit, layers, howToOrder) is string hint)
            {
                throw ModelFormatException.DoesNotFit($"{layers[l]}: '{units[l].Item1.Label(units[l].Item2)}' does not fit it; {hint}");
            }
        }

        return units;
    }

    /// <summary>Unit <paramref name="k"/> of the module (−1: not recurrent) has the kind and shape of the layer.</summary>
    private static bool FitsSequence(Module module, int k, SequenceLayer layer)
    {
        switch (layer.Kind)
        {
            case SequenceLayerKind.Lstm or SequenceLayerKind.Gru:
                int rows = (layer.Kind == SequenceLayerKind.Lstm ? 4 : 3) * layer.Outputs;
                return k >= 0 &&
                       Is(module.Find($"weight_ih_l{k}"), rows, layer.Inputs) &&
                       Is(module.Find($"weight_hh_l{k}"), rows, layer.Outputs);
            case SequenceLayerKind.Conv1D:
                return k < 0 && Is(module.Find("weight"), layer.Outputs, layer.Inputs, layer.KernelSize) && BiasFits(module, layer.Outputs);
            default:
                return k < 0 && FitsLinear(module, layer.Inputs, layer.Outputs);
        }
    }

    private static bool FitsLinear(Module module, int inputs, int outputs) =>
        Is(module.Find("weight"), outputs, inputs) && BiasFits(module, outputs);

    private static bool BiasFits(Module module, int outputs) => module.Find("bias") is not JsonValue bias || Is(bias, outputs);

    /// <summary>Whether <paramref name="value"/> is a regular nested array of exactly these dimensions.</summary>
    private static bool Is(JsonValue? value, params int[] dims)
    {
        int[]? found = Dims(value);
        if (found is null || found.Length != dims.Length)
        {
            return false;
        }

        for (int d = 0; d < dims.Length; d++)
        {
            if (found[d] != dims[d])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The dimensions of a regular nested array of numbers, or null.</summary>
    private static int[]? Dims(JsonValue? value)
    {
        var dims = new List<int>();
        while (value is { Kind: JsonKind.Array })
        {
            dims.Add(value.Items.Count);
            if (value.Items.Count == 0)
            {
                return dims.ToArray();
            }

            JsonKind first = value.Items[0].Kind;
            int count = first == JsonKind.Array ? value.Items[0].Items.Count : -1;
            foreach (JsonValue item in value.Items)
            {
                if (item.Kind != first || (first == JsonKind.Array && item.Items.Count != count))
                {
                    return null;
                }
            }

            value = value.Items[0];
        }

        return dims.Count == 0 ? null : dims.ToArray();
    }

    private static void Linear(
        Module module, int inputs, int outputs, bool hasBias, double[] destination, int offset, string where, TensorReader reader)
    {
        JsonValue weight = module.Entry("weight", where);
        reader.Matrix(weight, outputs, inputs, transpose: true, destination, offset, $"{where} weight", "[out][in] of an nn.Linear");
        Bias(module, outputs, hasBias, destination, offset + (inputs * outputs), where, reader, "nn.Linear(..., bias=False)");
    }

    private static void Recurrent(Module module, int k, SequenceLayer layer, double[] destination, string where, TensorReader reader)
    {
        bool lstm = layer.Kind == SequenceLayerKind.Lstm;
        string kind = lstm ? "nn.LSTM" : "nn.GRU";
        if (k < 0)
        {
            throw ModelFormatException.DoesNotFit($"{where}: the module is not an nn.LSTM or nn.GRU (it has no weight_ih_l0)");
        }

        int h = layer.Outputs, gates = lstm ? 4 : 3, width = gates * h;
        JsonValue ih = module.Entry($"weight_ih_l{k}", where);
        if (ih.Kind == JsonKind.Array && ih.Items.Count == (7 - gates) * h)
        {
            throw ModelFormatException.DoesNotFit(
                $"{where}: weight_ih_l{k} has {(7 - gates) * h} rows, so the module is an {(lstm ? "nn.GRU" : "nn.LSTM")}, " +
                $"but the layer is declared as [{layer.Kind}]");
        }

        reader.Matrix(
            ih, width, layer.Inputs, transpose: true, destination, 0, $"{where} weight_ih_l{k}", $"[{gates}·hidden][input] of an {kind}");
        reader.Matrix(module.Entry($"weight_hh_l{k}", where), width, h, transpose: true, destination, layer.Inputs * width,
            $"{where} weight_hh_l{k}", $"[{gates}·hidden][hidden] of an {kind}");
        bool fileHasBias = module.Has($"bias_ih_l{k}") || module.Has($"bias_hh_l{k}");
        CheckBias(fileHasBias, layer.HasBias, where, $"{kind}(..., bias=False)");
        if (!layer.HasBias)
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
        var exact = new TensorReader(single: false);
        var input = new double[width];
        var hidden = new double[width];
        exact.Vector(module.Entry($"bias_ih_l{k}", where), width, input, 0, $"{where} bias_ih_l{k}");
        exact.Vector(module.Entry($"bias_hh_l{k}", where), width, hidden, 0, $"{where} bias_hh_l{k}");
        for (int j = 0; j < width; j++)
        {
            destination[at + j] = reader.Sum(input[j], hidden[j], $"{where}: bias_ih_l{k}[{j}] + bias_hh_l{k}[{j}]");
        }
    }

    private static void Convolution(Module module, int k, SequenceLayer layer, double[] destination, string where, TensorReader reader)
    {
        int n = layer.Inputs, m = layer.Outputs, taps = layer.KernelSize;
        JsonValue weight = module.Entry("weight", where);
        if (k >= 0 || weight.Kind != JsonKind.Array || weight.Items.Count != m)
        {
            throw ModelFormatException.DoesNotFit(
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

        Bias(module, m, layer.HasBias, destination, taps * n * m, where, reader, "nn.Conv1d(..., bias=False)");
    }

    private static void Bias(
        Module module, int outputs, bool hasBias, double[] destination, int offset, string where, TensorReader reader, string withoutBias)
    {
        CheckBias(module.Has("bias"), hasBias, where, withoutBias);
        if (hasBias)
        {
            reader.Vector(module.Entry("bias", where), outputs, destination, offset, $"{where} bias");
        }
    }

    private static void CheckBias(bool fileHasBias, bool hasBias, string where, string withoutBias)
    {
        if (hasBias && !fileHasBias)
        {
            throw ModelFormatException.DoesNotFit(
                $"{where}: the module has no bias, but the network has biases (declare it with Bias = false to load {withoutBias})");
        }

        if (!hasBias && fileHasBias)
        {
            throw ModelFormatException.DoesNotFit(
                $"{where}: the module has a bias, but the network has none (Bias = false); declare it with Bias = true");
        }
    }

    /// <summary>The file's modules in order of first appearance, each with its entries; unknown names are refused.</summary>
    private static List<Module> Modules(JsonValue root)
    {
        if (root.Kind != JsonKind.Object)
        {
            throw ModelFormatException.Invalid(
                $"the JSON root must be an object mapping parameter names to arrays, found {root.Describe()}");
        }

        var modules = new List<Module>();
        var byPrefix = new Dictionary<string, Module>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonValue> entry in root.Members)
        {
            int dot = entry.Key.LastIndexOf('.');
            string prefix = dot < 0 ? "" : entry.Key.Substring(0, dot);
            string parameter = entry.Key.Substring(dot + 1);
            if (!IsKnown(parameter))
            {
                string hint = parameter.EndsWith("_reverse", StringComparison.Ordinal)
                    ? " (bidirectional recurrent layers are not supported)"
                    : "";
                throw ModelFormatException.NotSupported(
                    $"unexpected entry {JsonValue.Quote(entry.Key)}{hint}: only the parameters of nn.LSTM, nn.GRU, nn.Conv1d " +
                    "and nn.Linear (weight, bias, weight_ih_lK, weight_hh_lK, bias_ih_lK, bias_hh_lK) are supported");
            }

            if (!byPrefix.TryGetValue(prefix, out Module? module))
            {
                module = new Module(prefix);
                byPrefix.Add(prefix, module);
                modules.Add(module);
            }

            if (module.Entries.ContainsKey(parameter))
            {
                throw ModelFormatException.Invalid($"the name {JsonValue.Quote(entry.Key)} appears more than once");
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

            module.Layers = layers;
            if (layers == 0)
            {
                if (!module.Has("weight"))
                {
                    throw ModelFormatException.Invalid(
                        $"the module {JsonValue.Quote(module.Prefix)} has no weight (it holds {string.Join(", ", module.Entries.Keys)})");
                }

                units.Add((module, -1));
                continue;
            }

            foreach (string name in module.Entries.Keys)
            {
                if (name is "weight" or "bias" || LayerIndex(name) >= layers)
                {
                    throw ModelFormatException.Invalid(
                        $"{JsonValue.Quote(module.Name(name))} does not belong to a recurrent module with layers l0 to l{layers - 1}");
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
        return at >= 0 && int.TryParse(parameter.Substring(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? k : -1;
    }

    /// <summary>One module of the file: its prefix and its entries by parameter name (<c>weight</c>, <c>bias_ih_l0</c>, …).</summary>
    private sealed class Module
    {
        public Module(string prefix) => Prefix = prefix;

        public string Prefix { get; }

        public Dictionary<string, JsonValue> Entries { get; } = new(StringComparer.Ordinal);

        /// <summary>"(root)", the prefix, or "prefix.lK" for stacked layer K of a recurrent module.</summary>
        public string Label(int recurrentLayer) =>
            recurrentLayer < 0 ? (Prefix.Length == 0 ? "(root)" : Prefix) : $"{Name("")}l{recurrentLayer}";

        public string Name(string name) => Prefix.Length == 0 ? name : $"{Prefix}.{name}";

        /// <summary>How many stacked layers a recurrent module holds (weight_ih_l0…), 0 for any other module.</summary>
        public int Layers { get; set; }

        public bool Has(string name) => Entries.ContainsKey(name);

        public JsonValue? Find(string name) => Entries.TryGetValue(name, out JsonValue? value) ? value : null;

        public JsonValue Entry(string name, string where) =>
            Entries.TryGetValue(name, out JsonValue? value)
                ? value
                : throw ModelFormatException.DoesNotFit($"{where}: {JsonValue.Quote(Name(name))} is missing");
    }
}
