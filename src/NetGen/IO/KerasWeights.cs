using System;
using System.IO;
using System.Numerics;
using System.Text.Json;

namespace NetGen.IO;

/// <summary>
/// Imports the weights of a Keras model made of <c>Dense</c> layers from JSON of the shape
/// <c>{"layers": [{"name": "dense", "kernel": [[...]], "bias": [...]}, ...]}</c>.
/// </summary>
/// <remarks>
/// <para>
/// The root is an object with exactly one property, <c>"layers"</c>: an array with one object per weight layer,
/// in order from the input. Each layer object has <c>"kernel"</c>, shaped [in][out] exactly as Keras stores it
/// (and as NetGen does, so nothing is transposed), <c>"bias"</c>, shaped [out], which must be present when the
/// network has biases and absent when it has none, and an optional <c>"name"</c> string that error messages
/// quote. The README shows the few lines of Python that write this file from a model.
/// </para>
/// <para>
/// Rejected, with a <see cref="WeightFileException"/> that names the layer: any other property (at the root or in
/// a layer), the wrong number of layers, a missing kernel, a shape other than [in][out] / [out], a missing or
/// unexpected bias, values that are not numbers, and values that are not finite in the network's element type
/// (NaN and ±Infinity are never accepted). Numbers are rounded once from their decimal text to float or double.
/// Activations are not in the file: declaring the same ones is up to the user. The network's parameters change
/// only if the whole file is valid.
/// </para>
/// </remarks>
public static class KerasWeights
{
    private const string Format = "Keras weights";

    /// <summary>Reads Keras weights JSON from <paramref name="json"/> into the network.</summary>
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
        ArgumentNullException.ThrowIfNull(json);
        if (!json.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(json));
        }

        Load(network, json, WeightFileFormat.FileNameOf(json));
    }

    /// <summary>Reads a Keras weights JSON file into the network.</summary>
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
        Load(network, stream, path);
    }

    private static void Load<T>(INetwork<T> network, Stream json, string? source)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        _ = WeightFileFormat.ElementTypeOf<T>(); // throws NotSupportedException unless T is float or double
        NetworkShape.Validate(network);
        var reader = new JsonWeightReader(Format, source);
        using JsonDocument document = reader.Parse(json);
        T[] parameters = Read(network, document.RootElement, reader);
        parameters.CopyTo(network.Parameters);
    }

    private static T[] Read<T>(INetwork<T> network, JsonElement root, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw reader.Fail(
                $"the JSON root must be an object {{\"layers\": [...]}}, found {JsonWeightReader.Describe(root)}.");
        }

        JsonElement layers = default;
        bool hasLayers = false;
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.Name != "layers")
            {
                throw reader.Fail(
                    $"unexpected property {JsonWeightReader.Quote(property.Name)} at the root; the only one allowed is \"layers\".");
            }

            if (hasLayers)
            {
                throw reader.Fail("the property \"layers\" appears more than once.");
            }

            layers = property.Value;
            hasLayers = true;
        }

        if (!hasLayers)
        {
            throw reader.Fail("the root object has no \"layers\" property.");
        }

        if (layers.ValueKind != JsonValueKind.Array)
        {
            throw reader.Fail($"\"layers\" must be an array of layer objects, found {JsonWeightReader.Describe(layers)}.");
        }

        ReadOnlySpan<int> sizes = network.LayerSizes;
        int layerCount = sizes.Length - 1;
        if (layers.GetArrayLength() != layerCount)
        {
            throw reader.Fail(
                $"expected {layerCount} Dense layer(s) for the network {WeightFileFormat.DescribeSizes(sizes)}, " +
                $"found {layers.GetArrayLength()} in \"layers\".");
        }

        var parameters = new T[network.ParameterCount];
        int[] offsets = NetworkShape.LayerOffsets(sizes, network.HasBias);
        int l = 0;
        foreach (JsonElement layer in layers.EnumerateArray())
        {
            ReadLayer(network, layer, l, sizes[l], sizes[l + 1], parameters.AsSpan(offsets[l]), reader);
            l++;
        }

        return parameters;
    }

    private static void ReadLayer<T>(
        INetwork<T> network, JsonElement layer, int index, int inputs, int outputs, Span<T> destination, JsonWeightReader reader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string label = $"layer {index + 1}";
        if (layer.ValueKind != JsonValueKind.Object)
        {
            throw reader.Fail($"{label}: expected an object with \"kernel\" and \"bias\", found {JsonWeightReader.Describe(layer)}.");
        }

        JsonElement kernel = default;
        JsonElement bias = default;
        bool hasKernel = false;
        bool hasBias = false;
        bool hasName = false;
        foreach (JsonProperty property in layer.EnumerateObject())
        {
            bool duplicate;
            switch (property.Name)
            {
                case "name":
                    duplicate = hasName;
                    hasName = true;
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        throw reader.Fail($"{label}: \"name\" must be a string, found {JsonWeightReader.Describe(property.Value)}.");
                    }

                    label = $"layer {index + 1} ({JsonWeightReader.Quote(property.Value.GetString() ?? string.Empty)})";
                    break;
                case "kernel":
                    duplicate = hasKernel;
                    hasKernel = true;
                    kernel = property.Value;
                    break;
                case "bias":
                    duplicate = hasBias;
                    hasBias = true;
                    bias = property.Value;
                    break;
                default:
                    throw reader.Fail(
                        $"{label}: unexpected property {JsonWeightReader.Quote(property.Name)}; a layer has \"name\" " +
                        "(optional), \"kernel\" and \"bias\".");
            }

            if (duplicate)
            {
                throw reader.Fail($"{label}: the property {JsonWeightReader.Quote(property.Name)} appears more than once.");
            }
        }

        if (!hasKernel)
        {
            throw reader.Fail($"{label}: \"kernel\" is missing.");
        }

        reader.ReadMatrix(kernel, inputs, outputs, transpose: false, destination.Slice(0, inputs * outputs), $"{label} \"kernel\"", "[in][out]");

        if (network.HasBias && !hasBias)
        {
            throw reader.Fail(
                $"{label}: \"bias\" is missing, but the network has biases (declare it with Bias = false to import " +
                "Dense(..., use_bias=False) layers).");
        }

        if (!network.HasBias && hasBias)
        {
            throw reader.Fail(
                $"{label}: \"bias\" is present, but the network has no biases (Bias = false); declare it with " +
                "Bias = true or build the layers with Dense(..., use_bias=False).");
        }

        if (hasBias)
        {
            reader.ReadVector(bias, destination.Slice(inputs * outputs, outputs), $"{label} \"bias\"");
        }
    }
}
