using System.Collections.Generic;
using System.Text;

// Also compiled into the generator (linked): compile-time models and run-time loaders read the same tree.
namespace NetGen.Formats;

/// <summary>The kinds of JSON value.</summary>
internal enum JsonKind
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// One parsed JSON value. Numbers keep their text (rounded once, by the importer, to the network's element type);
/// objects keep their members in file order, which is the order of a PyTorch <c>state_dict</c>.
/// </summary>
internal sealed class JsonValue
{
    private static readonly List<JsonValue> NoItems = new();
    private static readonly List<KeyValuePair<string, JsonValue>> NoMembers = new();

    private JsonValue(JsonKind kind, string text, List<JsonValue>? items, List<KeyValuePair<string, JsonValue>>? members)
    {
        Kind = kind;
        Text = text;
        Items = items ?? NoItems;
        Members = members ?? NoMembers;
    }

    public JsonKind Kind { get; }

    /// <summary>A number's or string's text; empty otherwise.</summary>
    public string Text { get; }

    /// <summary>An array's elements; empty otherwise.</summary>
    public List<JsonValue> Items { get; }

    /// <summary>An object's members in file order; empty otherwise.</summary>
    public List<KeyValuePair<string, JsonValue>> Members { get; }

    public static JsonValue Literal(JsonKind kind) => new(kind, "", null, null);

    public static JsonValue Scalar(JsonKind kind, string text) => new(kind, text, null, null);

    public static JsonValue Array(List<JsonValue> items) => new(JsonKind.Array, "", items, null);

    public static JsonValue Object(List<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object, "", null, members);

    /// <summary>The member named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public JsonValue? this[string name]
    {
        get
        {
            foreach (KeyValuePair<string, JsonValue> member in Members)
            {
                if (member.Key == name)
                {
                    return member.Value;
                }
            }

            return null;
        }
    }

    /// <summary>The shape of nested arrays, as <c>[16][3]</c>, or the kind of a non-array value.</summary>
    public string Shape()
    {
        if (Kind != JsonKind.Array)
        {
            return Kind.ToString().ToLowerInvariant();
        }

        var shape = new StringBuilder();
        for (JsonValue value = this; value.Kind == JsonKind.Array; value = value.Items.Count > 0 ? value.Items[0] : Literal(JsonKind.Null))
        {
            shape.Append('[').Append(value.Items.Count).Append(']');
            if (value.Items.Count == 0)
            {
                break;
            }
        }

        return shape.ToString();
    }

    /// <summary>"an object", "an array [2][3]", "the string \"abc\"", "the number 3", "true", "false" or "null".</summary>
    public string Describe() => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => $"an array {Shape()}",
        JsonKind.String => $"the string {Quote(Text)}",
        JsonKind.Number => $"the number {Text}",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>A name or string for a message: in double quotes, escaped, cut after 40 characters.</summary>
    public static string Quote(string text)
    {
        const int Limit = 40;
        var quoted = new StringBuilder(System.Math.Min(text.Length, Limit) + 3).Append('"');
        for (int i = 0; i < text.Length && i < Limit; i++)
        {
            char c = text[i];
            if (c is '"' or '\\')
            {
                quoted.Append('\\').Append(c);
            }
            else if (char.IsControl(c))
            {
                quoted.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append(text.Length > Limit ? "…\"" : "\"").ToString();
    }
}
