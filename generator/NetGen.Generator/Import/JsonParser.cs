using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NetGen.Formats;

namespace NetGen.Generator.Import;

/// <summary>
/// A strict JSON parser (RFC 8259) for model files read at compile time. Nesting is bounded, so hostile input cannot
/// exhaust the compiler's stack; an error says what was expected at which line and column.
/// </summary>
internal sealed class JsonParser
{
    /// <summary>The deepest nesting accepted; model files nest four or five levels.</summary>
    public const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _depth;

    private JsonParser(string text) => _text = text;

    /// <summary>Parses one whole JSON document.</summary>
    /// <exception cref="ModelFormatException">The text is not valid JSON.</exception>
    public static JsonValue Parse(string text)
    {
        var parser = new JsonParser(text);
        parser.SkipWhitespace();
        if (parser._position < text.Length && text[parser._position] == '\uFEFF')
        {
            parser._position++;
            parser.SkipWhitespace();
        }

        JsonValue value = parser.Value();
        parser.SkipWhitespace();
        if (parser._position < text.Length)
        {
            throw parser.Error("the end of the document");
        }

        return value;
    }

    private JsonValue Value()
    {
        if (_position >= _text.Length)
        {
            throw Error("a value");
        }

        char c = _text[_position];
        switch (c)
        {
            case '{':
                return Object();
            case '[':
                return Array();
            case '"':
                return JsonValue.Scalar(JsonKind.String, String());
            case 't':
                return Word("true", JsonKind.True);
            case 'f':
                return Word("false", JsonKind.False);
            case 'n':
                return Word("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return JsonValue.Scalar(JsonKind.Number, Number());
                }

                throw Error("a value");
        }
    }

    private JsonValue Object()
    {
        Enter();
        _position++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            _depth--;
            return JsonValue.Object(members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("a member name in double quotes");
            }

            string name = String();
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            members.Add(new KeyValuePair<string, JsonValue>(name, Value()));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect('}');
            _depth--;
            return JsonValue.Object(members);
        }
    }

    private JsonValue Array()
    {
        Enter();
        _position++;
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            _depth--;
            return JsonValue.Array(items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(Value());
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect(']');
            _depth--;
            return JsonValue.Array(items);
        }
    }

    private string String()
    {
        _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("the closing '\"' of a string");
            }

            char c = _text[_position++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c < ' ')
            {
                _position--;
                throw Error("an escaped control character");
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            char escape = Peek();
            _position++;
            switch (escape)
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case '/': value.Append('/'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length ||
                        !int.TryParse(
                            _text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("four hexadecimal digits after \\u");
                    }

                    value.Append((char)code);
                    _position += 4;
                    break;
                default:
                    _position--;
                    throw Error("a valid escape sequence");
            }
        }
    }

    private string Number()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!Digits())
        {
            throw Error("a digit");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!Digits())
            {
                throw Error("a digit after the decimal point");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!Digits())
            {
                throw Error("a digit in the exponent");
            }
        }

        return _text.Substring(start, _position - start);
    }

    private bool Digits()
    {
        int start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private JsonValue Word(string word, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error("a value");
        }

        _position += word.Length;
        return JsonValue.Literal(kind);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"at most {MaxDepth} levels of nesting");
        }
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"'{c}'");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private ModelFormatException Error(string expected)
    {
        int line = 1, column = 1;
        for (int i = 0; i < _position && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        string found = _position >= _text.Length ? "the end of the file" : $"'{_text[_position]}'";
        return ModelFormatException.Invalid($"not valid JSON: expected {expected} at line {line}, column {column}, found {found}");
    }
}
