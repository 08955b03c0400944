using System;

// Also compiled into the generator (linked).
namespace NetGen.Formats;

/// <summary>What is wrong with a model file; at compile time each kind is its own NETGEN error.</summary>
internal enum ModelProblem
{
    /// <summary>Not valid JSON, or not the structure the format has.</summary>
    Invalid,

    /// <summary>A layer, operator or option NetGen does not run.</summary>
    NotSupported,

    /// <summary>The file's layers or shapes differ from the network they are read into.</summary>
    DoesNotFit,

    /// <summary>A weight that is NaN or infinite in the network's element type.</summary>
    NotFinite,

    /// <summary>More than NetGen generates.</summary>
    TooLarge,
}

/// <summary>
/// Thrown by the shared format readers (<see cref="RTNeuralModel"/>, <see cref="StateDict"/>, <see cref="TensorReader"/>).
/// The run-time loaders turn it into their file exception, naming the file; the generator turns it into a diagnostic at
/// the path argument. It never leaves either.
/// </summary>
internal sealed class ModelFormatException : Exception
{
    private ModelFormatException(ModelProblem problem, string message)
        : base(message) => Problem = problem;

    public ModelProblem Problem { get; }

    public static ModelFormatException Invalid(string message) => new(ModelProblem.Invalid, message);

    public static ModelFormatException NotSupported(string message) => new(ModelProblem.NotSupported, message);

    public static ModelFormatException DoesNotFit(string message) => new(ModelProblem.DoesNotFit, message);

    public static ModelFormatException NotFinite(string message) => new(ModelProblem.NotFinite, message);

    public static ModelFormatException TooLarge(string message) => new(ModelProblem.TooLarge, message);
}
