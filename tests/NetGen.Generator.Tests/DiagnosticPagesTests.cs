using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Diagnostics;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// The pages in docs/diagnostics: one per descriptor, titled with its ID and title, listed in the index, and with
/// examples that do what they say: the wrong declaration reports that diagnostic and nothing else, the fixed one
/// reports nothing and compiles.
/// </summary>
public sealed class DiagnosticPagesTests
{
    /// <summary>An internal failure: its page explains how to report it and shows no examples.</summary>
    private const string InternalFailureId = "NETGEN009";

    private const string WrongHeading = "## Wrong";
    private const string FixedHeading = "## Fixed";

    private static readonly DiagnosticDescriptor[] All = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    public static TheoryData<string> Ids() => new(All.Select(d => d.Id).Order(StringComparer.Ordinal));

    public static TheoryData<string> IdsWithExamples() =>
        new(All.Select(d => d.Id).Where(id => id != InternalFailureId).Order(StringComparer.Ordinal));

    [Fact]
    public void Descriptors_AreFound()
    {
        // Guards the theories below against passing vacuously on an empty list.
        Assert.NotEmpty(All);
        Assert.Contains(All, d => d.Id == InternalFailureId);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_Exists_AndStartsWithIdAndTitle_AndStatesTheSeverity(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        string path = PagePath(id);
        Assert.True(File.Exists(path), $"Missing page {path}");

        string[] lines = File.ReadAllLines(path);
        Assert.NotEmpty(lines);
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Contains("**Severity:** Error", lines);
        Assert.Equal(1, lines.Count(line => line == "## What triggers it"));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_IsListedInTheIndex_WithItsTitle(string id)
    {
        string[] index = File.ReadAllLines(IndexPath());
        string row = $"| [{id}]({id}.md) | {Descriptor(id).Title} |";
        Assert.True(index.Contains(row), $"{IndexPath()} has no row\n  {row}");
    }

    [Fact]
    public void PagesAndIndex_HoldNoIdWithoutADescriptor()
    {
        string[] ids = All.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();
        string[] pages = Directory.GetFiles(PagesDirectory(), "NETGEN*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] listed = File.ReadAllLines(IndexPath())
            .Where(line => line.StartsWith("| [NETGEN", StringComparison.Ordinal))
            .Select(line => line.Substring("| [".Length, "NETGEN000".Length))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(ids, pages);
        Assert.Equal(ids, listed);
    }

    [Fact]
    public void Index_SaysTheErrorsCannotBeLoweredInSeverity()
    {
        string index = File.ReadAllText(IndexPath());
        Assert.Contains("cannot be lowered in severity", index);
    }

    [Theory]
    [MemberData(nameof(IdsWithExamples))]
    public void WrongExample_ReportsThisDiagnostic_AndNoOther(string id)
    {
        string source = Example(id, WrongHeading);

        GeneratorRun run = RunExample(id, WrongHeading, source);

        Assert.Null(run.Exception);
        string reported = GeneratorHarness.Describe(run.GeneratorDiagnostics);
        Assert.True(
            run.GeneratorDiagnostics.Any(d => d.Id == id),
            $"The '{WrongHeading}' example of {id} does not report {id}; it reports:\n{reported}");
        Assert.True(
            run.GeneratorDiagnostics.All(d => d.Id == id),
            $"The '{WrongHeading}' example of {id} reports other diagnostics too:\n{reported}");
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));

        // The page shows one mistake: the C# compiler itself has nothing to complain about.
        Diagnostic[] compilerErrors = run.OutputDiagnosticsAtLeast(DiagnosticSeverity.Error).ToArray();
        Assert.True(
            compilerErrors.Length == 0,
            $"The '{WrongHeading}' example of {id} has compiler errors:\n" + GeneratorHarness.Describe(compilerErrors));
    }

    [Theory]
    [MemberData(nameof(IdsWithExamples))]
    public void FixedExample_ReportsNothing_AndCompiles(string id)
    {
        string source = Example(id, FixedHeading);
        if (LanguageVersionOf(id, WrongHeading) == LanguageVersionOf(id, FixedHeading))
        {
            // The fix may be in the example's additional files rather than in its code.
            Assert.NotEqual(Example(id, WrongHeading) + FilesText(id, WrongHeading), source + FilesText(id, FixedHeading));
        }

        GeneratorRun run = RunExample(id, FixedHeading, source);

        Assert.Null(run.Exception);
        Assert.True(
            run.GeneratorDiagnostics.IsEmpty,
            $"The '{FixedHeading}' example of {id} reports:\n" + GeneratorHarness.Describe(run.GeneratorDiagnostics));
        Assert.NotEmpty(run.GeneratedSources);
        Diagnostic[] errors = run.OutputDiagnosticsAtLeast(DiagnosticSeverity.Error).ToArray();
        Assert.True(
            errors.Length == 0,
            $"The '{FixedHeading}' example of {id} does not compile:\n" + GeneratorHarness.Describe(errors));
    }

    [Fact]
    public void InternalFailurePage_ShowsNoExamples_AndSaysToReportIt()
    {
        string[] lines = File.ReadAllLines(PagePath(InternalFailureId));

        Assert.DoesNotContain(WrongHeading, lines);
        Assert.DoesNotContain(FixedHeading, lines);
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("```", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("bug", StringComparison.Ordinal));
    }

    /// <summary>
    /// The single <c>csharp</c> fenced block of the section under <paramref name="heading"/>, which must appear
    /// exactly once; the block must be a whole file with <c>using NetGen;</c> and a namespace.
    /// </summary>
    private static string Example(string id, string heading)
    {
        string path = PagePath(id);
        Assert.True(File.Exists(path), $"Missing page {path}");
        List<Section> sections = Sections(File.ReadAllLines(path));

        Section section = Assert.Single(sections, s => s.Heading == heading);
        Assert.All(section.Blocks, b => Assert.True(b.Info == "csharp" || b.Info.StartsWith(FilePrefix, StringComparison.Ordinal), b.Info));
        (string Info, string Code) block = Assert.Single(section.Blocks, b => b.Info == "csharp");
        string[] code = block.Code.Split('\n');
        Assert.Contains("using NetGen;", code);
        Assert.Contains(code, line => line.StartsWith("namespace ", StringComparison.Ordinal));
        return block.Code;
    }

    /// <summary>
    /// Runs the generator on an example, in the C# version the section names in a
    /// <c>&lt;!-- LangVersion: 11 --&gt;</c> line (a project setting no code block can show), else the newest.
    /// </summary>
    private static GeneratorRun RunExample(string id, string heading, string source)
    {
        LanguageVersion version = LanguageVersion.Latest;
        if (LanguageVersionOf(id, heading) is { } named)
        {
            Assert.True(LanguageVersionFacts.TryParse(named, out version), $"{id}: unknown LangVersion '{named}'");
        }

        CSharpParseOptions options = GeneratorHarness.DefaultParseOptions.WithLanguageVersion(version);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation([source], options, NullableContextOptions.Enable);
        return GeneratorHarness.Run(compilation, GeneratorHarness.CreateDriver(options, AdditionalFilesOf(id, heading)));
    }

    /// <summary>
    /// The project's additional files an example needs: each <c>json path</c> block of the section is a file at
    /// <c>/project/path</c>, as the project file would list it.
    /// </summary>
    private static IEnumerable<AdditionalText> AdditionalFilesOf(string id, string heading) =>
        Assert.Single(Sections(File.ReadAllLines(PagePath(id))), s => s.Heading == heading).Blocks
            .Where(b => b.Info.StartsWith(FilePrefix, StringComparison.Ordinal))
            .Select(b => new InMemoryAdditionalText("/project/" + b.Info.Substring(FilePrefix.Length), b.Code))
            .ToList();

    private static string FilesText(string id, string heading) =>
        string.Concat(AdditionalFilesOf(id, heading).Select(f => f.Path + "\n" + f.GetText()));

    /// <summary>The info string of a block that is one of the example's additional files.</summary>
    private const string FilePrefix = "json ";

    private static string? LanguageVersionOf(string id, string heading) =>
        Assert.Single(Sections(File.ReadAllLines(PagePath(id))), s => s.Heading == heading).LanguageVersion;

    /// <summary>A level-two section of a page: its heading line and its fenced code blocks (info string, text).</summary>
    private sealed record Section(string Heading, List<(string Info, string Code)> Blocks)
    {
        /// <summary>The C# version the section's example is compiled with, when it names one.</summary>
        public string? LanguageVersion { get; set; }
    }

    private const string LanguageVersionPrefix = "<!-- LangVersion: ";

    /// <summary>Splits a page into its <c>## </c> sections; a heading inside a fenced block does not count.</summary>
    private static List<Section> Sections(string[] lines)
    {
        var sections = new List<Section>();
        Section? current = null;
        string? fenceInfo = null;
        var code = new List<string>();
        foreach (string line in lines)
        {
            if (fenceInfo is not null)
            {
                if (line.TrimEnd() == "```")
                {
                    current?.Blocks.Add((fenceInfo, string.Join("\n", code) + "\n"));
                    fenceInfo = null;
                    code.Clear();
                }
                else
                {
                    code.Add(line);
                }
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fenceInfo = line.Substring(3).Trim();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = new Section(line.TrimEnd(), []);
                sections.Add(current);
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                current = null;
            }
            else if (current is not null && line.StartsWith(LanguageVersionPrefix, StringComparison.Ordinal))
            {
                current.LanguageVersion = line.Substring(LanguageVersionPrefix.Length).Replace("-->", "").Trim();
            }
        }

        Assert.True(fenceInfo is null, "A fenced code block is not closed");
        return sections;
    }

    private static DiagnosticDescriptor Descriptor(string id) => Assert.Single(All, d => d.Id == id);

    private static string PagePath(string id) => Path.Combine(PagesDirectory(), id + ".md");

    private static string IndexPath() => Path.Combine(PagesDirectory(), "README.md");

    private static string PagesDirectory() => Path.Combine(RepositoryRoot(), "docs", "diagnostics");

    /// <summary>The folder holding NetGen.sln, found from the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find NetGen.sln above " + AppContext.BaseDirectory);
    }
}
