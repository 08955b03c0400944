using System;

namespace NetGen.Benchmarks;

/// <summary>
/// The baseline: a dense network written the straightforward way, with one <see cref="float"/> array per
/// layer and plain scalar loops. Scratch arrays are allocated once in the constructor, so calls do not
/// allocate either; what differs from a generated network is sizes known only at run time, jagged arrays and
/// no vectorization.
/// </summary>
/// <remarks>
/// Same math and the same parameter layout as a generated network: for each layer l, W_l as [in][out]
/// row-major (z = a·W), then b_l when biases are on; squared-error cost J = Σ ½(y − ŷ)².
/// </remarks>
public sealed class ArrayMlp
{
    private readonly int[] _sizes;
    private readonly Activation[] _activations;
    private readonly float[][] _weights;  // _weights[l][i * out + j], l = 0 .. L-1
    private readonly float[]?[] _biases;   // _biases[l][j], null when there are no biases
    private readonly float[][] _a;         // _a[0] = input, _a[l + 1] = f(z) of weight layer l
    private readonly float[][] _delta;     // _delta[l] = ∂J/∂z of the layer _a[l + 1]

    /// <summary>Creates the network and copies <paramref name="parameters"/> (generated-network layout).</summary>
    public ArrayMlp(int[] sizes, Activation[] activations, bool hasBias, ReadOnlySpan<float> parameters)
    {
        if (activations.Length != sizes.Length - 1)
        {
            throw new ArgumentException("One activation per weight layer is required.", nameof(activations));
        }

        _sizes = sizes;
        _activations = activations;
        int layers = sizes.Length - 1;
        _weights = new float[layers][];
        _biases = new float[]?[layers];
        _a = new float[sizes.Length][];
        _delta = new float[layers][];
        _a[0] = new float[sizes[0]];

        int offset = 0;
        for (int l = 0; l < layers; l++)
        {
            int fanIn = sizes[l], fanOut = sizes[l + 1];
            _weights[l] = parameters.Slice(offset, fanIn * fanOut).ToArray();
            offset += fanIn * fanOut;
            if (hasBias)
            {
                _biases[l] = parameters.Slice(offset, fanOut).ToArray();
                offset += fanOut;
            }

            _a[l + 1] = new float[fanOut];
            _delta[l] = new float[fanOut];
        }

        if (offset != parameters.Length)
        {
            throw new ArgumentException($"Expected {offset} parameters, got {parameters.Length}.", nameof(parameters));
        }
    }

    /// <summary>Writes ŷ for one sample.</summary>
    public void Forward(float[] input, float[] output)
    {
        Propagate(input);
        Array.Copy(_a[^1], output, output.Length);
    }

    /// <summary>One SGD step on one sample: θ ← θ − η·∂J/∂θ. Returns J before the update.</summary>
    public float TrainStep(float[] input, float[] target, float learningRate)
    {
        Propagate(input);
        int last = _weights.Length - 1;

        // δ_L = (ŷ − y) ⊙ f′(z_L); J = Σ ½(y − ŷ)²
        float[] output = _a[last + 1];
        float cost = 0f;
        for (int j = 0; j < output.Length; j++)
        {
            float error = output[j] - target[j];
            cost += 0.5f * error * error;
            _delta[last][j] = error * Derivative(_activations[last], output[j]);
        }

        for (int l = last; l >= 0; l--)
        {
            float[] w = _weights[l], delta = _delta[l], aIn = _a[l];
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];

            // δ_l = (δ_{l+1}·W_lᵀ) ⊙ f′(z_l), with W_l before its update
            if (l > 0)
            {
                float[] deltaIn = _delta[l - 1];
                for (int i = 0; i < fanIn; i++)
                {
                    float sum = 0f;
                    for (int j = 0; j < fanOut; j++)
                    {
                        sum += delta[j] * w[i * fanOut + j];
                    }

                    deltaIn[i] = sum * Derivative(_activations[l - 1], aIn[i]);
                }
            }

            // W_l −= η·a_lᵀ·δ_{l+1}; b_l −= η·δ_{l+1}
            for (int i = 0; i < fanIn; i++)
            {
                float scaled = learningRate * aIn[i];
                for (int j = 0; j < fanOut; j++)
                {
                    w[i * fanOut + j] -= scaled * delta[j];
                }
            }

            if (_biases[l] is { } b)
            {
                for (int j = 0; j < fanOut; j++)
                {
                    b[j] -= learningRate * delta[j];
                }
            }
        }

        return cost;
    }

    private void Propagate(float[] input)
    {
        Array.Copy(input, _a[0], _sizes[0]);
        for (int l = 0; l < _weights.Length; l++)
        {
            float[] w = _weights[l], aIn = _a[l], aOut = _a[l + 1];
            float[]? b = _biases[l];
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];

            // z_{l+1} = a_l·W_l + b_l; a_{l+1} = f(z_{l+1})
            for (int j = 0; j < fanOut; j++)
            {
                float z = b is null ? 0f : b[j];
                for (int i = 0; i < fanIn; i++)
                {
                    z += aIn[i] * w[i * fanOut + j];
                }

                aOut[j] = Activate(_activations[l], z);
            }
        }
    }

    private static float Activate(Activation activation, float z) => activation switch
    {
        Activation.Identity => z,
        Activation.Sigmoid => 1f / (1f + MathF.Exp(-z)),
        Activation.Tanh => MathF.Tanh(z),
        Activation.ReLU => z > 0f ? z : 0f,
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    // f′ expressed through a = f(z).
    private static float Derivative(Activation activation, float a) => activation switch
    {
        Activation.Identity => 1f,
        Activation.Sigmoid => a * (1f - a),
        Activation.Tanh => 1f - a * a,
        Activation.ReLU => a > 0f ? 1f : 0f,
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };
}
