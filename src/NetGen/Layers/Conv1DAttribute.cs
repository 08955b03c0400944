using System;

// Also compiled into the generator (linked), which reads the attribute through these very names and values.
namespace NetGen;

/// <summary>
/// A causal dilated one-dimensional convolution in a sequence network: the output at step t sees the inputs at
/// t, t − d, …, t − (k − 1)·d (k = <see cref="KernelSize"/>, d = <see cref="Dilation"/>), earlier steps being zero.
/// This equals PyTorch's <c>nn.Conv1d</c> applied to <c>F.pad(x, ((k − 1)·d, 0))</c>; when streaming, the past
/// inputs are kept in a ring buffer in the state.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
#if NETGEN_GENERATOR
internal
#else
public
#endif
sealed class Conv1DAttribute : Attribute
{
    /// <summary>Declares a convolution with <paramref name="channels"/> output channels.</summary>
    /// <param name="channels">The number of output channels (the output width), at least 1.</param>
    public Conv1DAttribute(int channels) => Channels = channels;

    /// <summary>The number of output channels.</summary>
    public int Channels { get; }

    /// <summary>k, the number of taps; at least 1. Default 1.</summary>
    public int KernelSize { get; set; } = 1;

    /// <summary>d, the distance in steps between taps; at least 1. Default 1.</summary>
    public int Dilation { get; set; } = 1;

    /// <summary>The activation applied to the convolution's output. Default <see cref="NetGen.Activation.Identity"/>.</summary>
    public Activation Activation { get; set; } = Activation.Identity;
}
