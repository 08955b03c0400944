using System;

namespace NetGen.IO;

/// <summary>
/// A weight file (NetGen binary, PyTorch or Keras JSON) cannot be loaded into a network: it is malformed,
/// corrupted, or describes a different network. The message names the field or layer that is wrong, gives the
/// expected and the found value, and ends with the file the data came from (or says that it came from a stream);
/// <see cref="NetworkFileException.FileName"/> holds that file's path. When this is thrown, the network's parameters have not been changed.
/// </summary>
public sealed class WeightFileException : NetworkFileException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public WeightFileException()
        : base("The weight file cannot be loaded into this network.", null, null)
    {
    }

    /// <summary>Creates the exception with a message that says what is wrong.</summary>
    /// <param name="message">Which field or layer is wrong, with the expected and the found value.</param>
    public WeightFileException(string message)
        : base(message, null, null)
    {
    }

    /// <summary>Creates the exception with a message and the exception that revealed the problem.</summary>
    /// <param name="message">Which field or layer is wrong, with the expected and the found value.</param>
    /// <param name="innerException">The underlying failure, for example a JSON syntax error.</param>
    public WeightFileException(string message, Exception? innerException)
        : base(message, null, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the file that was being read.</summary>
    /// <param name="message">What is wrong; it should name the file, as the loaders' messages do.</param>
    /// <param name="fileName">The path of the file, or null if the data did not come from a file.</param>
    public WeightFileException(string message, string? fileName)
        : base(message, fileName, null)
    {
    }

    /// <summary>Creates the exception with a message, the file that was being read and the exception that revealed the problem.</summary>
    /// <param name="message">What is wrong; it should name the file, as the loaders' messages do.</param>
    /// <param name="fileName">The path of the file, or null if the data did not come from a file.</param>
    /// <param name="innerException">The underlying failure, for example a JSON syntax error.</param>
    public WeightFileException(string message, string? fileName, Exception? innerException)
        : base(message, fileName, innerException)
    {
    }
}
