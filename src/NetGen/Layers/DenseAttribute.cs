using System;

// Also compiled into the generator (linked), which reads the attribute through these very names and values.
namespace NetGen;

/// <summary>
/// A fully connected layer in a sequence network, applied to each step on its own: a = f(x·W + b). PyTorch's
/// <c>nn.Linear</c>, followed by the activation.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
#if NETGEN_GENERATOR
internal
#else
public
#endif
sealed class DenseAttribute : Attribute
{
    /// <summary>Declares a dense layer of <paramref name="size"/> outputs.</summary>
    /// <param name="size">The output width, at least 1.</param>
    public DenseAttribute(int size) => Size = size;

    /// <summary>The output width.</summary>
    public int Size { get; }

    /// <summary>The activation f. Default <see cref="NetGen.Activation.Identity"/>.</summary>
    public Activation Activation { get; set; } = Activation.Identity;
}
