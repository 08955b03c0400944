using System;
using NetGen.IO;

namespace NetGen.Onnx;

/// <summary>
/// An ONNX model could not be read into a network: the bytes are not a valid ONNX protobuf, or the graph is not a
/// dense network of the target's shape, element type and activations. The message says what was expected and what
/// was found, and ends with the file the model came from (or says that it came from a stream); <see cref="NetworkFileException.FileName"/>
/// holds that file's path. The network's parameters are left untouched.
/// </summary>
public sealed class OnnxFormatException : NetworkFileException
{
    /// <summary>Creates an exception with a default message.</summary>
    public OnnxFormatException()
        : base("The ONNX model does not match the network.", null, null)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What is wrong, with the expected and the found value.</param>
    public OnnxFormatException(string message)
        : base(message, null, null)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What is wrong, with the expected and the found value.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public OnnxFormatException(string message, Exception innerException)
        : base(message, null, innerException)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> about the file <paramref name="fileName"/>.</summary>
    /// <param name="message">What is wrong; it should name the file, as <see cref="OnnxModel"/>'s messages do.</param>
    /// <param name="fileName">The path of the model file, or null if the model did not come from a file.</param>
    public OnnxFormatException(string message, string? fileName)
        : base(message, fileName, null)
    {
    }

    /// <summary>
    /// Creates an exception with <paramref name="message"/> about the file <paramref name="fileName"/>, caused by
    /// <paramref name="innerException"/>.
    /// </summary>
    /// <param name="message">What is wrong; it should name the file, as <see cref="OnnxModel"/>'s messages do.</param>
    /// <param name="fileName">The path of the model file, or null if the model did not come from a file.</param>
    /// <param name="innerException">The error that caused this one, or null.</param>
    public OnnxFormatException(string message, string? fileName, Exception? innerException)
        : base(message, fileName, innerException)
    {
    }
}
