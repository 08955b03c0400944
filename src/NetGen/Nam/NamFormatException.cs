using System;
using NetGen.IO;

namespace NetGen.Nam;

/// <summary>
/// A <c>.nam</c> file cannot be played: it is not valid JSON, not a NAM model, a model of an architecture or with an
/// option NetGen does not play, or its weights do not fit its configuration. The message says what and ends with the
/// file (or says that the model was read from a stream); <see cref="NetworkFileException.FileName"/> holds its path.
/// </summary>
public sealed class NamFormatException : NetworkFileException
{
    /// <summary>Creates an exception with a default message.</summary>
    public NamFormatException()
        : base("The file is not a NAM model NetGen plays.", null, null)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What is wrong.</param>
    public NamFormatException(string message)
        : base(message, null, null)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public NamFormatException(string message, Exception innerException)
        : base(message, null, innerException)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> about the file <paramref name="fileName"/>.</summary>
    /// <param name="message">What is wrong; it names the file.</param>
    /// <param name="fileName">The path of the file, or null if the model did not come from a file.</param>
    /// <param name="innerException">The error that caused this one, or null.</param>
    public NamFormatException(string message, string? fileName, Exception? innerException)
        : base(message, fileName, innerException)
    {
    }
}
