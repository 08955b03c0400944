using System;
using System.IO;

namespace NetGen.IO;

/// <summary>Replaces a file so that readers see either its old or its new complete content, never a mix.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes a temporary file in the directory of <paramref name="path"/> with <paramref name="write"/>, flushes
    /// it to disk, then renames it over <paramref name="path"/>. On any failure the temporary file is deleted and
    /// <paramref name="path"/> keeps its previous content (or stays absent).
    /// </summary>
    public static void Replace(string path, Action<Stream> write)
    {
        string fullPath = Path.GetFullPath(path);
        string fileName = Path.GetFileName(fullPath);
        string? directory = Path.GetDirectoryName(fullPath);
        if (fileName.Length == 0 || directory is null)
        {
            throw new ArgumentException($"'{path}' does not name a file.", nameof(path));
        }

        // Same directory, so the final rename never crosses file systems; a leading dot hides it on Unix. One name per
        // target: a save killed midway leaves at most this one file, which the next save to the path overwrites.
        string tempPath = TemporaryPathOf(directory, fileName);
        bool replaced = false;
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, fullPath, overwrite: true);
            replaced = true;
        }
        finally
        {
            if (!replaced)
            {
                TryDelete(tempPath);
            }
        }
    }

    /// <summary>The temporary file a save to <paramref name="fileName"/> in <paramref name="directory"/> writes first.</summary>
    public static string TemporaryPathOf(string directory, string fileName) => Path.Combine(directory, $".{fileName}.netgen-tmp");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
