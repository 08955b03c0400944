using System;
using System.ComponentModel;
using System.Numerics;

namespace NetGen.CompilerServices;

/// <summary>
/// The kernels NetGen generates for one dense network: its sizes and one method per pass over a sample, all static,
/// so that <see cref="DenseNetwork{TKernels, T}"/> is compiled once per network with every call direct and
/// inlinable. Kernels take references to the first element of rows whose lengths the caller has checked.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IDenseKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Number of inputs per sample.</summary>
    static abstract int InputSize { get; }

    /// <summary>Number of outputs per sample.</summary>
    static abstract int OutputSize { get; }

    /// <summary>Number of weights and biases.</summary>
    static abstract int ParameterCount { get; }

    /// <summary>Input size, hidden sizes and output size, in order.</summary>
    static abstract ReadOnlySpan<int> LayerSizes { get; }

    /// <summary>Whether every layer has a bias vector (it follows the layer's weights).</summary>
    static abstract bool HasBias { get; }

    /// <summary>Rows <see cref="ForwardBlock"/> computes at once.</summary>
    static abstract int BlockRows { get; }

    /// <summary>Writes ŷ of one sample to <paramref name="output"/>.</summary>
    static abstract void Forward(ref T parameters, ref T input, ref T output);

    /// <summary>Writes ŷ of <see cref="BlockRows"/> row-major samples to <paramref name="outputs"/>.</summary>
    static abstract void ForwardBlock(ref T parameters, ref T inputs, ref T outputs);

    /// <summary>Returns the cost J of one sample.</summary>
    static abstract T Cost(ref T parameters, ref T input, ref T target);

    /// <summary>Adds ∂J/∂θ of one sample to <paramref name="gradients"/>; returns J.</summary>
    static abstract T AccumulateGradients(ref T parameters, ref T input, ref T target, ref T gradients);

    /// <summary>One plain SGD step θ ← θ − η·∂J/∂θ on one sample, fused with backpropagation; returns J before it.</summary>
    static abstract T SgdStep(ref T parameters, ref T input, ref T target, T learningRate);
}
