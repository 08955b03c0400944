using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Import;

/// <summary>How a model file reaches the generator.</summary>
internal enum ModelTextKind
{
    /// <summary>A text format (<c>.json</c>), read as is.</summary>
    Json,

    /// <summary>
    /// A binary format (<c>.onnx</c>) that NetGen's build step (<c>build/NetGen.targets</c>) encoded as base64 text,
    /// because a binary additional file cannot be read as text (CS2015 for the whole build).
    /// </summary>
    Base64,

    /// <summary>Any other file, or a binary one that reached the compiler without the build step: never read.</summary>
    NotRead,
}

/// <summary>
/// One of the project's additional files as the model stage sees it: the model file's path, how it arrived and, when
/// it is read, its text. Value-equal, so an unchanged file costs nothing downstream and is not read again.
/// </summary>
/// <param name="Path">The model file's full path: the original file's for an encoded one.</param>
/// <param name="Text">The text (JSON, or base64); <see langword="null"/> when not read or unreadable.</param>
/// <param name="Kind">How the file arrived.</param>
internal sealed record ModelText(string Path, string? Text, ModelTextKind Kind)
{
    /// <summary>The longest model file read, in characters; a larger one is refused before it is parsed.</summary>
    public const int MaxLength = 256 * 1024 * 1024;

    /// <summary>The item metadata NetGen's build step sets on an encoded file: the model file it encodes.</summary>
    public const string SourceMetadata = "build_metadata.AdditionalFiles.NetGenModelSource";

    public static ModelText Read(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (options.TryGetValue(SourceMetadata, out string? source) && source.Trim().Length > 0)
        {
            return new ModelText(source, ReadText(file, cancellationToken), ModelTextKind.Base64);
        }

        // Only text formats are read: reading a binary file as text is a compiler error (CS2015) for the whole build.
        return file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? new ModelText(file.Path, ReadText(file, cancellationToken), ModelTextKind.Json)
            : new ModelText(file.Path, null, ModelTextKind.NotRead);
    }

    private static string? ReadText(AdditionalText file, CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        return text is null || text.Length > MaxLength ? null : text.ToString();
    }
}
