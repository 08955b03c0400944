using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// A dense layer z(l+1) = a(l)·W(l) + b(l): how its output columns split into vectors of one width and a scalar
/// tail, whether its rows are unrolled, and which vector widths get a kernel of their own.
/// </summary>
internal sealed class DenseLayerPlan : LayerPlan
{
    /// <summary>Rows × columns (multiply-adds per lane group) up to which a layer is fully unrolled.</summary>
    public const int UnrollBudget = 96;

    /// <summary>Most output columns (vectors + scalars) kept in registers across a whole pass over the inputs.</summary>
    public const int RegisterColumns = 8;

    /// <summary>
    /// Vectors of columns one pass over the inputs covers when a layer is too wide to keep every output in registers:
    /// its rows of W are read whole per pass (16 × 32 bytes at 256 bits), which the hardware prefetchers follow.
    /// </summary>
    public const int StreamVectors = 16;

    /// <summary>Of a streamed pass's vectors, those summed in registers; the others are summed in the output row.</summary>
    public const int StreamRegisters = 12;

    /// <summary>
    /// Independent multiply-add chains that keep the FMA units busy (two units × four cycles of latency): a pass with
    /// fewer output accumulators than this splits its input rows between several partial sums.
    /// </summary>
    public const int LatencyChains = 8;

    /// <summary>Most partial sums per output accumulator.</summary>
    public const int MaxChains = 4;

    /// <summary>Samples one <see cref="LayerPlan.ForwardBlock"/> computes.</summary>
    public const int BlockRows = 6;

    public DenseLayerPlan(
        LayerSpec layer, Activation? inputActivation, NumericType type, bool hasBias, double leakySlope, int weightStart, int parameterCount)
        : this(layer, inputActivation, type, hasBias, type.Literal(leakySlope), weightStart, parameterCount, SimdWidth.V128, "")
    {
    }

    private DenseLayerPlan(
        LayerSpec layer, Activation? inputActivation, NumericType type, bool hasBias, string slope, int weightStart,
        int parameterCount, SimdWidth simd, string suffix)
        : base(layer.Index, layer.Inputs, layer.Outputs, layer.Activation, inputActivation, type, hasBias, weightStart)
    {
        ParameterCount = parameterCount;
        Layer = layer;
        Slope = slope;
        Simd = simd;
        Suffix = suffix;
        Vectors = layer.Outputs / Width;
        Tail = layer.Outputs % Width;
    }

    public LayerSpec Layer { get; }

    /// <summary>The LeakyReLU slope α as a literal of the element type.</summary>
    public string Slope { get; }

    /// <summary>The vector width this plan's kernels are written for.</summary>
    public SimdWidth Simd { get; }

    /// <summary>Appended to the kernels' names: empty when the layer has one variant, else e.g. <c>V256</c>.</summary>
    public string Suffix { get; }

    public int BiasStart => WeightStart + Inputs * Outputs;

    /// <summary>The network's parameter count: how far past this layer's parameters a load may read.</summary>
    public int ParameterCount { get; }

    /// <summary>
    /// Whether a whole Vector128 starting at parameter <paramref name="element"/> lies within the parameters, so that a
    /// group of fewer columns may load it whole: its extra lanes hold the next parameters, multiply-added and never stored.
    /// </summary>
    public bool ReadsWholeVector128(int element) => element + SimdWidth.V128.Lanes(Type) <= ParameterCount;

    public override int End => BiasStart + (HasBias ? Outputs : 0);

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
    /// Whether the scalar columns' activation can go through the Vector128 kernel: float sigmoid and tanh, whose vector
    /// forms are computed inline (one vector exponential for up to four columns) while the scalar forms call the
    /// math library once per column. That is more throughput but more latency (the inline exponential is a longer
    /// chain than the library's), so the fused SGD step, where each step waits on the last one's updates, does not
    /// (see <see cref="LayerPlan.ThroughputFlag"/>).
    /// </summary>
    public bool PacksScalarActivations => Type == NumericType.Single && Activation is Activation.Sigmoid or Activation.Tanh;

    /// <summary>Whether a pass with <paramref name="columns"/> scalar columns activates them through Vector128s (two or more).</summary>
    public bool PacksColumns(int columns) => PacksScalarActivations && columns > 1;

    /// <summary>
    /// Partial sums per accumulator for a pass over the inputs with <paramref name="accumulators"/> outputs in
    /// registers: row i goes to partial sum i mod chains, each partial sum gets at least two rows, and the partial
    /// sums are added pairwise at the end. One (a plain running sum) when the outputs alone fill the FMA units.
    /// </summary>
    public int ChainsFor(int accumulators) =>
        System.Math.Max(1, System.Math.Min(System.Math.Min(MaxChains, LatencyChains / accumulators), Inputs / 2));

    /// <summary>
    /// The variants worth writing for this layer: 128-bit always, and each wider width whose vector the layer's
    /// outputs fill at least once. With more than one, a dispatcher picks the widest the hardware accelerates.
    /// </summary>
    public List<DenseLayerPlan> Variants()
    {
        var variants = new List<DenseLayerPlan>();
        foreach (SimdWidth simd in SimdWidth.Descending)
        {
            if (simd == SimdWidth.V128 || Outputs >= simd.Lanes(Type))
            {
                variants.Add(new DenseLayerPlan(Layer, InputActivation, Type, HasBias, Slope, WeightStart, ParameterCount, simd, simd.Suffix));
            }
        }

        return variants.Count == 1 ? new List<DenseLayerPlan> { this } : variants;
    }

    /// <summary>
    /// Whether some width's forward kernel of this layer packs scalar columns, and so takes the
    /// <see cref="LayerPlan.ThroughputFlag"/> that the fused SGD step turns off.
    /// </summary>
    public bool HasThroughputFlag => Variants().Exists(v => v.PacksColumns(v.Tail));

    public override KernelSignature Forward
    {
        get
        {
            var parameters = new List<KernelParameter> { new("p"), new(In) };
            if (KeepsPreActivation)
            {
                parameters.Add(new(Z));
            }

            parameters.Add(new(Out));
            if (HasThroughputFlag)
            {
                parameters.Add(new(ThroughputFlag, ByRef: false, Type: "bool"));
            }

            return new KernelSignature($"ForwardLayer{Index}", "void", parameters);
        }
    }

    public override KernelSignature ForwardBlock => KernelSignature.Of($"ForwardLayer{Index}x{BlockRows}", "void", "p", In, Out);

    public override KernelSignature Accumulate => Backward($"AccumulateLayer{Index}", new KernelParameter("g"));

    public override KernelSignature Update => Backward($"UpdateLayer{Index}", new KernelParameter("rate", ByRef: false));

    private KernelSignature Backward(string name, KernelParameter target)
    {
        var parameters = new List<KernelParameter> { new("p"), target, new(In) };
        if (InputKeepsPreActivation)
        {
            parameters.Add(new(ZIn));
        }

        parameters.Add(new(DeltaOut));
        if (HasDeltaIn)
        {
            parameters.Add(new(DeltaIn));
        }

        return new KernelSignature(name, "void", parameters);
    }

    /// <summary>The constant naming where W(l) starts in Parameters.</summary>
    public string WOffset => $"W{Index}Offset";

    /// <summary>The constant naming where b(l) starts in Parameters.</summary>
    public string BOffset => $"B{Index}Offset";

    public string W => $"w{Index}";

    public string B => $"b{Index}";

    public string GW => $"gw{Index}";

    public string GB => $"gb{Index}";

    public string Shape => $"{Inputs}×{Outputs}";
}
