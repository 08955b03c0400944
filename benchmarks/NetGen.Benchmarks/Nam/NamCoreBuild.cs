using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using NetGen.Benchmarks.Plain;

namespace NetGen.Benchmarks.Nam;

/// <summary>
/// Builds <c>benchmarks/cpp/nam_bench.cpp</c> against a NAM core source tree: its <c>NAM/*.cpp</c> and
/// <c>NAM/wavenet/*.cpp</c> compiled to objects and linked directly (each architecture registers itself in a static
/// initializer, which a static library could drop). Objects and the program are cached in the temp folder under a hash
/// of every source, header and flag, so a rerun on the same tree builds nothing.
/// </summary>
internal static class NamCoreBuild
{
    public static readonly string[] Flags = ["-O3", "-march=native", "-std=c++17", "-DNDEBUG", "-DNAM_ENABLE_A2_FAST"];
    private const string SystemEigen = "/usr/include/eigen3";

    /// <summary>The program, and a line saying how it was built; or null and the reason.</summary>
    public static (string? Program, string Note) Build(string tree)
    {
        string root = Path.GetFullPath(tree);
        if (!Directory.Exists(Path.Combine(root, "NAM")) && Directory.Exists(Path.Combine(root, "src", "NAM")))
        {
            root = Path.Combine(root, "src");
        }

        string nam = Path.Combine(root, "NAM");
        string? harness = ExternalTools.FindSource("nam_bench.cpp");
        if (!Directory.Exists(nam) || harness is null)
        {
            return (null, harness is null ? "benchmarks/cpp/nam_bench.cpp not found" : $"no NAM folder in {tree}");
        }

        string bundled = Path.Combine(root, "Dependencies", "eigen");
        (string eigen, string eigenNote) = Directory.Exists(Path.Combine(bundled, "Eigen"))
            ? (bundled, "the tree's Dependencies/eigen")
            : (SystemEigen, $"{SystemEigen} (the tree's Dependencies/eigen is empty)");
        if (!Directory.Exists(Path.Combine(eigen, "Eigen")))
        {
            return (null, $"Eigen not found ({bundled} is empty and {SystemEigen} is missing; install libeigen3-dev)");
        }

        string[] includes = ["-I", root, "-I", nam, "-I", Path.Combine(root, "Dependencies", "nlohmann"), "-isystem", eigen];
        string[] sources = Directory.GetFiles(nam, "*.cpp").Concat(Directory.GetFiles(Path.Combine(nam, "wavenet"), "*.cpp"))
            .Order(StringComparer.Ordinal).ToArray();
        string[] hashed = Directory.GetFiles(nam, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Append(harness).ToArray();
        string key = Hash(hashed, string.Join(' ', Flags.Concat(includes)));
        string directory = Path.Combine(Path.GetTempPath(), $"netgen-namcore-{key}");
        string program = Path.Combine(directory, "nam_bench");
        string note = $"NAM core: {root}, g++ {string.Join(' ', Flags)} ({ExternalTools.GccVersion()}), Eigen from {eigenNote}.";
        if (File.Exists(program))
        {
            return (program, note + " Cached build.");
        }

        Directory.CreateDirectory(directory);
        try
        {
            var objects = new string[sources.Length];
            Parallel.For(0, sources.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                string relative = Path.GetRelativePath(root, sources[i]).Replace(Path.DirectorySeparatorChar, '_');
                objects[i] = Path.Combine(directory, Path.ChangeExtension(relative, ".o"));
                Compile([.. Flags, .. includes, "-c", sources[i]], objects[i]);
            });
            Compile([.. Flags, .. includes, harness, .. objects], program);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or AggregateException)
        {
            return (null, $"NAM core not built: {e.Message.Split('\n')[0]}");
        }

        return (program, note);
    }

    /// <summary>Runs g++ writing to a temporary name first, so an interrupted build leaves no file behind that looks finished.</summary>
    private static void Compile(string[] arguments, string output)
    {
        if (File.Exists(output))
        {
            return;
        }

        string temporary = output + ".partial";
        ExternalTools.Run("g++", [.. arguments, "-o", temporary], pinned: false).ToList();
        File.Move(temporary, output, overwrite: true);
    }

    private static string Hash(IEnumerable<string> files, string flags)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(flags));
        foreach (string file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
