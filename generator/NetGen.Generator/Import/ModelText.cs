using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Import;

/// <summary>
/// One of the project's additional files as the model stage sees it: its path, and for the formats read as text
/// (JSON) its text. Value-equal, so an unchanged file costs nothing downstream and is not read again.
/// </summary>
/// <param name="Path">The file's full path as the compiler was given it.</param>
/// <param name="Text">The file's text; <see langword="null"/> when it is not a text model format or could not be read.</param>
/// <param name="IsTextFormat">Whether the extension is one of the text model formats (<c>.json</c>).</param>
internal sealed record ModelText(string Path, string? Text, bool IsTextFormat)
{
    /// <summary>The longest model file read, in characters; a larger one is refused before it is parsed.</summary>
    public const int MaxLength = 256 * 1024 * 1024;

    public static bool IsText(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static ModelText Read(AdditionalText file, CancellationToken cancellationToken)
    {
        // Only text formats are read: reading a binary file as text is a compiler error (CS2015) for the whole build.
        if (!IsText(file.Path))
        {
            return new ModelText(file.Path, null, IsTextFormat: false);
        }

        SourceText? text = file.GetText(cancellationToken);
        return new ModelText(file.Path, text is null || text.Length > MaxLength ? null : text.ToString(), IsTextFormat: true);
    }
}
