using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Tests;

/// <summary>
/// Source with the expected diagnostic locations marked as <c>[|...|]</c> (Roslyn's test markup), e.g.
/// <c>public class [|Net|]</c>. Markers do not nest; the spans refer to the text without markers.
/// </summary>
internal sealed record Markup(string Text, ImmutableArray<TextSpan> Spans)
{
    private const string Open = "[|";
    private const string Close = "|]";

    public static Markup Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        int position = 0;
        while (true)
        {
            int open = markup.IndexOf(Open, position, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            int close = markup.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ArgumentException($"Unclosed '{Open}' at {open}.", nameof(markup));
            }

            text.Append(markup, position, open - position);
            int start = text.Length;
            text.Append(markup, open + Open.Length, close - open - Open.Length);
            spans.Add(TextSpan.FromBounds(start, text.Length));
            position = close + Close.Length;
        }

        text.Append(markup, position, markup.Length - position);
        return new Markup(text.ToString(), spans.ToImmutable());
    }
}
