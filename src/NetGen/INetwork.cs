using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// A network's shape, parameters and inference: what every generated network offers, so that generic helpers
/// (weight files, ONNX) work with any of them. Generated classes implement it with public, non-virtual members of
/// the same names; call those directly on hot paths. Training members are on <see cref="ITrainableNetwork{T}"/>.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface INetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Number of inputs per sample.</summary>
    int InputSize { get; }

    /// <summary>Number of outputs per sample.</summary>
    int OutputSize { get; }

    /// <summary>Number of weights and biases, the length of <see cref="Parameters"/>.</summary>
    int ParameterCount { get; }

    /// <summary>Input size, hidden sizes and output size, in order.</summary>
    ReadOnlySpan<int> LayerSizes { get; }

    /// <summary>The activation of each weight layer, from the first hidden layer to the output layer.</summary>
    ReadOnlySpan<Activation> Activations { get; }

    /// <summary>Whether every layer has a bias vector.</summary>
    bool HasBias { get; }

    /// <summary>α of every LeakyReLU layer (the attribute's <see cref="NetworkAttribute.LeakySlope"/>).</summary>
    double LeakySlope { get; }

    /// <summary>
    /// Every weight and bias, contiguous: for each layer l = 1..L, W_l as [in][out] row-major, then b_l.
    /// </summary>
    Span<T> Parameters { get; }

    /// <summary>
    /// Re-initializes every parameter deterministically from <paramref name="seed"/>: He uniform weights for ReLU,
    /// LeakyReLU, ELU and GELU layers, Glorot/Xavier uniform for the others, zero biases. A new instance starts from the
    /// same parameters every time. Not thread-safe: it changes the parameters.
    /// </summary>
    void InitializeParameters(int seed);

    /// <summary>
    /// Writes the network's output ŷ for one sample. Thread-safe: several threads may call it on one instance at once
    /// (its scratch lives on each caller's stack) while no thread changes the parameters.
    /// </summary>
    void Forward(ReadOnlySpan<T> input, Span<T> output);

    /// <summary>
    /// Writes ŷ for each row of <paramref name="inputs"/> (row-major) into the rows of <paramref name="outputs"/>, several
    /// rows at a time where the network has kernels for that. Thread-safe like <see cref="Forward"/>.
    /// </summary>
    void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs);
}
