using System;
using System.IO;
using System.Text.Json;
using NetGen.Formats;
using NetGen.IO;

namespace NetGen.Nam;

/// <summary>
/// A Neural Amp Modeler capture (<c>.nam</c>) opened at run time: WaveNet (A1 and the 0.6/0.7 configurations, plain
/// or gated), LSTM, and a <c>SlimmableContainer</c> of those (A2). <see cref="Process"/> streams audio through it in
/// blocks of any size, carrying state across calls, allocating nothing.
/// </summary>
/// <remarks>
/// <para>
/// After <see cref="Open(string)"/> and <see cref="ResetState"/> the model is where NAM core's reset leaves it: a
/// WaveNet in the steady state of a silent input, an LSTM at the file's h0 and c0 advanced by half a second of
/// silence at the file's sample rate (48 kHz when the file does not say), so outputs match NAM core's from the first
/// sample.
/// </para>
/// <para>
/// The model's own <see cref="Process"/> and <see cref="ResetState"/> act on its default stream and, like one voice,
/// are not thread-safe. <see cref="CreateStream"/> gives further independent streams (voices) over the same weights;
/// different streams may run on different threads at once.
/// </para>
/// </remarks>
public sealed class NamModel
{
    /// <summary>The largest file <see cref="Open(string)"/> reads: 64 MiB, over 200 times the standard WaveNet.</summary>
    public const int MaxFileBytes = 64 << 20;

    private readonly NamStream _default;

    private NamModel(NamModelDescription description, NamOptions options)
    {
        FastTanh = options.FastTanh;
        Architecture = description.Architecture switch
        {
            NamArchitecture.WaveNet => "WaveNet",
            NamArchitecture.Lstm => "LSTM",
            _ => "SlimmableContainer",
        };
        SampleRate = description.SampleRate;
        NamMetadataValues m = description.Metadata;
        Metadata = new NamMetadata(m.Name, m.ModeledBy, m.GearType, m.GearMake, m.GearModel, m.ToneType, m.Loudness, m.InputLevelDbu, m.OutputLevelDbu);
        if (description.Architecture == NamArchitecture.SlimmableContainer)
        {
            Engines = Array.ConvertAll(description.Submodels, s => NamEngine.For(s.Model, options));
            Thresholds = Array.ConvertAll(description.Submodels, s => s.MaxValue);
        }
        else
        {
            Engines = [NamEngine.For(description, options)];
            Thresholds = [double.PositiveInfinity];
        }

        _default = new NamStream(this);
    }

    /// <summary>"WaveNet", "LSTM" or "SlimmableContainer", as the file names its architecture.</summary>
    public string Architecture { get; }

    /// <summary>The sample rate the model was trained at, in Hz; NaN when the file does not say (usually 48,000).</summary>
    public double SampleRate { get; }

    /// <summary>
    /// Whether a type that NetGen specialized at build time runs the model; false when the general implementation
    /// (correct for every supported shape, allocation-free) runs it.
    /// </summary>
    public bool IsSpecialized => false;

    /// <summary>Whether the model computes tanh with NAM's fast approximation (<see cref="NamOptions.FastTanh"/>).</summary>
    public bool FastTanh { get; }

    /// <summary>The capture's description from the file's <c>metadata</c>.</summary>
    public NamMetadata Metadata { get; }

    /// <summary>How many submodels the file holds: one, or a <c>SlimmableContainer</c>'s count.</summary>
    public int SubmodelCount => Engines.Length;

    /// <summary>
    /// The size value of the default stream, from 0 to 1, that picks a container's submodel: the first whose
    /// <c>max_value</c> is above it, else the last (largest), which is also the default (1). Without a container it
    /// changes nothing. It may change between blocks; as in NAM core, the submodel switched to starts from its reset state.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a number from 0 to 1.</exception>
    public double Size
    {
        get => _default.Size;
        set => _default.Size = value;
    }

    internal NamEngine[] Engines { get; }

    internal double[] Thresholds { get; }

    /// <summary>Opens a <c>.nam</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="NamFormatException">The file is not a model NetGen plays; the message says why and names the file.</exception>
    public static NamModel Open(string path) => Open(path, new NamOptions());

    /// <summary>Opens a <c>.nam</c> file with <paramref name="options"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to build the player, for example with NAM's fast tanh.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or <paramref name="path"/> is a directory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access to the file is denied.</exception>
    /// <exception cref="NamFormatException">The file is not a model NetGen plays; the message says why and names the file.</exception>
    public static NamModel Open(string path, NamOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        using FileStream stream = WeightFileFormat.OpenRead(path);
        return Open(stream, path, options);
    }

    /// <summary>Opens a <c>.nam</c> model from <paramref name="stream"/>, read to its end and not closed.</summary>
    /// <param name="stream">A readable stream holding the file's JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable.</exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="NamFormatException">The data is not a model NetGen plays; the message says why.</exception>
    public static NamModel Open(Stream stream) => Open(stream, new NamOptions());

    /// <summary>Opens a <c>.nam</c> model from <paramref name="stream"/> with <paramref name="options"/>.</summary>
    /// <param name="stream">A readable stream holding the file's JSON, read to its end and not closed.</param>
    /// <param name="options">How to build the player, for example with NAM's fast tanh.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable.</exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    /// <exception cref="NamFormatException">The data is not a model NetGen plays; the message says why.</exception>
    public static NamModel Open(Stream stream, NamOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        return Open(stream, WeightFileFormat.FileNameOf(stream), options);
    }

    /// <summary>Processes a block on the default stream (see <see cref="NamStream.Process"/>).</summary>
    /// <param name="input">The input samples.</param>
    /// <param name="output">As many output samples; it may be <paramref name="input"/>'s memory.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not as long as <paramref name="input"/>.</exception>
    public void Process(ReadOnlySpan<float> input, Span<float> output) => _default.Process(input, output);

    /// <summary>Puts the default stream where NAM core's reset leaves a model (see the remarks).</summary>
    public void ResetState() => _default.ResetState();

    /// <summary>A new independent stream over the same weights, reset.</summary>
    public NamStream CreateStream() => new(this);

    private static NamModel Open(Stream stream, string? source, NamOptions options)
    {
        var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw Fail($"the file is larger than {MaxFileBytes / (1 << 20)} MiB, far beyond any NAM model", source, null);
            }

            buffer.Write(chunk, 0, read);
        }

        ReadOnlyMemory<byte> bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes.Slice(3);
        }

        FileKind.Kind kind = FileKind.Of(bytes.Span.Slice(0, Math.Min(bytes.Length, 16)));
        if (kind is FileKind.Kind.Onnx or FileKind.Kind.NetGenWeights)
        {
            string reader = kind == FileKind.Kind.Onnx ? "an ONNX model (read it with OnnxModel.Load)" : "a NetGen weight file (read it with NetworkWeights.Load)";
            throw Fail($"the file is not JSON; it looks like {reader}", source, null);
        }

        // The JSON reader checks structure, not the UTF-8 inside strings, which would fail later, outside its exception.
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            throw Fail("the file is not valid UTF-8 text, as JSON must be", source, null);
        }

        JsonValue root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(
                bytes,
                new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
            root = JsonWeightReader.ToValue(document.RootElement);
        }
        catch (JsonException exception)
        {
            string where = exception.LineNumber is long line ? $" at line {line + 1}, byte {exception.BytePositionInLine + 1}" : "";
            throw Fail($"the file is not valid JSON{where} (NaN and Infinity are not JSON, and NAM weights must be finite)", source, exception);
        }

        try
        {
            return new NamModel(NamFile.Read(root), options);
        }
        catch (ModelFormatException problem)
        {
            throw Fail(problem.Message, source, problem);
        }
    }

    private static NamFormatException Fail(string message, string? source, Exception? inner) =>
        new(WeightFileFormat.WithSource($"NAM model: {message}.", source), source, inner);
}
