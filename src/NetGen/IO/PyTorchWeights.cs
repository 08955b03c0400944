using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Text.Json;
using NetGen.Formats;

namespace NetGen.IO;

/// <summary>
/// Imports the weights of a PyTorch model made of <c>nn.Linear</c> layers from its <c>state_dict</c> dumped as
/// JSON: <c>json.dump({k: v.tolist() for k, v in model.state_dict().items()}, f)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The JSON root is an object that maps names to nested arrays of numbers. Each <c>nn.Linear</c> layer contributes
/// <c>"&lt;prefix&gt;.weight"</c>, shaped [out][in], and, if the layer has a bias, <c>"&lt;prefix&gt;.bias"</c>,
/// shaped [out] (a model that is a single <c>nn.Linear</c> has the names <c>"weight"</c> and <c>"bias"</c>). Each
/// weight matrix is transposed into NetGen's [in][out] layout.
/// </para>
/// <para>
/// The modules load in the order <c>forward</c> runs them, which <c>state_dict()</c> does not give (it lists modules
/// in the order <c>__init__</c> created them): modules under a numbered container (<c>0</c>, <c>layers.3</c>) in
/// index order, as <c>nn.Sequential</c> and <c>nn.ModuleList</c> run them; named modules (<c>fc1</c>, <c>dense</c>)
/// matched to the layers by shape, loaded only when exactly one assignment fits (otherwise the load is refused as
/// ambiguous); or in the order given as <c>moduleOrder</c>, which always wins and is checked like any other.
/// </para>
/// <para>
/// Rejected, with a <see cref="WeightFileException"/> that names the entry: any other name (buffers such as
/// batch-norm statistics), duplicate names, a bias without its weight, the wrong number of layers, a shape other
/// than [out][in] / [out], a missing bias when the network has biases, a bias when it has none, values that are
/// not numbers, and values that are not finite in the network's element type (NaN and ±Infinity are never
/// accepted). Numbers are rounded once from their decimal text to float or double. The network's activations are
/// not in a state_dict: declaring the same ones is up to the user. The network's parameters change only if the
/// whole file is valid.
/// </para>
/// </remarks>
public static class PyTorchWeights
{
    private const string Format = "PyTorch state_dict";

    private const string HowToOrder =
        "give the order in which forward runs the modules: PyTorchWeights.Load(network, path, moduleOrder: [\"fc1\", \"fc2\", …])";

    /// <summary>Reads a JSON <c>state_dict</c> from <paramref name="json"/> into the network.</summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="json">A readable stream of UTF-8 JSON; it is read to its end and not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not readable, or the network describes itself inconsistently.</exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="WeightFileException">
    /// The JSON is malformed or does not fit the network (see the remarks). The message ends with the file's path
    /// when <paramref name="json"/> is a <see cref="FileStream"/> (also in <see cref="NetworkFileException.FileName"/>),
    /// and otherwise says that the data was read from a stream.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(INetwork<T> network, Stream json)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckReadable(json);

        Load(network, json, WeightFileFormat.FileNameOf(json), null);
    }

    /// <summary>Reads a JSON <c>state_dict</c> file into the network.</summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="path">The JSON file.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the network describes itself inconsistently.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="WeightFileException">
    /// The JSON is malformed or does not fit the network (see the remarks). The message ends with
    /// <paramref name="path"/>, which is also <see cref="NetworkFileException.FileName"/>.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(INetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = WeightFileFormat.OpenRead(path);
        Load(network, stream, path, null);
    }

    /// <summary>
    /// Reads the JSON <c>state_dict</c> of a module built from <c>nn.LSTM</c>, <c>nn.GRU</c> (batch_first, one or more
    /// layers, not bidirectional), <c>nn.Conv1d</c> and <c>nn.Linear</c> into a sequence network: modules in the order
    /// <c>forward</c> runs them (numbered containers by index, named modules by kind and shape when exactly one
    /// assignment fits; see the class remarks), a recurrent module with <c>num_layers = K</c> giving K layers, each
    /// matched to the declared layer at its place by kind and shape. Weights are transposed into NetGen's layout; an LSTM's
    /// <c>bias_ih</c> and <c>bias_hh</c> are added into its one b. Kernel sizes are checked; dilations and activations
    /// are not in a state_dict, so declaring the same ones is up to the user. The parameters change only if the whole
    /// file is valid.
    /// </summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="path">The JSON file.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the network describes itself inconsistently.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="WeightFileException">
    /// The JSON is malformed or does not fit the network; the message names the layer, the entry and what was expected,
    /// and ends with <paramref name="path"/>.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static void Load<T>(ISequenceNetwork<T> network, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = WeightFileFormat.OpenRead(path);
        LoadSequence(network, stream, path, null);
    }

    /// <summary>Reads a JSON <c>state_dict</c> from <paramref name="json"/> into a sequence network (see the path overload).</summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="json">A readable stream of UTF-8 JSON; it is read to its end and not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not readable, or the network describes itself inconsistently.</exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="WeightFileException">The JSON is malformed or does not fit the network.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static void Load<T>(ISequenceNetwork<T> network, Stream json)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckReadable(json);

        LoadSequence(network, json, WeightFileFormat.FileNameOf(json), null);
    }

    /// <summary>
    /// Reads a JSON <c>state_dict</c> file into the network, taking its <c>nn.Linear</c> modules in the given order
    /// instead of the order the rule in the remarks gives.
    /// </summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="path">The JSON file.</param>
    /// <param name="moduleOrder">
    /// Every module's prefix (the name before <c>.weight</c>: <c>"fc1"</c>, <c>"layers.0"</c>; <c>""</c> for a model that
    /// is one <c>nn.Linear</c>), in the order in which <c>forward</c> runs them; each is checked against the layer it
    /// loads into.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the network describes itself inconsistently.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="WeightFileException">
    /// The JSON is malformed, <paramref name="moduleOrder"/> does not list the file's modules exactly once each, or a
    /// module does not fit its layer. The message ends with <paramref name="path"/>.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(INetwork<T> network, string path, IReadOnlyList<string> moduleOrder)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(moduleOrder);
        using FileStream stream = WeightFileFormat.OpenRead(path);
        Load(network, stream, path, moduleOrder);
    }

    /// <summary>Reads a JSON <c>state_dict</c> from <paramref name="json"/> in the given module order (see the path overload).</summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="json">A readable stream of UTF-8 JSON; it is read to its end and not closed.</param>
    /// <param name="moduleOrder">Every module's prefix, in the order in which <c>forward</c> runs them.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not readable, or the network describes itself inconsistently.</exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="WeightFileException">The JSON is malformed, the order does not list the modules, or a module does not fit.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Load<T>(INetwork<T> network, Stream json, IReadOnlyList<string> moduleOrder)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckReadable(json);
        ArgumentNullException.ThrowIfNull(moduleOrder);

        Load(network, json, WeightFileFormat.FileNameOf(json), moduleOrder);
    }

    /// <summary>
    /// Reads a JSON <c>state_dict</c> file into a sequence network, taking its modules in the given order (a recurrent
    /// module with <c>num_layers = K</c> gives K consecutive layers).
    /// </summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="path">The JSON file.</param>
    /// <param name="moduleOrder">Every module's prefix (<c>"rnn"</c>, <c>"convs.0"</c>), in the order in which <c>forward</c> runs them.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the network describes itself inconsistently.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="WeightFileException">
    /// The JSON is malformed, <paramref name="moduleOrder"/> does not list the file's modules exactly once each, or a
    /// module does not fit its layer. The message ends with <paramref name="path"/>.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static void Load<T>(ISequenceNetwork<T> network, string path, IReadOnlyList<string> moduleOrder)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(moduleOrder);
        using FileStream stream = WeightFileFormat.OpenRead(path);
        LoadSequence(network, stream, path, moduleOrder);
    }

    /// <summary>Reads a JSON <c>state_dict</c> from <paramref name="json"/> into a sequence network in the given module order.</summary>
    /// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network whose parameters are replaced.</param>
    /// <param name="json">A readable stream of UTF-8 JSON; it is read to its end and not closed.</param>
    /// <param name="moduleOrder">Every module's prefix, in the order in which <c>forward</c> runs them.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not readable, or the network describes itself inconsistently.</exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="WeightFileException">The JSON is malformed, the order does not list the modules, or a module does not fit.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter (a dense or a sequence network), so no call can be ambiguous.")]
    public static void Load<T>(ISequenceNetwork<T> network, Stream json, IReadOnlyList<string> moduleOrder)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckReadable(json);
        ArgumentNullException.ThrowIfNull(moduleOrder);

        LoadSequence(network, json, WeightFileFormat.FileNameOf(json), moduleOrder);
    }

    private static void LoadSequence<T>(ISequenceNetwork<T> network, Stream json, string? source, IReadOnlyList<string>? moduleOrder)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        _ = WeightFileFormat.ElementTypeOf<T>(); // throws NotSupportedException unless T is float or double
        var reader = new JsonWeightReader(Format, source);
        using JsonDocument document = reader.Parse(json);
        T[] parameters = SequenceStateDictReader.Read(network, document.RootElement, moduleOrder, HowToOrder, reader);
        parameters.CopyTo(network.Parameters);
    }

    private static void Load<T>(INetwork<T> network, Stream json, string? source, IReadOnlyList<string>? moduleOrder)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        _ = WeightFileFormat.ElementTypeOf<T>(); // throws NotSupportedException unless T is float or double
        NetworkShape.Validate(network);
        var reader = new JsonWeightReader(Format, source);
        using JsonDocument document = reader.Parse(json);
        T[] parameters = Read(network, document.RootElement, moduleOrder, reader);
        parameters.CopyTo(network.Parameters);
    }

    private static T[] Read<T>(INetwork<T> network, JsonElement root, IReadOnlyList<string>? moduleOrder, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw reader.Fail(
                $"the JSON root must be an object mapping parameter names to arrays, found {JsonWeightReader.Describe(root)}.");
        }

        // Weights in file order; biases by prefix.
        var weights = new List<(string Prefix, JsonElement Value)>();
        var biases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty entry in root.EnumerateObject())
        {
            if (!names.Add(entry.Name))
            {
                throw reader.Fail($"the name {JsonWeightReader.Quote(entry.Name)} appears more than once.");
            }

            if (TryStripSuffix(entry.Name, "weight", out string prefix))
            {
                weights.Add((prefix, entry.Value));
            }
            else if (TryStripSuffix(entry.Name, "bias", out prefix))
            {
                biases.Add(prefix, entry.Value);
            }
            else
            {
                throw reader.Fail(
                    $"unexpected entry {JsonWeightReader.Quote(entry.Name)}: only the '<prefix>.weight' and '<prefix>.bias' " +
                    "entries of nn.Linear layers are supported.");
            }
        }

        foreach (string prefix in biases.Keys)
        {
            if (!names.Contains(Name(prefix, "weight")))
            {
                throw reader.Fail(
                    $"{JsonWeightReader.Quote(Name(prefix, "bias"))} has no matching {JsonWeightReader.Quote(Name(prefix, "weight"))}.");
            }
        }

        ReadOnlySpan<int> sizes = network.LayerSizes;
        int layerCount = sizes.Length - 1;
        if (weights.Count != layerCount)
        {
            var found = new List<string>(weights.Count);
            foreach ((string prefix, _) in weights)
            {
                found.Add(JsonWeightReader.Quote(Name(prefix, "weight")));
            }

            throw reader.Fail(
                $"expected {layerCount} nn.Linear layer(s) for the network {WeightFileFormat.DescribeSizes(sizes)} " +
                $"(one '.weight' entry each), found {weights.Count}{(found.Count > 0 ? ": " + string.Join(", ", found) : string.Empty)}.");
        }

        weights = InRunOrder(weights, biases, sizes, moduleOrder, reader);
        var parameters = new T[network.ParameterCount];
        int[] offsets = NetworkShape.LayerOffsets(sizes, network.HasBias);
        for (int l = 0; l < layerCount; l++)
        {
            int inputs = sizes[l];
            int outputs = sizes[l + 1];
            (string prefix, JsonElement weight) = weights[l];
            string weightName = Name(prefix, "weight");
            string biasName = Name(prefix, "bias");

            reader.ReadMatrix(
                weight,
                outputs,
                inputs,
                transpose: true,
                parameters.AsSpan(offsets[l], inputs * outputs),
                $"layer {l + 1} {JsonWeightReader.Quote(weightName)}",
                "[out][in]");

            bool hasBias = biases.TryGetValue(prefix, out JsonElement bias);
            if (network.HasBias && !hasBias)
            {
                throw reader.Fail(
                    $"layer {l + 1}: {JsonWeightReader.Quote(biasName)} is missing, but the network has biases " +
                    "(declare it with Bias = false to import nn.Linear(..., bias=False) layers).");
            }

            if (!network.HasBias && hasBias)
            {
                throw reader.Fail(
                    $"layer {l + 1}: {JsonWeightReader.Quote(biasName)} is present, but the network has no biases " +
                    "(Bias = false); declare it with Bias = true or create the layers with nn.Linear(..., bias=False).");
            }

            if (hasBias)
            {
                reader.ReadVector(
                    bias,
                    parameters.AsSpan(offsets[l] + (inputs * outputs), outputs),
                    $"layer {l + 1} {JsonWeightReader.Quote(biasName)}");
            }
        }

        return parameters;
    }

    /// <summary>
    /// The layers in the order the model runs them (see <see cref="ModuleOrder"/>); a layer whose shape fits another
    /// place but not its own is refused, saying that order may be the cause.
    /// </summary>
    private static List<(string Prefix, JsonElement Value)> InRunOrder(
        List<(string Prefix, JsonElement Value)> weights,
        Dictionary<string, JsonElement> biases,
        ReadOnlySpan<int> sizes,
        IReadOnlyList<string>? moduleOrder,
        JsonWeightReader reader)
    {
        int[] shape = sizes.ToArray();
        var layers = new List<string>();
        for (int l = 1; l < shape.Length; l++)
        {
            layers.Add($"layer {l} ({shape[l - 1]} → {shape[l]})");
        }

        var prefixes = weights.ConvertAll(w => w.Prefix);
        var units = weights.ConvertAll(_ => 1);
        Func<int, int, int, bool> fits = (m, _, l) =>
            Dims(weights[m].Value) is [int o, int i] && o == shape[l + 1] && i == shape[l] &&
            (!biases.TryGetValue(weights[m].Prefix, out JsonElement bias) || (Dims(bias) is [int n] && n == shape[l + 1]));
        int[] order;
        try
        {
            order = ModuleOrder.Resolve(prefixes, units, fits, layers, moduleOrder, HowToOrder);
        }
        catch (ModelFormatException problem)
        {
            throw reader.Fail(problem);
        }

        var ordered = new List<(string Prefix, JsonElement Value)>();
        foreach (int m in order)
        {
            ordered.Add(weights[m]);
        }

        for (int l = 0; l < order.Length; l++)
        {
            if (!fits(order[l], 0, l) && ModuleOrder.OutOfOrderHint(order[l], 0, l, fits, layers, HowToOrder) is string hint)
            {
                throw reader.Fail(
                    $"layer {l + 1} {JsonWeightReader.Quote(Name(ordered[l].Prefix, "weight"))}: expected shape " +
                    $"[{shape[l + 1]}][{shape[l]}] ([out][in]), found {JsonWeightReader.ShapeOf(ordered[l].Value)}; {hint}.");
            }
        }

        return ordered;
    }

    /// <summary>The dimensions of a regular nested array, or null.</summary>
    private static int[]? Dims(JsonElement value)
    {
        var dims = new List<int>();
        while (value.ValueKind == JsonValueKind.Array)
        {
            int count = value.GetArrayLength();
            dims.Add(count);
            if (count == 0)
            {
                break;
            }

            JsonElement first = value[0];
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (item.ValueKind != first.ValueKind ||
                    (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() != first.GetArrayLength()))
                {
                    return null;
                }
            }

            value = first;
        }

        return dims.Count == 0 ? null : dims.ToArray();
    }

    private static void CheckReadable(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!json.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(json));
        }
    }

    /// <summary>"fc1.weight" → "fc1"; "weight" (a bare nn.Linear) → "".</summary>
    private static bool TryStripSuffix(string name, string suffix, out string prefix)
    {
        if (name == suffix)
        {
            prefix = string.Empty;
            return true;
        }

        if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal) && name[^(suffix.Length + 1)] == '.')
        {
            prefix = name.Substring(0, name.Length - suffix.Length - 1);
            return true;
        }

        prefix = string.Empty;
        return false;
    }

    private static string Name(string prefix, string suffix) => prefix.Length == 0 ? suffix : $"{prefix}.{suffix}";
}
