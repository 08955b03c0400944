using System;

namespace NetGen.Benchmarks;

/// <summary>
/// The first baseline: a dense network written the straightforward way, with one <see cref="float"/> array per
/// layer and plain scalar loops, for any sizes and activations. Scratch arrays and optimizer state are allocated
/// once in the constructor, so calls do not allocate either; what differs from a generated network is sizes known
/// only at run time, jagged arrays and no vectorization.
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

    // Adam: gradients and moments shaped like _weights and _biases.
    private readonly float[][] _gW, _mW, _vW;
    private readonly float[]?[] _gb, _mb, _vb;
    private readonly AdamSettings _adam;
    private int _adamSteps;

    /// <summary>Creates the network and copies <paramref name="parameters"/> (generated-network layout).</summary>
    public ArrayMlp(int[] sizes, Activation[] activations, bool hasBias, ReadOnlySpan<float> parameters, AdamSettings adam)
    {
        if (activations.Length != sizes.Length - 1)
        {
            throw new ArgumentException("One activation per weight layer is required.", nameof(activations));
        }

        _sizes = sizes;
        _activations = activations;
        _adam = adam;
        int layers = sizes.Length - 1;
        _weights = new float[layers][];
        _biases = new float[]?[layers];
        _a = new float[sizes.Length][];
        _delta = new float[layers][];
        _gW = new float[layers][];
        _mW = new float[layers][];
        _vW = new float[layers][];
        _gb = new float[]?[layers];
        _mb = new float[]?[layers];
        _vb = new float[]?[layers];
        _a[0] = new float[sizes[0]];

        int offset = 0;
        for (int l = 0; l < layers; l++)
        {
            int fanIn = sizes[l], fanOut = sizes[l + 1];
            _weights[l] = parameters.Slice(offset, fanIn * fanOut).ToArray();
            (_gW[l], _mW[l], _vW[l]) = (new float[fanIn * fanOut], new float[fanIn * fanOut], new float[fanIn * fanOut]);
            offset += fanIn * fanOut;
            if (hasBias)
            {
                _biases[l] = parameters.Slice(offset, fanOut).ToArray();
                (_gb[l], _mb[l], _vb[l]) = (new float[fanOut], new float[fanOut], new float[fanOut]);
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
        Array.Copy(input, _a[0], _sizes[0]);
        Propagate();
        Array.Copy(_a[^1], output, output.Length);
    }

    /// <summary>Writes ŷ for each row of <paramref name="inputs"/> (row-major), one row after the other.</summary>
    public void ForwardBatch(float[] inputs, float[] outputs)
    {
        int inputSize = _sizes[0], outputSize = _sizes[^1];
        int rows = inputs.Length / inputSize;
        for (int r = 0; r < rows; r++)
        {
            Array.Copy(inputs, r * inputSize, _a[0], 0, inputSize);
            Propagate();
            Array.Copy(_a[^1], 0, outputs, r * outputSize, outputSize);
        }
    }

    /// <summary>One SGD step on one sample: θ ← θ − η·∂J/∂θ, applied during backpropagation. Returns J before the update.</summary>
    public float SgdStep(float[] input, float[] target, float learningRate)
    {
        Array.Copy(input, _a[0], _sizes[0]);
        Propagate();
        float cost = OutputDelta(target);

        for (int l = _weights.Length - 1; l >= 0; l--)
        {
            float[] w = _weights[l], delta = _delta[l], aIn = _a[l];
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];

            // δ_l = (δ_{l+1}·W_lᵀ) ⊙ f′(z_l), with W_l before its update
            if (l > 0)
            {
                BackpropagateDelta(l);
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

    /// <summary>One Adam step on the gradient of one sample (see <see cref="AdamSettings"/>). Returns J before the step.</summary>
    public float AdamStep(float[] input, float[] target)
    {
        Array.Copy(input, _a[0], _sizes[0]);
        Propagate();
        float cost = OutputDelta(target);

        // ∂J/∂W_l = a_lᵀ·δ_{l+1}; ∂J/∂b_l = δ_{l+1}; δ_l = (δ_{l+1}·W_lᵀ) ⊙ f′(z_l)
        for (int l = _weights.Length - 1; l >= 0; l--)
        {
            float[] g = _gW[l], delta = _delta[l], aIn = _a[l];
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            for (int i = 0; i < fanIn; i++)
            {
                for (int j = 0; j < fanOut; j++)
                {
                    g[i * fanOut + j] = aIn[i] * delta[j];
                }
            }

            if (_gb[l] is { } gb)
            {
                Array.Copy(delta, gb, fanOut);
            }

            if (l > 0)
            {
                BackpropagateDelta(l);
            }
        }

        _adamSteps++;
        float rate = _adam.LearningRate / (1f - MathF.Pow(_adam.Beta1, _adamSteps));
        float rootCorrection = 1f / MathF.Sqrt(1f - MathF.Pow(_adam.Beta2, _adamSteps));
        for (int l = 0; l < _weights.Length; l++)
        {
            AdamUpdate(_weights[l], _gW[l], _mW[l], _vW[l], rate, rootCorrection);
            if (_biases[l] is { } b)
            {
                AdamUpdate(b, _gb[l]!, _mb[l]!, _vb[l]!, rate, rootCorrection);
            }
        }

        return cost;
    }

    private void AdamUpdate(float[] theta, float[] g, float[] m, float[] v, float rate, float rootCorrection)
    {
        float beta1 = _adam.Beta1, beta2 = _adam.Beta2, epsilon = _adam.Epsilon;
        for (int k = 0; k < theta.Length; k++)
        {
            float mk = beta1 * m[k] + (1f - beta1) * g[k];
            float vk = beta2 * v[k] + (1f - beta2) * g[k] * g[k];
            m[k] = float.IsSubnormal(mk) ? 0f : mk;
            v[k] = float.IsSubnormal(vk) ? 0f : vk;
            theta[k] -= rate * m[k] / (MathF.Sqrt(v[k]) * rootCorrection + epsilon);
        }
    }

    /// <summary>δ_L = (ŷ − y) ⊙ f′(z_L); returns J = Σ ½(y − ŷ)².</summary>
    private float OutputDelta(float[] target)
    {
        int last = _weights.Length - 1;
        float[] output = _a[last + 1];
        float cost = 0f;
        for (int j = 0; j < output.Length; j++)
        {
            float error = output[j] - target[j];
            cost += 0.5f * error * error;
            _delta[last][j] = error * Derivative(_activations[last], output[j]);
        }

        return cost;
    }

    /// <summary>δ_l = (δ_{l+1}·W_lᵀ) ⊙ f′(z_l) for weight layer <paramref name="l"/> &gt; 0.</summary>
    private void BackpropagateDelta(int l)
    {
        float[] w = _weights[l], delta = _delta[l], deltaIn = _delta[l - 1], aIn = _a[l];
        int fanIn = _sizes[l], fanOut = _sizes[l + 1];
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

    private void Propagate()
    {
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
