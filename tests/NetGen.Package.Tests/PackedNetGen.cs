using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace NetGen.Package.Tests;

/// <summary>
/// Packs src/NetGen once per test class, with <c>dotnet pack -c Release</c>, into a folder feed inside a work folder
/// under the system temp folder, outside the repository. Deleting the work folder at the end removes everything the
/// tests made.
/// </summary>
/// <remarks>
/// The pack builds into the work folder (<c>ArtifactsPath</c>), so the tests neither read nor write the repository's
/// bin and obj folders, and always pack the sources as they are.
/// </remarks>
public sealed class PackedNetGen : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(4);

    public PackedNetGen()
    {
        RepositoryRoot = FindRepositoryRoot();
        string project = Path.Combine(RepositoryRoot, "src", "NetGen", "NetGen.csproj");
        Version = ReadVersionPrefix(project);
        WorkDirectory = Path.Combine(Path.GetTempPath(), "netgen-package-tests-" + Guid.NewGuid().ToString("N"));
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        Directory.CreateDirectory(FeedDirectory);
        try
        {
            IsolateFromParentFolders(WorkDirectory);
            PackResult = DotNetCli.Run(
                ["pack", project, "-c", "Release", "-o", FeedDirectory,
                 "-p:ArtifactsPath=" + Path.Combine(WorkDirectory, "artifacts")],
                RepositoryRoot, PackTimeout);
            if (PackResult.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack of src/NetGen failed." + Environment.NewLine
                    + PackResult.Describe());
            }

            PackagePath = Path.Combine(FeedDirectory, $"NetGen.{Version}.nupkg");
            SymbolPackagePath = Path.Combine(FeedDirectory, $"NetGen.{Version}.snupkg");
            if (!File.Exists(PackagePath))
            {
                throw new InvalidOperationException(
                    $"dotnet pack did not create {Path.GetFileName(PackagePath)}; the feed holds: "
                    + string.Join(", ", Directory.GetFiles(FeedDirectory).Select(Path.GetFileName)) + Environment.NewLine
                    + PackResult.Describe());
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The folder that holds NetGen.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The package version: VersionPrefix of src/NetGen/NetGen.csproj.</summary>
    public string Version { get; }

    /// <summary>A new folder under the system temp folder; deleted by <see cref="Dispose"/>.</summary>
    public string WorkDirectory { get; }

    /// <summary>The local package source: the folder that holds the packed .nupkg and .snupkg.</summary>
    public string FeedDirectory { get; }

    /// <summary>The packed NetGen.{version}.nupkg in the feed.</summary>
    public string PackagePath { get; }

    /// <summary>The symbol package NetGen.{version}.snupkg beside it (not checked for existence here).</summary>
    public string SymbolPackagePath { get; }

    /// <summary>The pack command and its output.</summary>
    public CommandResult PackResult { get; }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(WorkDirectory))
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Leave it to the system's temp cleanup rather than hide a test's real failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// MSBuild and NuGet look for Directory.Build.props, Directory.Build.targets and Directory.Packages.props in every
    /// parent folder of a project. Empty ones at the top of the work folder end that search, so that nothing in the
    /// temp folder's parents (a stray Directory.Build.props in the system temp folder has been seen on build
    /// machines) changes the projects made here: they see only the SDK's defaults, like a new project on a clean
    /// machine.
    /// </summary>
    private static void IsolateFromParentFolders(string directory)
    {
        foreach (string name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(directory, name), "<Project />" + Environment.NewLine);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetGen.sln"))
                && File.Exists(Path.Combine(directory.FullName, "src", "NetGen", "NetGen.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds NetGen.sln and src/NetGen/NetGen.csproj.");
    }

    private static string ReadVersionPrefix(string project)
    {
        string? version = XDocument.Load(project).Descendants("VersionPrefix").Select(e => e.Value.Trim()).FirstOrDefault();
        if (string.IsNullOrEmpty(version))
        {
            throw new InvalidOperationException($"{project} has no VersionPrefix.");
        }

        return version;
    }
}
