using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// How one weight layer's kernels are shaped: the names of its buffers (matching the math), how its output
/// columns split into <c>Vector128</c> lanes and a scalar tail, and whether its rows are unrolled.
/// </summary>
internal sealed class LayerPlan
{
    /// <summary>Rows × columns (multiply-adds per lane group) up to which a layer is fully unrolled.</summary>
    public const int UnrollBudget = 96;

    /// <summary>Most output columns (vectors + scalars) kept in registers across a whole pass over the inputs.</summary>
    public const int RegisterColumns = 8;

    /// <summary>Vectors per column chunk when a layer is too wide to keep every output in registers.</summary>
    public const int ChunkVectors = 4;

    /// <summary>
    /// Independent multiply-add chains that keep the FMA units busy (two units × four cycles of latency): a pass with
    /// fewer output accumulators than this splits its input rows between several partial sums.
    /// </summary>
    public const int LatencyChains = 8;

    /// <summary>Most partial sums per output accumulator.</summary>
    public const int MaxChains = 4;

    private LayerPlan(
        LayerSpec layer, NumericType type, bool hasBias, string slope, int weightStart, ActivationKind? inputActivation,
        SimdWidth simd, string suffix, bool forSgdStep = false)
    {
        ForSgdStep = forSgdStep;
        Layer = layer;
        Type = type;
        HasBias = hasBias;
        Slope = slope;
        WeightStart = weightStart;
        InputActivation = inputActivation;
        Simd = simd;
        Suffix = suffix;
        Vectors = layer.Outputs / Width;
        Tail = layer.Outputs % Width;
    }

    /// <summary>The vector width this plan's kernels are written for.</summary>
    public SimdWidth Simd { get; }

    /// <summary>
    /// Whether the forward kernels are those of the fused SGD step, whose steps wait on each other's parameter
    /// updates: there latency counts, not throughput (see <see cref="PackedActivations.Applies"/>).
    /// </summary>
    public bool ForSgdStep { get; }

    /// <summary>This layer's plan for the forward pass of the fused SGD step.</summary>
    public LayerPlan ForTheSgdStep() =>
        new(Layer, Type, HasBias, Slope, WeightStart, InputActivation, Simd, Suffix, forSgdStep: true);

    /// <summary>Appended to the kernels' names: empty when the layer has one variant, else e.g. <c>V256</c>.</summary>
    public string Suffix { get; }

    /// <summary>
    /// The variants worth writing for this layer: 128-bit always, and each wider width whose vector the layer's
    /// outputs fill at least once. With more than one, a dispatcher picks the widest the hardware accelerates.
    /// </summary>
    public List<LayerPlan> Variants()
    {
        var variants = new List<LayerPlan>();
        foreach (SimdWidth simd in SimdWidth.Descending)
        {
            if (simd == SimdWidth.V128 || Outputs >= simd.Lanes(Type))
            {
                variants.Add(new LayerPlan(Layer, Type, HasBias, Slope, WeightStart, InputActivation, simd, simd.Suffix, ForSgdStep));
            }
        }

        return variants.Count == 1
            ? new List<LayerPlan> { this }
            : variants;
    }

    /// <summary>Plans every layer of <paramref name="spec"/>, placing each one's weights and biases in Parameters.</summary>
    public static List<LayerPlan> ForNetwork(NetworkSpec spec, NumericType type)
    {
        var plans = new List<LayerPlan>(spec.Layers.Count);
        int start = 0;
        ActivationKind? inputActivation = null;
        foreach (LayerSpec layer in spec.Layers)
        {
            var plan = new LayerPlan(
                layer, type, spec.HasBias, type.Literal(spec.LeakySlope), start, inputActivation, SimdWidth.V128, suffix: "");
            plans.Add(plan);
            start = plan.End;
            inputActivation = layer.Activation;
        }

        return plans;
    }

    public LayerSpec Layer { get; }

    public NumericType Type { get; }

    public bool HasBias { get; }

    /// <summary>The LeakyReLU slope α as a literal of the element type.</summary>
    public string Slope { get; }

    public ActivationKind Activation => Layer.Activation;

    /// <summary>Whether the layer keeps its pre-activation z(l+1) for backpropagation (GELU′ needs z).</summary>
    public bool KeepsPreActivation => ActivationSyntax.NeedsPreActivation(Layer.Activation);

    /// <summary>Whether δ(l) needs the pre-activation z(l) of this layer's input.</summary>
    public bool InputKeepsPreActivation => InputActivation is { } input && ActivationSyntax.NeedsPreActivation(input);

    /// <summary>Where W(l) starts in Parameters; b(l), if any, follows it.</summary>
    public int WeightStart { get; }

    public int BiasStart => WeightStart + Inputs * Outputs;

    /// <summary>Where the next layer's parameters start.</summary>
    public int End => BiasStart + (HasBias ? Outputs : 0);

    /// <summary>f of the layer that produced this layer's input (for f′ in δ(l)), or null for the network input.</summary>
    public ActivationKind? InputActivation { get; }

    public int Index => Layer.Index;

    public int Inputs => Layer.Inputs;

    public int Outputs => Layer.Outputs;

    /// <summary>Elements per vector at this plan's width.</summary>
    public int Width => Simd.Lanes(Type);

    /// <summary>Whole vectors across the output columns.</summary>
    public int Vectors { get; }

    /// <summary>Output columns after the last whole vector.</summary>
    public int Tail { get; }

    /// <summary>Whether every output column (as vectors plus scalars) fits in registers at once.</summary>
    public bool ColumnsInRegisters => Vectors + Tail <= RegisterColumns;

    /// <summary>Whether the loop over input rows is written out row by row.</summary>
    public bool UnrollRows => ColumnsInRegisters && Inputs * (Vectors + Tail) <= UnrollBudget;

    /// <summary>
    /// Partial sums per accumulator for a pass over the inputs with <paramref name="accumulators"/> outputs in
    /// registers: row i goes to partial sum i mod chains, each partial sum gets at least two rows, and the partial
    /// sums are added pairwise at the end. One (a plain running sum) when the outputs alone fill the FMA units.
    /// </summary>
    public int ChainsFor(int accumulators) =>
        System.Math.Max(1, System.Math.Min(System.Math.Min(MaxChains, LatencyChains / accumulators), Inputs / 2));

    public string W => $"w{Index}";

    public string B => $"b{Index}";

    public string GW => $"gw{Index}";

    public string GB => $"gb{Index}";

    public string WOffset => $"W{Index}Offset";

    public string BOffset => $"B{Index}Offset";

    /// <summary>The layer's input activations, a(l).</summary>
    public string In => $"a{Index}";

    /// <summary>The layer's output activations, a(l+1).</summary>
    public string Out => $"a{Index + 1}";

    /// <summary>The pre-activation z(l+1): named in comments, and a buffer when <see cref="KeepsPreActivation"/>.</summary>
    public string Z => $"z{Index + 1}";

    /// <summary>The pre-activation of the layer's input, z(l).</summary>
    public string ZIn => $"z{Index}";

    /// <summary>δ of the layer's outputs, δ(l+1).</summary>
    public string DeltaOut => $"d{Index + 1}";

    /// <summary>δ of the layer's inputs, δ(l); only hidden layers have one.</summary>
    public string DeltaIn => $"d{Index}";

    /// <summary>Whether the layer's inputs are hidden activations that need a δ (every layer but the first).</summary>
    public bool HasDeltaIn => Index > 1;

    public string Shape => $"{Inputs}×{Outputs}";
}
