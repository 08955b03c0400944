using System;

namespace NetGen.Onnx;

/// <summary>
/// The generator's stand-in for the run-time library's public <c>OnnxFormatException</c>, which the linked ONNX
/// readers throw; <see cref="NetGen.Generator.Import.ModelBinder"/> turns it into a diagnostic.
/// </summary>
internal sealed class OnnxFormatException : Exception
{
    public OnnxFormatException(string message)
        : base(message)
    {
    }

    public OnnxFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
