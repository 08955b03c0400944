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

    public LayerPlan(LayerSpec layer, NumericType type, bool hasBias)
    {
        Layer = layer;
        Type = type;
        HasBias = hasBias;
        Vectors = layer.Outputs / type.VectorWidth;
        Tail = layer.Outputs % type.VectorWidth;
    }

    public LayerSpec Layer { get; }

    public NumericType Type { get; }

    public bool HasBias { get; }

    public int Index => Layer.Index;

    public int Inputs => Layer.Inputs;

    public int Outputs => Layer.Outputs;

    public int Width => Type.VectorWidth;

    /// <summary>Whole vectors across the output columns.</summary>
    public int Vectors { get; }

    /// <summary>Output columns after the last whole vector.</summary>
    public int Tail { get; }

    /// <summary>Whether every output column (as vectors plus scalars) fits in registers at once.</summary>
    public bool ColumnsInRegisters => Vectors + Tail <= RegisterColumns;

    /// <summary>Whether the loop over input rows is written out row by row.</summary>
    public bool UnrollRows => ColumnsInRegisters && Inputs * (Vectors + Tail) <= UnrollBudget;

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

    /// <summary>The pre-activation name used in comments, z(l+1).</summary>
    public string Z => $"z{Index + 1}";

    /// <summary>δ of the layer's outputs, δ(l+1).</summary>
    public string DeltaOut => $"d{Index + 1}";

    /// <summary>δ of the layer's inputs, δ(l); only hidden layers have one.</summary>
    public string DeltaIn => $"d{Index}";

    /// <summary>Whether the layer's inputs are hidden activations that need a δ (every layer but the first).</summary>
    public bool HasDeltaIn => Index > 1;

    public string Shape => $"{Inputs}×{Outputs}";
}
