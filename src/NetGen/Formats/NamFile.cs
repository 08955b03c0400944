using System;
using System.Collections.Generic;
using System.Globalization;

// Also compiled into the generator (linked): NamModel.Open and [NetworkModel("x.nam")] read files the same way.
namespace NetGen.Formats;

/// <summary>
/// Reads a Neural Amp Modeler <c>.nam</c> file (a JSON object: <c>version</c>, <c>architecture</c>, <c>config</c>,
/// <c>weights</c>, optional <c>sample_rate</c> and <c>metadata</c>) into a checked <see cref="NamModelDescription"/>.
/// Versions 0.5 to 0.7; WaveNet (plain or gated, per-layer kernels and activations, heads with a kernel), LSTM, and a
/// SlimmableContainer of those. Everything else is refused by name. Sizes are checked against
/// <see cref="MaxWeights"/> before anything is allocated for them.
/// </summary>
internal static class NamFile
{
    /// <summary>The most weights a model may have: 16 M, about 1,200 times the standard WaveNet.</summary>
    public const long MaxWeights = 16L << 20;

    /// <summary>The largest channel count, hidden size, kernel, dilation or layer count a file may give.</summary>
    public const int MaxSize = 1 << 16;

    /// <summary>The most values one stream of a WaveNet may keep: 16 M (64 MiB), about 60 times A2 full's.</summary>
    public const long MaxStateSize = 16L << 20;

    /// <exception cref="ModelFormatException">The file is not a model NetGen plays; the message says why.</exception>
    public static NamModelDescription Read(JsonValue root) => Read(root, "", 0);

    private static NamModelDescription Read(JsonValue root, string where, int depth)
    {
        if (root.Kind != JsonKind.Object)
        {
            throw ModelFormatException.Invalid($"{Subject(where)} must be a JSON object, found {root.Describe()}");
        }

        string version = Text(root, "version", where);
        CheckVersion(version, where);
        string architecture = Text(root, "architecture", where);
        JsonValue config = Member(root, "config", where, JsonKind.Object);
        double sampleRate = root["sample_rate"] is { Kind: JsonKind.Number } rate ? Parse(rate, $"{At(where)}sample_rate") : double.NaN;
        NamMetadataValues metadata = NamMetadataValues.Read(root["metadata"]);
        switch (architecture)
        {
            case "WaveNet":
            {
                NamLayerArray[] arrays = WaveNet(config, where);
                long count = 1;   // head_scale, the last weight
                foreach (NamLayerArray array in arrays)
                {
                    count += array.WeightCount;
                }

                return new NamModelDescription
                {
                    Version = version, Architecture = NamArchitecture.WaveNet, SampleRate = sampleRate, Metadata = metadata,
                    LayerArrays = arrays, Weights = Weights(root, count, where),
                };
            }

            case "LSTM":
            {
                var lstm = new NamLstm
                {
                    InputSize = Size(config, "input_size", where, fallback: 1),
                    HiddenSize = Size(config, "hidden_size", where),
                    Layers = Size(config, "num_layers", where),
                };
                if (lstm.InputSize != 1)
                {
                    throw ModelFormatException.NotSupported($"{At(where)}an LSTM with input_size {lstm.InputSize} is not supported (1: the audio sample)");
                }

                return new NamModelDescription
                {
                    Version = version, Architecture = NamArchitecture.Lstm, SampleRate = sampleRate, Metadata = metadata,
                    Lstm = lstm, Weights = Weights(root, lstm.WeightCount, where),
                };
            }

            case "SlimmableContainer":
                if (depth > 0)
                {
                    throw ModelFormatException.NotSupported($"{At(where)}a SlimmableContainer inside a SlimmableContainer is not supported");
                }

                return new NamModelDescription
                {
                    Version = version, Architecture = NamArchitecture.SlimmableContainer, SampleRate = sampleRate, Metadata = metadata,
                    Submodels = Submodels(config, where, depth),
                };

            case "ConvNet" or "Linear":
                throw ModelFormatException.NotSupported(
                    $"{At(where)}the architecture \"{architecture}\" is not supported (supported: WaveNet, LSTM, SlimmableContainer)");

            default:
                throw ModelFormatException.NotSupported(
                    $"{At(where)}unknown architecture \"{architecture}\" (supported: WaveNet, LSTM, SlimmableContainer)");
        }
    }

    private static void CheckVersion(string version, string where)
    {
        string[] parts = version.Split('.');
        bool numeric = parts.Length == 3 && Array.TrueForAll(parts, p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (!numeric)
        {
            throw ModelFormatException.Invalid($"{At(where)}version \"{version}\" is not of the form X.Y.Z");
        }

        int major = int.Parse(parts[0], CultureInfo.InvariantCulture), minor = int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (major != 0 || minor < 5 || minor > 7)
        {
            throw ModelFormatException.NotSupported($"{At(where)}version {version} is not supported (0.5.0 to 0.7.x are)");
        }
    }

    private static NamLayerArray[] WaveNet(JsonValue config, string where)
    {
        RefuseSet(config, where, "condition_dsp", "a conditioning DSP (condition_dsp)");
        JsonValue layers = Member(config, "layers", where, JsonKind.Array);
        if (layers.Items.Count == 0 || layers.Items.Count > 64)
        {
            throw ModelFormatException.Invalid($"{At(where)}config.layers must list 1 to 64 layer arrays, found {layers.Items.Count}");
        }

        if (config["head"] is { Kind: not JsonKind.Null })
        {
            throw ModelFormatException.NotSupported($"{At(where)}a post-stack head (config.head) is not supported");
        }

        var arrays = new NamLayerArray[layers.Items.Count];
        for (int a = 0; a < arrays.Length; a++)
        {
            arrays[a] = LayerArray(layers.Items[a], $"{At(where)}layer array {a + 1}");
            if (a > 0 && arrays[a].InputSize != arrays[a - 1].Channels)
            {
                throw ModelFormatException.Invalid(
                    $"{At(where)}layer array {a + 1} has input_size {arrays[a].InputSize}, but array {a} has {arrays[a - 1].Channels} channels");
            }

            if (a > 0 && arrays[a - 1].HeadSize != arrays[a].Channels)
            {
                throw ModelFormatException.Invalid(
                    $"{At(where)}layer array {a}'s head gives {arrays[a - 1].HeadSize} channels, but array {a + 1} has {arrays[a].Channels}");
            }
        }

        long state = 0;
        foreach (NamLayerArray array in arrays)
        {
            state += array.StateSize;
        }

        if (state > MaxStateSize)
        {
            throw ModelFormatException.TooLarge(
                $"{At(where)}the dilations and kernels need {state:N0} values of state per stream; NetGen plays models of up to {MaxStateSize:N0}");
        }

        if (arrays[arrays.Length - 1].HeadSize != 1)
        {
            throw ModelFormatException.NotSupported($"{At(where)}the last head gives {arrays[arrays.Length - 1].HeadSize} outputs; NetGen plays 1");
        }

        if (arrays[0].InputSize != 1)
        {
            throw ModelFormatException.NotSupported($"{At(where)}the first layer array has input_size {arrays[0].InputSize}; NetGen plays 1");
        }

        return arrays;
    }

    private static NamLayerArray LayerArray(JsonValue array, string where)
    {
        if (array.Kind != JsonKind.Object)
        {
            throw ModelFormatException.Invalid($"{Subject(where)} must be an object, found {array.Describe()}");
        }

        int channels = Size(array, "channels", where);
        RefuseUnsupportedOptions(array, channels, where);
        if (Size(array, "condition_size", where) != 1)
        {
            throw ModelFormatException.NotSupported(
                $"{At(where)}condition_size {array["condition_size"]!.Text} is not supported (1: the model's audio input)");
        }

        JsonValue dilations = Member(array, "dilations", where, JsonKind.Array);
        int count = dilations.Items.Count;
        if (count == 0 || count > 1024)
        {
            throw ModelFormatException.Invalid($"{At(where)}dilations must list 1 to 1,024 layers, found {count}");
        }

        var dilation = new int[count];
        for (int l = 0; l < count; l++)
        {
            dilation[l] = SizeValue(dilations.Items[l], $"{At(where)}dilations[{l}]");
        }

        return new NamLayerArray
        {
            InputSize = Size(array, "input_size", where),
            ConditionSize = Size(array, "condition_size", where),
            Channels = channels,
            Gated = Gated(array, where),
            Kernels = Kernels(array, count, where),
            Dilations = dilation,
            Activations = Activations(Member(array, "activation", where, null), count, where),
            HeadSize = Head(array, where, out int headKernel, out bool headBias),
            HeadKernel = headKernel,
            HeadBias = headBias,
        };
    }

    private static void RefuseUnsupportedOptions(JsonValue array, int channels, string where)
    {
        if (array["bottleneck"] is { Kind: JsonKind.Number } bottleneck && SizeValue(bottleneck, $"{At(where)}bottleneck") != channels)
        {
            throw ModelFormatException.NotSupported($"{At(where)}a bottleneck ({bottleneck.Text}) other than channels ({channels}) is not supported");
        }

        foreach (string groups in new[] { "groups", "groups_input", "groups_1x1" })
        {
            if (array[groups] is { Kind: JsonKind.Number } g && g.Text != "1")
            {
                throw ModelFormatException.NotSupported($"{At(where)}grouped convolutions ({groups} = {g.Text}) are not supported");
            }
        }

        if (array["gating_mode"] is { Kind: JsonKind.String } mode && mode.Text is not ("none" or "gated"))
        {
            throw ModelFormatException.NotSupported($"{At(where)}gating_mode \"{mode.Text}\" is not supported (none and gated are)");
        }

        if (array["head1x1"] is { Kind: JsonKind.Object } head1x1 && head1x1["active"] is not { Kind: JsonKind.False })
        {
            throw ModelFormatException.NotSupported($"{At(where)}head1x1 is not supported");
        }

        if (array["slimmable"] is { Kind: not JsonKind.Null })
        {
            throw ModelFormatException.NotSupported($"{At(where)}a slimmable WaveNet (channel slicing) is not supported");
        }

        if (array["secondary_activation"] is { } secondary && !IsSigmoidOrNull(secondary))
        {
            throw ModelFormatException.NotSupported($"{At(where)}a gate activation (secondary_activation) other than Sigmoid is not supported");
        }

        if (array["layer1x1"] is { Kind: JsonKind.Object } layer1x1 && layer1x1["active"] is { Kind: JsonKind.False })
        {
            throw ModelFormatException.NotSupported($"{At(where)}an inactive layer1x1 is not supported");
        }

        foreach (KeyValuePair<string, JsonValue> member in array.Members)
        {
            if (member.Key.IndexOf("film", StringComparison.OrdinalIgnoreCase) >= 0 &&
                member.Value.Kind is not (JsonKind.Null or JsonKind.False) &&
                !(member.Value.Kind == JsonKind.Object && member.Value["active"] is { Kind: JsonKind.False }))
            {
                throw ModelFormatException.NotSupported($"{At(where)}FiLM conditioning ({member.Key}) is not supported");
            }
        }
    }

    /// <summary>Null, "Sigmoid", or a list of those (one per layer).</summary>
    private static bool IsSigmoidOrNull(JsonValue value) => value.Kind switch
    {
        JsonKind.Null => true,
        JsonKind.String => value.Text == "Sigmoid",
        JsonKind.Object => value["type"] is { Kind: JsonKind.String, Text: "Sigmoid" },
        JsonKind.Array => value.Items.TrueForAll(IsSigmoidOrNull),
        _ => false,
    };

    private static bool Gated(JsonValue array, string where)
    {
        bool gated = array["gated"] is { Kind: JsonKind.True };
        if (array["gating_mode"] is { Kind: JsonKind.String } mode)
        {
            gated = mode.Text == "gated";
        }

        return gated;
    }

    private static int[] Kernels(JsonValue array, int count, string where)
    {
        var kernels = new int[count];
        if (array["kernel_sizes"] is { Kind: JsonKind.Array } sizes)
        {
            if (sizes.Items.Count != count)
            {
                throw ModelFormatException.Invalid($"{At(where)}kernel_sizes lists {sizes.Items.Count} sizes for {count} dilations");
            }

            for (int l = 0; l < count; l++)
            {
                kernels[l] = SizeValue(sizes.Items[l], $"{At(where)}kernel_sizes[{l}]");
            }

            return kernels;
        }

        int kernel = Size(array, "kernel_size", where);
        for (int l = 0; l < count; l++)
        {
            kernels[l] = kernel;
        }

        return kernels;
    }

    private static NamActivation[] Activations(JsonValue activation, int count, string where)
    {
        var activations = new NamActivation[count];
        if (activation.Kind == JsonKind.Array)
        {
            if (activation.Items.Count != count)
            {
                throw ModelFormatException.Invalid($"{At(where)}activation lists {activation.Items.Count} activations for {count} layers");
            }

            for (int l = 0; l < count; l++)
            {
                activations[l] = NamActivation.Read(activation.Items[l], $"{At(where)}activation[{l}]");
            }

            return activations;
        }

        NamActivation one = NamActivation.Read(activation, $"{At(where)}activation");
        for (int l = 0; l < count; l++)
        {
            activations[l] = one;
        }

        return activations;
    }

    /// <summary>The head's output channels, kernel and bias: <c>head: {out_channels, kernel_size, bias}</c> or legacy <c>head_size</c>, <c>head_bias</c>.</summary>
    private static int Head(JsonValue array, string where, out int kernel, out bool bias)
    {
        if (array["head"] is { Kind: JsonKind.Object } head)
        {
            kernel = head["kernel_size"] is { } k ? SizeValue(k, $"{At(where)}head.kernel_size") : 1;
            bias = head["bias"] is { Kind: JsonKind.True };
            return Size(head, "out_channels", $"{At(where)}head");
        }

        kernel = 1;
        bias = array["head_bias"] is { Kind: JsonKind.True };
        return Size(array, "head_size", where);
    }

    private static NamSubmodel[] Submodels(JsonValue config, string where, int depth)
    {
        JsonValue submodels = Member(config, "submodels", where, JsonKind.Array);
        if (submodels.Items.Count == 0 || submodels.Items.Count > 16)
        {
            throw ModelFormatException.Invalid($"{At(where)}config.submodels must list 1 to 16 submodels, found {submodels.Items.Count}");
        }

        var list = new List<NamSubmodel>();
        long total = 0;
        for (int s = 0; s < submodels.Items.Count; s++)
        {
            string at = $"{At(where)}submodel {s + 1}";
            JsonValue entry = submodels.Items[s];
            if (entry.Kind != JsonKind.Object)
            {
                throw ModelFormatException.Invalid($"{at} must be an object with max_value and model, found {entry.Describe()}");
            }

            double maxValue = Parse(Member(entry, "max_value", at, JsonKind.Number), $"{at}: max_value");
            NamModelDescription model = Read(Member(entry, "model", at, JsonKind.Object), at, depth + 1);
            total += model.Weights.Length;
            if (total > MaxWeights)
            {
                throw ModelFormatException.TooLarge($"{At(where)}the submodels hold more than {MaxWeights:N0} weights");
            }

            if (list.Count > 0 && maxValue <= list[list.Count - 1].MaxValue)
            {
                throw ModelFormatException.Invalid($"{at}: max_value {maxValue} is not above the previous submodel's");
            }

            list.Add(new NamSubmodel(maxValue, model));
        }

        if (list[list.Count - 1].MaxValue < 1)
        {
            throw ModelFormatException.Invalid($"{At(where)}the last submodel's max_value is {list[list.Count - 1].MaxValue}; it must be at least 1");
        }

        return list.ToArray();
    }

    /// <summary>The weights, exactly <paramref name="expected"/> finite float32 values.</summary>
    private static float[] Weights(JsonValue root, long expected, string where)
    {
        if (expected > MaxWeights)
        {
            throw ModelFormatException.TooLarge($"{At(where)}the configuration needs {expected:N0} weights; NetGen plays models of up to {MaxWeights:N0}");
        }

        JsonValue weights = Member(root, "weights", where, JsonKind.Array);
        if (weights.Items.Count != expected)
        {
            throw ModelFormatException.DoesNotFit(
                $"{At(where)}the configuration needs {expected:N0} weights, but the file has {weights.Items.Count:N0}");
        }

        var values = new float[expected];
        for (int i = 0; i < values.Length; i++)
        {
            JsonValue item = weights.Items[i];
            if (item.Kind != JsonKind.Number)
            {
                throw ModelFormatException.Invalid($"{At(where)}weights[{i}] is {item.Describe()}, not a number");
            }

            float value = float.Parse(item.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (float.IsNaN(value) || float.IsInfinity(value))
            {
                throw ModelFormatException.NotFinite($"{At(where)}weights[{i}] is {item.Text}, which is not finite in float");
            }

            values[i] = value;
        }

        return values;
    }

    private static void RefuseSet(JsonValue config, string where, string key, string what)
    {
        if (config[key] is { Kind: not JsonKind.Null })
        {
            throw ModelFormatException.NotSupported($"{At(where)}{what} is not supported");
        }
    }

    /// <summary>"where: " before a message about a part of the file; nothing for the file itself.</summary>
    private static string At(string where) => where.Length == 0 ? "" : where + ": ";

    private static string Subject(string where) => where.Length == 0 ? "the file" : where;

    private static JsonValue Member(JsonValue parent, string key, string where, JsonKind? kind)
    {
        JsonValue? value = parent[key];
        if (value is null)
        {
            throw ModelFormatException.Invalid($"{At(where)}\"{key}\" is missing");
        }

        if (kind is { } k && value.Kind != k)
        {
            throw ModelFormatException.Invalid($"{At(where)}\"{key}\" must be {Article(k)}, found {value.Describe()}");
        }

        return value;
    }

    private static string Article(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.Number => "a number",
        _ => "a string",
    };

    private static string Text(JsonValue parent, string key, string where) => Member(parent, key, where, JsonKind.String).Text;

    private static int Size(JsonValue parent, string key, string where, int? fallback = null)
    {
        if (fallback is { } f && parent[key] is null)
        {
            return f;
        }

        return SizeValue(Member(parent, key, where, JsonKind.Number), $"{At(where)}{key}");
    }

    /// <summary>A whole number from 1 to <see cref="MaxSize"/>.</summary>
    private static int SizeValue(JsonValue value, string where)
    {
        if (value.Kind != JsonKind.Number ||
            !int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size < 1 || size > MaxSize)
        {
            throw ModelFormatException.Invalid($"{Subject(where)} must be a whole number from 1 to {MaxSize:N0}, found {value.Describe()}");
        }

        return size;
    }

    private static double Parse(JsonValue number, string where)
    {
        double value = double.Parse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw ModelFormatException.NotFinite($"{where} is {number.Text}, which is not finite");
        }

        return value;
    }
}
