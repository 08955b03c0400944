using System;
using System.Collections.Generic;
using System.Text;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes indented C# line by line; blocks open with <see cref="Block"/> and close on dispose. Documentation and
/// long expression bodies wrap to stay within <see cref="MaxWidth"/> characters.
/// </summary>
internal sealed class SourceWriter
{
    /// <summary>The widest line the wrapping helpers write.</summary>
    public const int MaxWidth = 140;

    private const string IndentUnit = "    ";
    private readonly StringBuilder _text = new();
    private int _depth;

    private int Indent => _depth * IndentUnit.Length;

    public void Line(string line = "")
    {
        // (Only when the head up to the parenthesis fits, so the split always makes progress.)
        if (Indent + line.Length > MaxWidth && !line.StartsWith("//", StringComparison.Ordinal) && line.IndexOf('(') is int open and > 0 &&
            Indent + open + 1 < MaxWidth)
        {
            // A statement too wide for one line: its arguments continue on the next, one per line if they must.
            Line(line.Substring(0, open + 1));
            _depth++;
            string arguments = line.Substring(open + 1);
            if (Indent + arguments.Length <= MaxWidth)
            {
                Line(arguments);
            }
            else
            {
                foreach (string argument in SplitTopLevel(arguments))
                {
                    Line(argument);
                }
            }

            _depth--;
            return;
        }

        if (line.Length > 0)
        {
            for (int i = 0; i < _depth; i++)
            {
                _text.Append(IndentUnit);
            }

            _text.Append(line);
        }

        _text.Append('\n');
    }

    /// <summary><paramref name="code"/> with <paramref name="comment"/> after it, or above it when the line would be too wide.</summary>
    public void Line(string code, string comment)
    {
        string line = $"{code}   // {comment}";
        if (Indent + line.Length <= MaxWidth)
        {
            Line(line);
            return;
        }

        Comment("// ", comment);
        Line(code);
    }

    /// <summary>
    /// The attribute every kernel carries: optimized at its first call, never at tier 0 (the JIT's tiering would leave a
    /// rarely called kernel unoptimized for seconds), and inlined where <paramref name="inline"/>.
    /// </summary>
    public void KernelAttributes(bool inline) =>
        Line(inline ? "[MethodImpl(AggressiveInlining | AggressiveOptimization)]" : "[MethodImpl(AggressiveOptimization)]");

    /// <summary>
    /// The attribute of a pass (the kernels the runtime calls): never inlined, so that the JIT compiles each pass once,
    /// optimized, with the layer kernels inlined into it under the pass's own inlining budget. Inlined into a caller's
    /// loop, the layer kernels would share the loop's budget, and past it stay calls, some to helpers at tier 0.
    /// </summary>
    public void PassAttributes() => Line("[MethodImpl(NoInlining | AggressiveOptimization)]");

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace; the returned scope writes the closing brace.</summary>
    public Scope Block(string? header = null, string closing = "}")
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _depth++;
        return new Scope(this, closing);
    }

    /// <summary>A <c>&lt;summary&gt;</c>, on one line when it fits, else wrapped between its tags.</summary>
    public void Summary(string text)
    {
        string single = $"/// <summary>{text}</summary>";
        if (Indent + single.Length <= MaxWidth)
        {
            Line(single);
            return;
        }

        Line("/// <summary>");
        Comment("/// ", text);
        Line("/// </summary>");
    }

    /// <summary>Words of <paramref name="text"/> after <paramref name="prefix"/> (<c>// </c> or <c>/// </c>), wrapped.</summary>
    public void Comment(string prefix, string text)
    {
        var line = new StringBuilder();
        foreach (string word in text.Split(' '))
        {
            if (line.Length > 0 && Indent + prefix.Length + line.Length + 1 + word.Length > MaxWidth)
            {
                Line(prefix + line);
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            Line(prefix + line);
        }
    }

    /// <summary>
    /// <c>head =&gt; expression;</c>, on one line when it fits; else the expression on the next line (and the head's
    /// parameters on a line of their own when the head is too wide), and when the expression is still too wide, its
    /// argument list on a line of its own.
    /// </summary>
    public void ExpressionBody(string head, string expression)
    {
        if (Indent + head.Length + 4 + expression.Length + 1 <= MaxWidth)
        {
            Line($"{head} => {expression};");
            return;
        }

        int headOpen = head.IndexOf('(');
        if (Indent + head.Length + 3 > MaxWidth && headOpen > 0)
        {
            // The parameters on a line of their own (one per line when even that is too wide), the body below them.
            Line(head.Substring(0, headOpen + 1));
            _depth++;
            string parameters = head.Substring(headOpen + 1) + " =>";
            if (Indent + parameters.Length <= MaxWidth)
            {
                Line(parameters);
            }
            else
            {
                string[] each = parameters.Split(new[] { ", " }, StringSplitOptions.None);
                for (int i = 0; i < each.Length; i++)
                {
                    Line(each[i] + (i < each.Length - 1 ? "," : ""));
                }
            }
        }
        else
        {
            Line($"{head} =>");
            _depth++;
        }

        int open = expression.IndexOf('(');
        if (Indent + expression.Length + 1 <= MaxWidth || open < 0 || !expression.EndsWith(")", StringComparison.Ordinal))
        {
            Line(expression + ";");
        }
        else
        {
            Line(expression.Substring(0, open + 1));
            _depth++;
            Line(expression.Substring(open + 1) + ";");
            _depth--;
        }

        _depth--;
    }

    /// <summary>Items separated by commas, as many per line as fit, each line ending in a comma.</summary>
    public void List(IEnumerable<string> items)
    {
        var line = new StringBuilder();
        foreach (string item in items)
        {
            if (line.Length > 0 && Indent + line.Length + 1 + item.Length + 1 > MaxWidth)
            {
                Line(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(item).Append(',');
        }

        if (line.Length > 0)
        {
            Line(line.ToString());
        }
    }

    public override string ToString() => _text.ToString();

    /// <summary>Splits an argument list after each comma outside parentheses, keeping the commas.</summary>
    private static IEnumerable<string> SplitTopLevel(string arguments)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < arguments.Length; i++)
        {
            char c = arguments[i];
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0)
            {
                yield return arguments.Substring(start, i + 1 - start).Trim();
                start = i + 1;
            }
        }

        yield return arguments.Substring(start).Trim();
    }

    internal readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _closing;

        public Scope(SourceWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._depth--;
            _writer.Line(_closing);
        }
    }
}
