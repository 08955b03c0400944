using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// Everything the emitters need beyond the spec: each layer's plan, where its parameters sit, the names of the
/// generated types, and the signatures of the kernels the runtime's <c>IDenseKernels</c> calls. Emitters only write
/// what this decides.
/// </summary>
internal sealed class NetworkPlan
{
    private NetworkPlan(NetworkSpec spec, NumericType type, IReadOnlyList<LayerPlan> layers)
    {
        Spec = spec;
        Type = type;
        Layers = layers;
    }

    public NetworkSpec Spec { get; }

    public NumericType Type { get; }

    /// <summary>The layers, first to last.</summary>
    public IReadOnlyList<LayerPlan> Layers { get; }

    public LayerPlan OutputLayer => Layers[Layers.Count - 1];

    public int ParameterCount => OutputLayer.End;

    /// <summary>Input size, hidden sizes and output size.</summary>
    public IEnumerable<int> LayerSizes => new[] { Spec.InputSize }.Concat(Layers.Select(l => l.Outputs));

    /// <summary>The file-local struct of kernels (it implements <c>IDenseKernels</c>).</summary>
    public string KernelsName => Spec.ClassName + "Kernels";

    /// <summary>The file-local class through which the user's members reach the runtime's operations.</summary>
    public string OperationsName => Spec.ClassName + "Operations";

    /// <summary>The input row X, the name the passes give a1.</summary>
    public string Input => Layers[0].In;

    /// <summary>The output row ŷ.</summary>
    public string Output => OutputLayer.Out;

    /// <summary>Writes ŷ of one sample.</summary>
    public KernelSignature Forward => KernelSignature.Of("Forward", "void", "p", Input, Output);

    /// <summary>Writes ŷ of a block of samples.</summary>
    public KernelSignature ForwardBlock => KernelSignature.Of("ForwardBlock", "void", "p", Input, Output);

    /// <summary>Returns J of one sample.</summary>
    public KernelSignature Cost => KernelSignature.Of("Cost", Type.Keyword, "p", Input, "y");

    /// <summary>Adds ∂J/∂θ of one sample to g and returns J.</summary>
    public KernelSignature AccumulateGradients => KernelSignature.Of("AccumulateGradients", Type.Keyword, "p", Input, "y", "g");

    /// <summary>One fused SGD step on one sample; returns J before it.</summary>
    public KernelSignature SgdStep => new(
        "SgdStep", Type.Keyword, new[] { new KernelParameter("p"), new(Input), new("y"), new("rate", ByRef: false) });

    /// <summary>Plans every layer of <paramref name="spec"/>, placing each one's parameters after the last one's.</summary>
    public static NetworkPlan For(NetworkSpec spec)
    {
        NumericType type = NumericType.For(spec.ElementType);
        var layers = new List<LayerPlan>(spec.Layers.Count);
        int parameterCount = spec.Layers.Sum(l => (l.Inputs * l.Outputs) + (spec.HasBias ? l.Outputs : 0));
        int start = 0;
        Activation? inputActivation = null;
        foreach (LayerSpec layer in spec.Layers)
        {
            var plan = new DenseLayerPlan(layer, inputActivation, type, spec.HasBias, spec.LeakySlope, start, parameterCount);
            layers.Add(plan);
            start = plan.End;
            inputActivation = layer.Activation;
        }

        return new NetworkPlan(spec, type, layers);
    }
}
