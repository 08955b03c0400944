using System;

namespace NetGen.IO;

/// <summary>
/// A file's content cannot be loaded into a network: weights or a model that are malformed, corrupted, or describe a
/// different network. Each format throws its own exception derived from this one (<see cref="WeightFileException"/>,
/// <see cref="Onnx.OnnxFormatException"/>), so catching this catches every content error of every format; missing
/// files and I/O failures stay the usual <see cref="System.IO.IOException"/>s. The message says what is wrong and
/// names the file, which <see cref="FileName"/> also holds. When this is thrown, the network has not been changed.
/// </summary>
/// <remarks>
/// It plays the part of <see cref="System.IO.InvalidDataException"/>, which is sealed and so cannot be a base class.
/// </remarks>
public abstract class NetworkFileException : Exception
{
    /// <summary>Creates the exception with <paramref name="message"/>, the file and the exception that revealed the problem.</summary>
    /// <param name="message">What is wrong; it names the file, as the loaders' messages do.</param>
    /// <param name="fileName">The path of the file, or null if the data did not come from a file.</param>
    /// <param name="innerException">The underlying failure, for example a JSON syntax error, or null.</param>
    protected NetworkFileException(string message, string? fileName, Exception? innerException)
        : base(message, innerException)
    {
        FileName = fileName;
    }

    /// <summary>
    /// The path of the file that could not be loaded: the path given to <c>Load</c>, or the name of the
    /// <see cref="System.IO.FileStream"/> it read; null when the data came from another kind of stream.
    /// </summary>
    public string? FileName { get; }
}
