using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security;
using System.Security.Cryptography;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Package.Tests;

/// <summary>
/// The NetGen package as a user meets it: packed from src/NetGen, added from a local folder feed to a new console
/// project, built and run.
/// </summary>
public sealed class PackageTests(PackedNetGen package, ITestOutputHelper output) : IClassFixture<PackedNetGen>
{
    private const string LibraryPath = "lib/net10.0/NetGen.dll";
    private const string GeneratorPath = "analyzers/dotnet/cs/NetGen.Generator.dll";

    private static readonly TimeSpan NewTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan AddPackageTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The user's program: the classic 2-3-1 network, trained by plain SGD on the three samples of the study data
    /// from the fixed initial parameters, so every number it prints is the same on every run.
    /// </summary>
    private const string ProgramSource =
        """
        using System;
        using NetGen;

        // (hours of sleep / 10, hours of study / 5) -> test score / 100
        float[] inputs = { 0.3f, 1.0f, 0.5f, 0.2f, 1.0f, 0.4f };
        float[] targets = { 0.75f, 0.82f, 0.93f };

        var net = new StudyScoreNet();
        INetwork<float> network = net;
        float before = net.CostBatch(inputs, targets);
        for (int epoch = 0; epoch < 5000; epoch++)
        {
            for (int row = 0; row < targets.Length; row++)
            {
                net.SgdStep(inputs.AsSpan(row * StudyScoreNet.InputSize, StudyScoreNet.InputSize),
                              targets.AsSpan(row * StudyScoreNet.OutputSize, StudyScoreNet.OutputSize), 0.5f);
            }
        }

        float after = net.CostBatch(inputs, targets);
        Span<float> predicted = stackalloc float[StudyScoreNet.OutputSize];
        net.Forward(inputs.AsSpan(0, StudyScoreNet.InputSize), predicted);

        Console.WriteLine(FormattableString.Invariant($"ParameterCount: {StudyScoreNet.ParameterCount}"));
        Console.WriteLine(FormattableString.Invariant($"INetwork ParameterCount: {network.ParameterCount}"));
        Console.WriteLine(FormattableString.Invariant($"NetworkLayout ParameterCount: {NetGen.CompilerServices.NetworkLayout.ParameterCount(new[] { 2, 3, 1 }, false)}"));
        Console.WriteLine(FormattableString.Invariant($"Cost before training: {before:R}"));
        Console.WriteLine(FormattableString.Invariant($"Cost after training: {after:R}"));
        Console.WriteLine(FormattableString.Invariant($"Predicted first score: {predicted[0]:R}"));

        // A model compiled into a type: digits.onnx (64-32-10, trained in PyTorch) is an AdditionalFiles item.
        var digits = new Digits();
        Span<float> probabilities = stackalloc float[Digits.OutputSize];
        digits.Forward(new float[Digits.InputSize], probabilities);
        Console.WriteLine(FormattableString.Invariant($"Digits sizes: {Digits.InputSize} {Digits.OutputSize}"));
        Console.WriteLine(FormattableString.Invariant($"Digits first probability: {probabilities[0]:R}"));

        [Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Loss = Loss.SquaredError, Bias = false)]
        public partial class StudyScoreNet { }

        [NetworkModel("digits.onnx")]
        public partial class Digits { }
        """;

    [Fact]
    public void Package_HoldsTheLibraryAndTheGenerator_AndDependsOnNeitherTheGeneratorNorRoslyn()
    {
        output.WriteLine($"dotnet pack: {package.PackResult.Elapsed.TotalSeconds:F1} s");
        using ZipArchive archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        string listing = string.Join(Environment.NewLine, entries.Order(StringComparer.Ordinal));
        output.WriteLine(listing);

        foreach (string expected in new[]
                 {
                     LibraryPath, "lib/net10.0/NetGen.xml", GeneratorPath, "README.md", "LICENSE",
                     "build/NetGen.targets", "buildTransitive/NetGen.targets",
                 })
        {
            Assert.True(entries.Contains(expected), $"The package has no {expected}. It holds:{Environment.NewLine}{listing}");
        }

        // The generator is an analyzer only (never a lib assembly the user's code references), and nothing of
        // Roslyn ships: the compiler that loads the generator provides it.
        string[] assemblies = entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.Equal(new[] { GeneratorPath, LibraryPath }, assemblies.Order(StringComparer.Ordinal));

        XElement metadata = ReadNuspecMetadata(archive);
        Assert.Equal("NetGen", Element(metadata, "id"));
        Assert.Equal(package.Version, Element(metadata, "version"));
        Assert.Equal("MIT", Element(metadata, "license"));
        Assert.Equal("README.md", Element(metadata, "readme"));
        // The generator ships inside the package and its Roslyn references are private to it: neither may become a
        // dependency that every user restores.
        string[] dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => d.Attribute("id")?.Value ?? "").ToArray();
        output.WriteLine("Dependencies: " + string.Join(", ", dependencies));
        Assert.DoesNotContain(dependencies, id => id.Equals("NetGen.Generator", StringComparison.OrdinalIgnoreCase)
            || id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));

        Assert.True(File.Exists(package.SymbolPackagePath), $"dotnet pack did not create {package.SymbolPackagePath}.");
        using ZipArchive symbols = ZipFile.OpenRead(package.SymbolPackagePath);
        Assert.Contains("lib/net10.0/NetGen.pdb", symbols.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void NewConsoleProject_WithThePackage_GeneratesTrainsAndRunsTheNetwork()
    {
        string app = Path.Combine(package.WorkDirectory, "app");
        // A package folder of its own, so that a NetGen of the same version cached by an earlier pack can never be used.
        var nuget = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(package.WorkDirectory, "packages") };

        Step(DotNetCli.Run(["new", "console", "--name", "Consumer", "--output", app, "--framework", "net10.0", "--no-restore"],
            package.WorkDirectory, NewTimeout, nuget));
        File.WriteAllText(Path.Combine(app, "nuget.config"), NuGetConfig(package.FeedDirectory));
        File.WriteAllText(Path.Combine(app, "Program.cs"), ProgramSource);
        File.Copy(Path.Combine(package.RepositoryRoot, "tests", "NetGen.Tests", "Models", "Fixtures", "digits.onnx"), Path.Combine(app, "digits.onnx"));
        string projectFile = Path.Combine(app, "Consumer.csproj");
        File.WriteAllText(projectFile, File.ReadAllText(projectFile).Replace(
            "</Project>", "  <ItemGroup>\n    <AdditionalFiles Include=\"digits.onnx\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));

        // No --source: it would make the feed the only source of this restore, and NetGen's own dependencies come
        // from nuget.org. nuget.config names both.
        Step(DotNetCli.Run(["add", "package", "NetGen", "--version", package.Version], app, AddPackageTimeout, nuget));
        AssertRestoredFromTheFeed(Path.Combine(package.WorkDirectory, "packages"));

        CommandResult build = Step(DotNetCli.Run(["build", "-c", "Release"], app, BuildTimeout, nuget));
        // The template's project enables nullable reference types and implicit usings: the generated code must
        // compile there without a warning.
        string[] warnings = build.StandardOutput.Split('\n')
            .Where(line => line.Contains(": warning CS", StringComparison.Ordinal)
                || line.Contains(": warning NETGEN", StringComparison.Ordinal))
            .ToArray();
        Assert.True(warnings.Length == 0, "The build reported warnings:" + Environment.NewLine + build.Describe());

        CommandResult run = Step(DotNetCli.Run(["run", "-c", "Release", "--no-build"], app, RunTimeout, nuget));
        Dictionary<string, string> printed = ParseLines(run.StandardOutput);
        string described = run.Describe();

        Assert.True(printed.TryGetValue("ParameterCount", out string? count) && count == "9", described);
        Assert.True(printed.TryGetValue("INetwork ParameterCount", out count) && count == "9", described);
        Assert.True(printed.TryGetValue("NetworkLayout ParameterCount", out count) && count == "9", described);

        Assert.True(printed.TryGetValue("Digits sizes", out string? sizes) && sizes == "64 10", described);
        float probability = ParseFloat(printed, "Digits first probability", described);
        Assert.True(probability is > 0f and < 1f, described);

        float before = ParseFloat(printed, "Cost before training", described);
        float after = ParseFloat(printed, "Cost after training", described);
        Assert.True(after < 1e-2f && after < before / 100, $"Training did not lower the cost enough.{Environment.NewLine}{described}");
    }

    /// <summary>
    /// Sources: the feed, and nuget.org back after <c>&lt;clear /&gt;</c> so that everything else a project may need
    /// still restores. The mapping takes NetGen from the feed only, never from another source.
    /// </summary>
    private static string NuGetConfig(string feed) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="netgen-local" value="{SecurityElement.Escape(feed)}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="netgen-local">
              <package pattern="NetGen" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    /// <summary>The package the project restored is, byte for byte, the one packed by the fixture.</summary>
    private void AssertRestoredFromTheFeed(string packagesFolder)
    {
        string installed = Path.Combine(packagesFolder, "netgen", package.Version.ToLowerInvariant());
        string hashFile = Path.Combine(installed, $"netgen.{package.Version.ToLowerInvariant()}.nupkg.sha512");
        Assert.True(File.Exists(hashFile), $"NetGen {package.Version} was not restored into {installed}.");
        string expected = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(package.PackagePath)));
        Assert.Equal(expected, File.ReadAllText(hashFile).Trim());
        Assert.True(File.Exists(Path.Combine(installed, "analyzers", "dotnet", "cs", "NetGen.Generator.dll")));
    }

    private CommandResult Step(CommandResult result)
    {
        output.WriteLine($"{result.CommandLine}: exit code {result.ExitCode}, {result.Elapsed.TotalSeconds:F1} s");
        Assert.True(result.ExitCode == 0, result.Describe());
        return result;
    }

    private static XElement ReadNuspecMetadata(ZipArchive archive)
    {
        ZipArchiveEntry nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream stream = nuspec.Open();
        XDocument document = XDocument.Load(stream);
        return document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Element(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    /// <summary>"Name: value" lines of the program's output.</summary>
    private static Dictionary<string, string> ParseLines(string text)
    {
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n'))
        {
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                lines[line[..colon].Trim()] = line[(colon + 2)..].Trim();
            }
        }

        return lines;
    }

    private static float ParseFloat(Dictionary<string, string> printed, string name, string described)
    {
        Assert.True(printed.TryGetValue(name, out string? text), $"The program printed no '{name}' line.{Environment.NewLine}{described}");
        Assert.True(float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value),
            $"'{name}: {text}' is not a number.{Environment.NewLine}{described}");
        return value;
    }
}
