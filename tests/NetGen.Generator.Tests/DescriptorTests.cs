using System;
using System.Linq;
using System.IO;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// The diagnostic descriptors: stable IDs, one category, errors, each tracked in the analyzer release files and
/// listed in docs/diagnostics, each with a page its help link points to.
/// </summary>
public sealed class DescriptorTests
{
    private static readonly DiagnosticDescriptor[] All = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Ids_AreNetGen001To033_EachOnce()
    {
        Assert.Equal(
            Enumerable.Range(1, 34).Select(i => $"NETGEN{i:000}"),
            All.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AllDescriptors_ShareOneCategory_AreEnabledErrors_WithTitleAndMessage()
    {
        Assert.Single(All.Select(d => d.Category).Distinct());
        Assert.All(All, d =>
        {
            Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault, d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat.ToString()), d.Id);
        });
    }

    [Fact]
    public void AllDescriptors_AreTrackedInAnalyzerReleases_AndListedInTheDiagnosticsIndex()
    {
        string root = RepositoryRoot();
        string releases = File.ReadAllText(Path.Combine(root, "generator", "NetGen.Generator", "Diagnostics", "AnalyzerReleases.Unshipped.md"));
        string index = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", "README.md"));
        Assert.All(All, d =>
        {
            Assert.Contains($"{d.Id} | {d.Category} | {d.DefaultSeverity}", releases);
            Assert.Contains($"| [{d.Id}]({d.Id}.md) |", index);
        });
    }

    /// <summary>The folder holding NetGen.sln, found from the test binaries (source paths are mapped in CI builds).</summary>
    internal static string RepositoryRoot()
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

    [Fact]
    public void EveryDescriptor_HasADescription_AndAHelpLinkToItsOwnPage()
    {
        Assert.All(All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()), d.Id);
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + d.Id + ".md", d.HelpLinkUri);
        });
        Assert.Equal(All.Length, All.Select(d => d.HelpLinkUri).Distinct().Count());
    }

    [Fact]
    public void EveryDescriptor_CannotBeConfiguredAway()
    {
        // Each error means no network was generated: lowering or silencing it would only leave the user with
        // compiler errors about members that do not exist.
        Assert.All(All, d => Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, d.CustomTags));
    }
}
