using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generator.Tests;

/// <summary>
/// Binary model files as build/NetGen.targets hands them to the compiler: an additional file of base64 text under
/// obj/ for each, with the build_metadata.AdditionalFiles.NetGenModelSource option naming the model file.
/// </summary>
internal sealed class EncodedModelFiles : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, string> _sourceByPath;

    private EncodedModelFiles(ImmutableArray<AdditionalText> texts, Dictionary<string, string> sourceByPath)
    {
        Texts = texts;
        _sourceByPath = sourceByPath;
    }

    public ImmutableArray<AdditionalText> Texts { get; }

    public override AnalyzerConfigOptions GlobalOptions => Options.Empty;

    public static EncodedModelFiles Of(IEnumerable<(string Path, byte[] Bytes)> models)
    {
        var texts = ImmutableArray.CreateBuilder<AdditionalText>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        int index = 0;
        foreach ((string path, byte[] bytes) in models)
        {
            string encoded = $"/p/obj/netgen/{index++:x8}/{System.IO.Path.GetFileName(path)}.base64";
            texts.Add(new InMemoryAdditionalText(encoded, Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks)));
            sources[encoded] = path;
        }

        return new EncodedModelFiles(texts.ToImmutable(), sources);
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _sourceByPath.TryGetValue(textFile.Path, out string? source)
            ? new Options(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.NetGenModelSource"] = source })
            : Options.Empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
