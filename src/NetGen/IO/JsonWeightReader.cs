using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace NetGen.IO;

/// <summary>
/// The parts that the PyTorch and Keras JSON importers share: parsing with <see cref="JsonDocument"/> (no
/// reflection, so trimming- and AOT-safe), shape-checked reading of matrices and vectors into a parameter buffer,
/// and messages that say which format, which layer and which entry is wrong.
/// </summary>
internal sealed class JsonWeightReader
{
    private readonly string format;
    private readonly string? source;

    public JsonWeightReader(string format, string? source)
    {
        this.format = format;
        this.source = source;
    }

    /// <summary>
    /// Parses the whole stream as strict JSON (no comments, no trailing commas). A syntax error becomes a
    /// <see cref="WeightFileException"/> that gives the line and byte, and points out NaN and Infinity, which
    /// Python writes by default but JSON does not allow.
    /// </summary>
    public JsonDocument Parse(Stream json)
    {
        // Not disposed: the document keeps reading the buffer, which is plain managed memory.
        var buffer = new MemoryStream();
        json.CopyTo(buffer);
        ReadOnlyMemory<byte> bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes.Slice(3);
        }

        string otherKind = FileKind.Hint(bytes.Span.Slice(0, Math.Min(bytes.Length, 16)), FileKind.Kind.Json);
        if (otherKind.Length > 0)
        {
            throw new WeightFileException(WeightFileFormat.WithSource($"{format}: the file is not JSON.{otherKind}", source), source);
        }

        // The JSON reader checks structure, not the UTF-8 inside strings: an invalid sequence would surface later as
        // an InvalidOperationException from reading a name. Checked here, it is the format's error like any other.
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            throw new WeightFileException(
                WeightFileFormat.WithSource($"{format}: the file is not valid UTF-8 (from byte {InvalidUtf8At(bytes.Span) + 1}); JSON files are UTF-8 text", source),
                source);
        }

        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException exception)
        {
            string hint = IsNonFiniteLiteral(bytes.Span, exception.LineNumber, exception.BytePositionInLine)
                ? " NaN and Infinity are not valid JSON and are not accepted: the weights must be finite " +
                  "(json.dump(..., allow_nan=False) makes Python refuse them when writing)."
                : string.Empty;
            string where = exception.LineNumber is long line && exception.BytePositionInLine is long column
                ? $" at line {line + 1}, byte {column + 1}"
                : string.Empty;
            throw new WeightFileException(
                WeightFileFormat.WithSource($"{format}: the file is not valid JSON{where}: {Reason(exception)}{hint}", source),
                source,
                exception);
        }
    }

    /// <summary>The offset of the first byte that does not start a valid UTF-8 sequence.</summary>
    private static int InvalidUtf8At(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes.Slice(offset), out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    /// <summary>The reader's explanation without the location (already given) and its advice to change reader options.</summary>
    private static string Reason(JsonException exception)
    {
        string reason = exception.Message;
        int location = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (location >= 0)
        {
            reason = reason.Substring(0, location);
        }

        return reason.Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal).TrimEnd();
    }

    /// <summary>The parsed document as the shared format readers take it (<see cref="NetGen.Formats"/>).</summary>
    public static Formats.JsonValue ToValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<KeyValuePair<string, Formats.JsonValue>>();
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    members.Add(new(property.Name, ToValue(property.Value)));
                }

                return Formats.JsonValue.Object(members);
            case JsonValueKind.Array:
                var items = new List<Formats.JsonValue>(element.GetArrayLength());
                foreach (JsonElement item in element.EnumerateArray())
                {
                    items.Add(ToValue(item));
                }

                return Formats.JsonValue.Array(items);
            case JsonValueKind.String:
                return Formats.JsonValue.Scalar(Formats.JsonKind.String, element.GetString()!);
            case JsonValueKind.Number:
                return Formats.JsonValue.Scalar(Formats.JsonKind.Number, element.GetRawText());
            case JsonValueKind.True:
                return Formats.JsonValue.Literal(Formats.JsonKind.True);
            case JsonValueKind.False:
                return Formats.JsonValue.Literal(Formats.JsonKind.False);
            default:
                return Formats.JsonValue.Literal(Formats.JsonKind.Null);
        }
    }

    /// <summary>A shared reader's refusal as this format's file exception (with the sentence's final period).</summary>
    public WeightFileException Fail(Formats.ModelFormatException problem) => Fail(problem.Message + ".");

    /// <summary>A <see cref="WeightFileException"/> whose message starts with the format and ends with the file or stream.</summary>
    public WeightFileException Fail(string message) => new(WeightFileFormat.WithSource($"{format}: {message}", source), source);

    /// <summary>
    /// Reads a rows×cols array of arrays of numbers into <paramref name="destination"/> (length rows·cols, NetGen's
    /// [in][out] row-major order). With <paramref name="transpose"/>, the JSON is [out][in] (rows = out) and entry
    /// [r][c] goes to destination[c·rows + r]; without, the JSON is [in][out] and [r][c] goes to destination[r·cols + c].
    /// </summary>
    public void ReadMatrix<T>(JsonElement matrix, int rows, int cols, bool transpose, Span<T> destination, string what, string layout)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool shapeOk = matrix.ValueKind == JsonValueKind.Array && matrix.GetArrayLength() == rows;
        if (shapeOk)
        {
            foreach (JsonElement row in matrix.EnumerateArray())
            {
                shapeOk &= row.ValueKind == JsonValueKind.Array && row.GetArrayLength() == cols;
            }
        }

        if (!shapeOk)
        {
            string found = ShapeOf(matrix);
            string transposed = found == $"[{cols}][{rows}]" && rows != cols
                ? $" (that is the transposed shape: {layout} is expected)"
                : string.Empty;
            throw Fail($"{what}: expected shape [{rows}][{cols}] ({layout}), found {found}{transposed}.");
        }

        int r = 0;
        foreach (JsonElement row in matrix.EnumerateArray())
        {
            int c = 0;
            foreach (JsonElement value in row.EnumerateArray())
            {
                destination[transpose ? (c * rows) + r : (r * cols) + c] = ReadNumber<T>(value, $"{what}[{r}][{c}]");
                c++;
            }

            r++;
        }
    }

    /// <summary>Reads an array of exactly <paramref name="destination"/>.Length numbers.</summary>
    public void ReadVector<T>(JsonElement vector, Span<T> destination, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool shapeOk = vector.ValueKind == JsonValueKind.Array && vector.GetArrayLength() == destination.Length;
        if (shapeOk)
        {
            foreach (JsonElement value in vector.EnumerateArray())
            {
                shapeOk &= value.ValueKind != JsonValueKind.Array;
            }
        }

        if (!shapeOk)
        {
            throw Fail($"{what}: expected shape [{destination.Length}], found {ShapeOf(vector)}.");
        }

        int i = 0;
        foreach (JsonElement value in vector.EnumerateArray())
        {
            destination[i] = ReadNumber<T>(value, $"{what}[{i}]");
            i++;
        }
    }

    /// <summary>
    /// A JSON number that is finite in <typeparamref name="T"/> (decimal text is rounded once, to the nearest
    /// <typeparamref name="T"/>); anything else is an error that names the entry.
    /// </summary>
    private T ReadNumber<T>(JsonElement value, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            string nonFinite = value.ValueKind == JsonValueKind.String && Formats.TensorReader.IsNonFiniteName(value.GetString() ?? string.Empty)
                ? "; NaN and infinite weights are not accepted"
                : string.Empty;
            throw Fail($"{what}: expected a number, found {Describe(value)}{nonFinite}.");
        }

        if (typeof(T) == typeof(float))
        {
            if (!value.TryGetSingle(out float single) || !float.IsFinite(single))
            {
                throw Fail($"{what}: {value.GetRawText()} is out of the range of float (±{float.MaxValue.ToString("R", CultureInfo.InvariantCulture)}).");
            }

            return T.CreateTruncating(single);
        }

        if (!value.TryGetDouble(out double number) || !double.IsFinite(number))
        {
            throw Fail($"{what}: {value.GetRawText()} is out of the range of double (±{double.MaxValue.ToString("R", CultureInfo.InvariantCulture)}).");
        }

        return T.CreateTruncating(number);
    }

    /// <summary>"an object", "null", "the string \"abc\"", "true", "the number 3".</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"an array {ShapeOf(value)}",
        JsonValueKind.String => $"the string {Quote(value.GetString() ?? string.Empty)}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString(),
    };

    /// <summary>A JSON string for a message, quoted and escaped, cut after 40 characters.</summary>
    public static string Quote(string text) => Formats.JsonValue.Quote(text);

    /// <summary>
    /// The shape of a value as nested array lengths: "[3][2]", "[4]", "[2][ragged: 3, 2]", "[3][2][…]" for deeper
    /// nesting, "[2] of mixed arrays and values", or a description of a non-array.
    /// </summary>
    public static string ShapeOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Describe(value);
        }

        int length = value.GetArrayLength();
        int arrays = 0;
        var innerLengths = new List<int>();
        bool deeper = false;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Array)
            {
                arrays++;
                innerLengths.Add(item.GetArrayLength());
                foreach (JsonElement inner in item.EnumerateArray())
                {
                    deeper |= inner.ValueKind == JsonValueKind.Array;
                }
            }
        }

        if (arrays == 0)
        {
            return $"[{length}]";
        }

        if (arrays != length)
        {
            return $"[{length}] of mixed arrays and values";
        }

        bool regular = innerLengths.TrueForAll(n => n == innerLengths[0]);
        string innerShape = regular
            ? $"[{innerLengths[0]}]"
            : $"[ragged: {string.Join(", ", innerLengths)}]";
        return $"[{length}]{innerShape}{(deeper ? "[…]" : string.Empty)}";
    }

    /// <summary>Whether the JSON syntax error is at a NaN, Infinity or -Infinity literal.</summary>
    private static bool IsNonFiniteLiteral(ReadOnlySpan<byte> json, long? lineNumber, long? bytePositionInLine)
    {
        if (lineNumber is not long line || bytePositionInLine is not long column)
        {
            return false;
        }

        int offset = 0;
        for (long l = 0; l < line; l++)
        {
            int newline = json.Slice(offset).IndexOf((byte)'\n');
            if (newline < 0)
            {
                return false;
            }

            offset += newline + 1;
        }

        if (offset + column > json.Length)
        {
            return false;
        }

        // The reader reports the first byte it rejects: the N of NaN, the I of Infinity, or the I after a minus.
        int at = offset + (int)column;
        ReadOnlySpan<byte> rest = json.Slice(at);
        bool afterMinus = at > 0 && json[at - 1] == (byte)'-';
        return rest.StartsWith("NaN"u8) || rest.StartsWith("Infinity"u8) || rest.StartsWith("-Infinity"u8)
            || (afterMinus && rest.StartsWith("Infinity"u8));
    }
}
