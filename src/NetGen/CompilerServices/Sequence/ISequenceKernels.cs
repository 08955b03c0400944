using System;
using System.ComponentModel;
using System.Numerics;

namespace NetGen.CompilerServices;

/// <summary>
/// The kernels NetGen generates for one sequence network: its sizes, its layers and its streamed step, all static, so
/// that <see cref="SequenceNetwork{TKernels, T}"/> is compiled once per network with the step call direct.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISequenceKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Number of inputs per frame.</summary>
    static abstract int InputSize { get; }

    /// <summary>Number of outputs per frame.</summary>
    static abstract int OutputSize { get; }

    /// <summary>Number of weights and biases.</summary>
    static abstract int ParameterCount { get; }

    /// <summary>Number of streaming-state elements.</summary>
    static abstract int StateSize { get; }

    /// <summary>Number of scratch elements a step uses after the state (gate rows, intermediate outputs, convolution taps).</summary>
    static abstract int ScratchSize { get; }

    /// <summary>The layers, first to last.</summary>
    static abstract ReadOnlySpan<SequenceLayer> Layers { get; }

    /// <summary>α of LeakyReLU layers.</summary>
    static abstract T LeakySlope { get; }

    /// <summary>
    /// One frame: reads <paramref name="input"/>, advances <paramref name="state"/> (whose convolution rings are
    /// positioned by <paramref name="frame"/>, the frames consumed before this one; <see cref="ScratchSize"/> elements of
    /// scratch follow its <see cref="StateSize"/> values) and writes <paramref name="output"/>.
    /// </summary>
    static abstract void Step(ref T parameters, ref T state, uint frame, ref T input, ref T output);
}
