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

        // Same directory, so the final rename never crosses file systems; a leading dot hides it on Unix.
        string tempPath = Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}.tmp");
        bool replaced = false;
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
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
