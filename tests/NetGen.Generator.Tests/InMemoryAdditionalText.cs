using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests;

/// <summary>An additional file held in memory, as the compiler hands one to generators.</summary>
internal sealed class InMemoryAdditionalText(string path, string? text) : AdditionalText
{
    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) =>
        text is null ? null : Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8);
}
