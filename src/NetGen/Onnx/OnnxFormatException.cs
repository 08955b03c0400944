using System;

namespace NetGen.Onnx;

/// <summary>
/// An ONNX model could not be read into a network: the bytes are not a valid ONNX protobuf, or the graph is not a
/// dense network of the target's shape, element type and activations. The message says what was expected and what
/// was found. The network's parameters are left untouched.
/// </summary>
public sealed class OnnxFormatException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public OnnxFormatException()
        : base("The ONNX model does not match the network.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What is wrong, with the expected and the found value.</param>
    public OnnxFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What is wrong, with the expected and the found value.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public OnnxFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
