using System;
using NetGen.Simd.Tests.Probe;

namespace NetGen.Simd.Tests.Reference;

/// <summary>
/// A scalar evaluation of a network in double, from the formulas of the contracts (z = a·W + b, a = f(z), the cost,
/// δ_L, δ_l = (δ_{l+1}·W_lᵀ) ⊙ f′(z_l), ∂J/∂W_l = a_lᵀ·δ_{l+1}, ∂J/∂b_l = δ_{l+1}, θ ← θ − η·∂J/∂θ), that carries
/// with every quantity the first-order error bound of <see cref="ErrorModel"/>, parameters included, so that a few
/// SGD steps in a row are bounded too. Reads parameters in the generated layout (per layer W as [in][out] row-major,
/// then b) and shares no code with NetGen or the probe.
/// </summary>
public sealed class BoundedNetwork(ProbeSpec spec)
{
    private readonly ErrorModel model = ErrorModel.For(spec.IsDouble);

    public ProbeSpec Spec { get; } = spec;

    public ErrorModel Model => model;

    /// <summary>Per weight layer k: its input In[k], pre-activation Z[k] and activation A[k] (A[^1] = ŷ).</summary>
    public sealed record Trace(Approx[][] In, Approx[][] Z, Approx[][] A)
    {
        public Approx[] Output => A[^1];
    }

    public static Approx[] Exact(double[] values) => Array.ConvertAll(values, Approx.Exact);

    public Trace Forward(Approx[] parameters, double[] input)
    {
        int[] sizes = Spec.Sizes;
        Check(parameters, input);
        int layers = sizes.Length - 1;
        var ins = new Approx[layers][];
        var zs = new Approx[layers][];
        var activations = new Approx[layers][];
        Approx[] previous = Exact(input);
        int offset = 0;
        for (int k = 0; k < layers; k++)
        {
            int n = sizes[k], m = sizes[k + 1];
            int biasOffset = offset + (n * m);
            var z = new Approx[m];
            for (int j = 0; j < m; j++)
            {
                // z_j = b_j + Σ_i a_i·W_ij: n + 1 terms.
                double value = 0, magnitude = 0, propagated = 0;
                for (int i = 0; i < n; i++)
                {
                    Approx a = previous[i], w = parameters[offset + (i * m) + j];
                    value += a.Value * w.Value;
                    magnitude += Math.Abs(a.Value * w.Value);
                    propagated += (a.Magnitude * w.Bound) + (w.Magnitude * a.Bound);
                }

                if (Spec.Bias)
                {
                    Approx b = parameters[biasOffset + j];
                    value += b.Value;
                    magnitude += b.Magnitude;
                    propagated += b.Bound;
                }

                z[j] = new Approx(value, propagated + (model.Gamma(n + 1) * magnitude));
            }

            Activation activation = Spec.Activations[k];
            Approx[] a2 = activation == Activation.Softmax
                ? Activations.Softmax(z, model)
                : Array.ConvertAll(z, zj => Activations.Apply(activation, zj, model));
            ins[k] = previous;
            zs[k] = z;
            activations[k] = a2;
            previous = a2;
            offset = biasOffset + (Spec.Bias ? m : 0);
        }

        return new Trace(ins, zs, activations);
    }

    /// <summary>J of one sample and δ_L = ∂J/∂z_L.</summary>
    public (Approx Cost, Approx[] Delta) OutputDelta(Trace trace, double[] target)
    {
        double u = model.U;
        Approx[] y = trace.Output;
        int m = y.Length;
        Activation output = Spec.Activations[^1];
        var delta = new Approx[m];
        switch (Spec.Loss)
        {
            case Loss.SquaredError:
            {
                // e = ŷ − y, J = Σ ½e², δ = e ⊙ f′(z_L).
                double cost = 0, costBound = 0;
                for (int j = 0; j < m; j++)
                {
                    double e = y[j].Value - target[j];
                    var ej = new Approx(e, y[j].Bound + (u * Math.Abs(e)));
                    cost += 0.5 * e * e;
                    costBound += Math.Abs(e) * ej.Bound;
                    Approx d = Activations.Derivative(output, trace.Z[^1][j], y[j], model);
                    delta[j] = new Approx(e * d.Value, (d.Magnitude * ej.Bound) + (Math.Abs(e) * d.Bound) + (u * Math.Abs(e * d.Value)));
                }

                return (new Approx(cost, costBound + ((m + 2) * u * cost)), delta);
            }

            case Loss.CrossEntropy when output == Activation.Softmax:
            {
                // J = −Σ y ln ŷ; δ = ŷ·Σy − y.
                double sumY = 0;
                foreach (double t in target)
                {
                    sumY += t;
                }

                double cost = 0, costBound = 0, costMagnitude = 0;
                for (int j = 0; j < m; j++)
                {
                    double log = Math.Log(y[j].Value);
                    cost -= target[j] * log;
                    costMagnitude += Math.Abs(target[j] * log);
                    costBound += target[j] * y[j].Bound / y[j].Value;
                    double d = (y[j].Value * sumY) - target[j];
                    delta[j] = new Approx(d, (sumY * y[j].Bound) + ((m + 2) * u * ((y[j].Value * sumY) + Math.Abs(target[j]))));
                }

                return (new Approx(cost, costBound + ((ErrorModel.ActivationUlps + m) * u * costMagnitude)), delta);
            }

            default:
                throw new NotSupportedException($"No reference for {Spec.Loss} with a {output} output.");
        }
    }

    /// <summary>J and ∂J/∂θ of one sample, in the parameter layout.</summary>
    public (Approx Cost, Approx[] Gradient) Gradient(Approx[] parameters, double[] input, double[] target)
    {
        double u = model.U;
        int[] sizes = Spec.Sizes;
        Trace trace = Forward(parameters, input);
        (Approx cost, Approx[] delta) = OutputDelta(trace, target);
        var gradient = new Approx[parameters.Length];
        int[] offsets = LayerOffsets();
        for (int k = sizes.Length - 2; k >= 0; k--)
        {
            int n = sizes[k], m = sizes[k + 1], offset = offsets[k];
            Approx[] a = trace.In[k];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    gradient[offset + (i * m) + j] = Product(a[i], delta[j], u);
                }
            }

            if (Spec.Bias)
            {
                Array.Copy(delta, 0, gradient, offset + (n * m), m);
            }

            if (k == 0)
            {
                break;
            }

            // δ_k−1 = (δ_k·W_kᵀ) ⊙ f′(z_k−1), with the weights from before any update.
            var previous = new Approx[n];
            for (int i = 0; i < n; i++)
            {
                double s = 0, magnitude = 0, propagated = 0;
                for (int j = 0; j < m; j++)
                {
                    Approx w = parameters[offset + (i * m) + j];
                    s += w.Value * delta[j].Value;
                    magnitude += Math.Abs(w.Value * delta[j].Value);
                    propagated += (w.Magnitude * delta[j].Bound) + (delta[j].Magnitude * w.Bound);
                }

                var sum = new Approx(s, propagated + (model.Gamma(m) * magnitude));
                Approx d = Activations.Derivative(Spec.Activations[k - 1], trace.Z[k - 1][i], trace.A[k - 1][i], model);
                previous[i] = Product(sum, d, u);
            }

            delta = previous;
        }

        return (cost, gradient);
    }

    /// <summary>Σ over samples, added into a zeroed buffer: J and ∂J/∂θ.</summary>
    public (Approx Cost, Approx[] Gradient) SumOfGradients(Approx[] parameters, (double[] Input, double[] Target)[] samples)
    {
        var costs = new Approx[samples.Length];
        var gradients = new Approx[samples.Length][];
        for (int s = 0; s < samples.Length; s++)
        {
            (costs[s], gradients[s]) = Gradient(parameters, samples[s].Input, samples[s].Target);
        }

        var total = new Approx[parameters.Length];
        for (int p = 0; p < total.Length; p++)
        {
            total[p] = Sum(Array.ConvertAll(gradients, g => g[p]));
        }

        return (Sum(costs), total);
    }

    /// <summary>One SGD step θ ← θ − η·∂J/∂θ; returns J before the step and the new parameters.</summary>
    public (Approx Cost, Approx[] Parameters) TrainStep(Approx[] parameters, double[] input, double[] target, double learningRate)
    {
        double u = model.U;
        (Approx cost, Approx[] gradient) = Gradient(parameters, input, target);
        var updated = new Approx[parameters.Length];
        for (int p = 0; p < parameters.Length; p++)
        {
            double step = learningRate * gradient[p].Value;
            double value = parameters[p].Value - step;
            updated[p] = new Approx(
                value,
                parameters[p].Bound + (learningRate * gradient[p].Bound) + (u * ((2 * Math.Abs(step)) + Math.Abs(value))));
        }

        return (cost, updated);
    }

    /// <summary>Σ of terms added one by one into zero: the terms' bounds plus γ(count − 1)·Σ|terms|.</summary>
    public Approx Sum(Approx[] terms)
    {
        double value = 0, bound = 0, magnitude = 0;
        foreach (Approx t in terms)
        {
            value += t.Value;
            bound += t.Bound;
            magnitude += t.Magnitude;
        }

        return new Approx(value, bound + (model.Gamma(Math.Max(terms.Length - 1, 0)) * magnitude));
    }

    private static Approx Product(Approx x, Approx y, double u) =>
        new(x.Value * y.Value, (x.Magnitude * y.Bound) + (y.Magnitude * x.Bound) + (u * Math.Abs(x.Value * y.Value)));

    /// <summary>Where each weight layer's W starts in the parameters.</summary>
    private int[] LayerOffsets()
    {
        int[] sizes = Spec.Sizes;
        var offsets = new int[sizes.Length - 1];
        int offset = 0;
        for (int k = 0; k < offsets.Length; k++)
        {
            offsets[k] = offset;
            offset += (sizes[k] * sizes[k + 1]) + (Spec.Bias ? sizes[k + 1] : 0);
        }

        return offsets;
    }

    private void Check(Approx[] parameters, double[] input)
    {
        if (parameters.Length != Spec.ParameterCount || input.Length != Spec.InputSize)
        {
            throw new ArgumentException($"{Spec.Name}: {parameters.Length} parameters and {input.Length} inputs do not fit.");
        }
    }
}
