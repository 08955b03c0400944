using System;
using System.Numerics.Tensors;

namespace NetGen.Benchmarks;

/// <summary>
/// The second baseline: a dense network built on <see cref="TensorPrimitives"/> (System.Numerics.Tensors), the
/// vectorized span library a .NET user reaches for first. Each neuron's weights are one contiguous span, so a
/// layer's forward pass is one <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> per
/// output, and training is one <see cref="TensorPrimitives.MultiplyAdd(ReadOnlySpan{float}, float, ReadOnlySpan{float}, Span{float})"/>
/// (axpy) per output; activations use TensorPrimitives' own Sigmoid, Tanh and Max.
/// </summary>
/// <remarks>
/// Storage: one flat array θ; for each layer l, W_l as [out][in] row-major (the transpose of NetGen's [in][out], so
/// that a neuron's weights are contiguous), then b_l. Adam runs over the whole θ at once. Everything is allocated in
/// the constructor; calls do not allocate. Same math as a generated network (squared error, SGD updates applied
/// during backpropagation with δ computed from the weights before their update, Adam as in <see cref="AdamSettings"/>).
/// </remarks>
public sealed class TensorPrimitivesMlp
{
    private readonly int[] _sizes;
    private readonly Activation[] _activations;
    private readonly bool _hasBias;
    private readonly float[] _theta;
    private readonly int[] _weightOffset;  // start of W_l in _theta
    private readonly int[] _biasOffset;    // start of b_l in _theta (unused without biases)
    private readonly float[][] _a;         // _a[0] = input, _a[l + 1] = f(z) of weight layer l
    private readonly float[][] _delta;     // _delta[l] = ∂J/∂z of the layer _a[l + 1]
    private readonly float[] _scratch;     // one layer wide

    // Adam
    private readonly float[] _g, _m, _v, _adamScratch;
    private readonly AdamSettings _adam;
    private int _adamSteps;

    /// <summary>Creates the network from <paramref name="parameters"/> in the generated-network layout ([in][out] weights).</summary>
    public TensorPrimitivesMlp(int[] sizes, Activation[] activations, bool hasBias, ReadOnlySpan<float> parameters, AdamSettings adam)
    {
        if (activations.Length != sizes.Length - 1)
        {
            throw new ArgumentException("One activation per weight layer is required.", nameof(activations));
        }

        _sizes = sizes;
        _activations = activations;
        _hasBias = hasBias;
        _adam = adam;
        int layers = sizes.Length - 1;
        _theta = new float[parameters.Length];
        _weightOffset = new int[layers];
        _biasOffset = new int[layers];
        _a = new float[sizes.Length][];
        _delta = new float[layers][];
        _a[0] = new float[sizes[0]];
        int widest = 0;

        int offset = 0;
        for (int l = 0; l < layers; l++)
        {
            int fanIn = sizes[l], fanOut = sizes[l + 1];
            widest = Math.Max(widest, Math.Max(fanIn, fanOut));
            _weightOffset[l] = offset;
            if (offset + fanIn * fanOut > parameters.Length)
            {
                throw new ArgumentException("Too few parameters.", nameof(parameters));
            }

            // [in][out] → [out][in]
            for (int i = 0; i < fanIn; i++)
            {
                for (int j = 0; j < fanOut; j++)
                {
                    _theta[offset + j * fanIn + i] = parameters[offset + i * fanOut + j];
                }
            }

            offset += fanIn * fanOut;
            if (hasBias)
            {
                _biasOffset[l] = offset;
                parameters.Slice(offset, fanOut).CopyTo(_theta.AsSpan(offset));
                offset += fanOut;
            }

            _a[l + 1] = new float[fanOut];
            _delta[l] = new float[fanOut];
        }

        if (offset != parameters.Length)
        {
            throw new ArgumentException($"Expected {offset} parameters, got {parameters.Length}.", nameof(parameters));
        }

        _scratch = new float[widest];
        _g = new float[offset];
        _m = new float[offset];
        _v = new float[offset];
        _adamScratch = new float[offset];
    }

    /// <summary>Writes ŷ for one sample.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        input.CopyTo(_a[0]);
        Propagate();
        _a[^1].CopyTo(output);
    }

    /// <summary>Writes ŷ for each row of <paramref name="inputs"/> (row-major), one row after the other.</summary>
    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        int inputSize = _sizes[0], outputSize = _sizes[^1];
        int rows = inputs.Length / inputSize;
        for (int r = 0; r < rows; r++)
        {
            inputs.Slice(r * inputSize, inputSize).CopyTo(_a[0]);
            Propagate();
            _a[^1].CopyTo(outputs.Slice(r * outputSize, outputSize));
        }
    }

    /// <summary>One SGD step on one sample: θ ← θ − η·∂J/∂θ, applied during backpropagation. Returns J before the update.</summary>
    public float SgdStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float learningRate)
    {
        input.CopyTo(_a[0]);
        Propagate();
        float cost = OutputDelta(target);

        for (int l = _sizes.Length - 2; l >= 0; l--)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            Span<float> weights = _theta.AsSpan(_weightOffset[l], fanIn * fanOut);
            float[] delta = _delta[l], aIn = _a[l];

            // δ_l = (δ_{l+1}·W_lᵀ) ⊙ f′(z_l), with W_l before its update
            if (l > 0)
            {
                BackpropagateDelta(l);
            }

            // W_l[j] −= η·δ_j·a_l (row j of [out][in]); b_l −= η·δ_{l+1}
            for (int j = 0; j < fanOut; j++)
            {
                Span<float> row = weights.Slice(j * fanIn, fanIn);
                TensorPrimitives.MultiplyAdd(aIn, -learningRate * delta[j], row, row);
            }

            if (_hasBias)
            {
                Span<float> bias = _theta.AsSpan(_biasOffset[l], fanOut);
                TensorPrimitives.MultiplyAdd(delta, -learningRate, bias, bias);
            }
        }

        return cost;
    }

    /// <summary>One Adam step on the gradient of one sample (see <see cref="AdamSettings"/>). Returns J before the step.</summary>
    public float AdamStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target)
    {
        input.CopyTo(_a[0]);
        Propagate();
        float cost = OutputDelta(target);

        // ∂J/∂W_l[j] = δ_j·a_l; ∂J/∂b_l = δ_{l+1}; δ_l = (δ_{l+1}·W_lᵀ) ⊙ f′(z_l)
        for (int l = _sizes.Length - 2; l >= 0; l--)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            Span<float> gradient = _g.AsSpan(_weightOffset[l], fanIn * fanOut);
            float[] delta = _delta[l], aIn = _a[l];
            for (int j = 0; j < fanOut; j++)
            {
                TensorPrimitives.Multiply(aIn, delta[j], gradient.Slice(j * fanIn, fanIn));
            }

            if (_hasBias)
            {
                delta.CopyTo(_g.AsSpan(_biasOffset[l], fanOut));
            }

            if (l > 0)
            {
                BackpropagateDelta(l);
            }
        }

        _adamSteps++;
        float beta1 = _adam.Beta1, beta2 = _adam.Beta2;
        float rate = _adam.LearningRate / (1f - MathF.Pow(beta1, _adamSteps));
        float rootCorrection = 1f / MathF.Sqrt(1f - MathF.Pow(beta2, _adamSteps));
        Span<float> scratch = _adamScratch;

        // m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²
        TensorPrimitives.Multiply(_m, beta1, _m);
        TensorPrimitives.MultiplyAdd(_g, 1f - beta1, _m, _m);
        TensorPrimitives.Multiply(_g, _g, scratch);
        TensorPrimitives.Multiply(_v, beta2, _v);
        TensorPrimitives.MultiplyAdd(scratch, 1f - beta2, _v, _v);
        FlushSubnormals(_m);
        FlushSubnormals(_v);

        // θ ← θ − rate·m / (√v·rootCorrection + ε)
        TensorPrimitives.Sqrt(_v, scratch);
        TensorPrimitives.Multiply(scratch, rootCorrection, scratch);
        TensorPrimitives.Add(scratch, _adam.Epsilon, scratch);
        TensorPrimitives.Divide(_m, scratch, scratch);
        TensorPrimitives.MultiplyAdd(scratch, -rate, _theta, _theta);
        return cost;
    }

    /// <summary>TensorPrimitives has no select: find subnormals with it, clear them with a loop (rarely entered).</summary>
    private static void FlushSubnormals(Span<float> values)
    {
        if (TensorPrimitives.IsSubnormalAny<float>(values))
        {
            for (int k = 0; k < values.Length; k++)
            {
                if (float.IsSubnormal(values[k]))
                {
                    values[k] = 0f;
                }
            }
        }
    }

    /// <summary>δ_L = (ŷ − y) ⊙ f′(z_L); returns J = Σ ½(y − ŷ)².</summary>
    private float OutputDelta(ReadOnlySpan<float> target)
    {
        int last = _sizes.Length - 2;
        float[] delta = _delta[last];
        TensorPrimitives.Subtract(_a[last + 1], target, delta);
        float cost = 0.5f * TensorPrimitives.SumOfSquares<float>(delta);
        MultiplyByDerivative(_activations[last], _a[last + 1], delta);
        return cost;
    }

    /// <summary>δ_l = (δ_{l+1}·W_lᵀ) ⊙ f′(z_l) for weight layer <paramref name="l"/> &gt; 0: Σ_j δ_j·W_l[j], one axpy per output.</summary>
    private void BackpropagateDelta(int l)
    {
        int fanIn = _sizes[l], fanOut = _sizes[l + 1];
        ReadOnlySpan<float> weights = _theta.AsSpan(_weightOffset[l], fanIn * fanOut);
        float[] delta = _delta[l];
        Span<float> deltaIn = _delta[l - 1];
        deltaIn.Clear();
        for (int j = 0; j < fanOut; j++)
        {
            TensorPrimitives.MultiplyAdd(weights.Slice(j * fanIn, fanIn), delta[j], deltaIn, deltaIn);
        }

        MultiplyByDerivative(_activations[l - 1], _a[l], deltaIn);
    }

    /// <summary>δ ← δ ⊙ f′(z), with f′ expressed through a = f(z).</summary>
    private void MultiplyByDerivative(Activation activation, ReadOnlySpan<float> a, Span<float> delta)
    {
        Span<float> scratch = _scratch.AsSpan(0, a.Length);
        switch (activation)
        {
            case Activation.Identity:
                break;
            case Activation.Sigmoid:
                // a(1 − a) = a − a²
                TensorPrimitives.Multiply(a, a, scratch);
                TensorPrimitives.Subtract(a, scratch, scratch);
                TensorPrimitives.Multiply(delta, scratch, delta);
                break;
            case Activation.Tanh:
                // 1 − a²
                TensorPrimitives.Multiply(a, a, scratch);
                TensorPrimitives.Subtract(1f, scratch, scratch);
                TensorPrimitives.Multiply(delta, scratch, delta);
                break;
            case Activation.ReLU:
                // TensorPrimitives has no step function or select: a loop.
                for (int k = 0; k < delta.Length; k++)
                {
                    if (!(a[k] > 0f))
                    {
                        delta[k] = 0f;
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation));
        }
    }

    private void Propagate()
    {
        for (int l = 0; l < _sizes.Length - 1; l++)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            ReadOnlySpan<float> weights = _theta.AsSpan(_weightOffset[l], fanIn * fanOut);
            float[] aIn = _a[l];
            Span<float> z = _a[l + 1];

            // z_{l+1} = W_l·a_l + b_l (one dot product per neuron); a_{l+1} = f(z_{l+1}) in place
            for (int j = 0; j < fanOut; j++)
            {
                z[j] = TensorPrimitives.Dot(weights.Slice(j * fanIn, fanIn), aIn);
            }

            if (_hasBias)
            {
                TensorPrimitives.Add(z, _theta.AsSpan(_biasOffset[l], fanOut), z);
            }

            switch (_activations[l])
            {
                case Activation.Identity:
                    break;
                case Activation.Sigmoid:
                    TensorPrimitives.Sigmoid(z, z);
                    break;
                case Activation.Tanh:
                    TensorPrimitives.Tanh(z, z);
                    break;
                case Activation.ReLU:
                    TensorPrimitives.Max(z, 0f, z);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(_activations));
            }
        }
    }
}
