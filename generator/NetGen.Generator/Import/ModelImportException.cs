using System;

namespace NetGen.Generator.Import;

/// <summary>What is wrong with a model file; each kind is its own NETGEN error.</summary>
internal enum ModelProblem
{
    /// <summary>Not valid JSON, or not the structure the format has.</summary>
    Invalid,

    /// <summary>A layer, operator or option NetGen does not run.</summary>
    NotSupported,

    /// <summary>The file's layers or shapes differ from the declared network.</summary>
    DoesNotFit,

    /// <summary>A weight that is NaN or infinite in the network's element type.</summary>
    NotFinite,

    /// <summary>More than NetGen generates.</summary>
    TooLarge,
}

/// <summary>
/// Thrown by the importers when a model file cannot become a network; <see cref="ModelBinder"/> turns it into a
/// diagnostic at the path argument, so it never reaches the compiler.
/// </summary>
internal sealed class ModelImportException : Exception
{
    private ModelImportException(ModelProblem problem, string message)
        : base(message) => Problem = problem;

    public ModelProblem Problem { get; }

    public static ModelImportException Invalid(string message) => new(ModelProblem.Invalid, message);

    public static ModelImportException NotSupported(string message) => new(ModelProblem.NotSupported, message);

    public static ModelImportException DoesNotFit(string message) => new(ModelProblem.DoesNotFit, message);

    public static ModelImportException NotFinite(string message) => new(ModelProblem.NotFinite, message);

    public static ModelImportException TooLarge(string message) => new(ModelProblem.TooLarge, message);
}
