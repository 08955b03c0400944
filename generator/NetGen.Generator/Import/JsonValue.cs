using System.Collections.Generic;

namespace NetGen.Generator.Import;

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

        var shape = new System.Text.StringBuilder();
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
}
