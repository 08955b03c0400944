using System;

namespace NetGen.IO;

/// <summary>
/// A weight file (NetGen binary, PyTorch or Keras JSON) cannot be loaded into a network: it is malformed,
/// corrupted, or describes a different network. The message names the field or layer that is wrong and gives the
/// expected and the found value. When this is thrown, the network's parameters have not been changed.
/// </summary>
public sealed class WeightFileException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public WeightFileException()
        : base("The weight file cannot be loaded into this network.")
    {
    }

    /// <summary>Creates the exception with a message that says what is wrong.</summary>
    /// <param name="message">Which field or layer is wrong, with the expected and the found value.</param>
    public WeightFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that revealed the problem.</summary>
    /// <param name="message">Which field or layer is wrong, with the expected and the found value.</param>
    /// <param name="innerException">The underlying failure, for example a JSON syntax error.</param>
    public WeightFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
