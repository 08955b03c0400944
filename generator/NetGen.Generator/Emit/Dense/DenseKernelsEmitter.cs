using System.Collections.Generic;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit.Dense;

/// <summary>
/// Every kernel of one dense layer: forward (and the SGD step's own forward where it differs), forward of a block of
/// rows, and backward in both modes; each one per vector width worth writing, behind a dispatcher when there are
/// several.
/// </summary>
internal static class DenseKernelsEmitter
{
    public static void Emit(SourceWriter w, DenseLayerPlan layer)
    {
        EachVariant(w, layer, layer.Forward, "forward", ForwardEmitter.EmitLayer);

        EachVariant(w, layer, layer.ForwardBlock, $"forward for {DenseLayerPlan.BlockRows} rows", BlockEmitter.EmitLayer);
        EachVariant(w, layer, layer.Accumulate, "backward into the gradient", (writer, plan) => BackwardEmitter.EmitLayer(writer, plan, update: false));
        EachVariant(w, layer, layer.Update, "backward as an SGD update", (writer, plan) => BackwardEmitter.EmitLayer(writer, plan, update: true));
    }

    private static void EachVariant(
        SourceWriter w, DenseLayerPlan layer, KernelSignature kernel, string purpose, System.Action<SourceWriter, DenseLayerPlan> emit)
    {
        List<DenseLayerPlan> variants = layer.Variants();
        if (variants.Count > 1)
        {
            w.Line();
            DispatchEmitter.Emit(w, variants, kernel, $"Layer {layer.Index} {purpose}");
        }

        foreach (DenseLayerPlan variant in variants)
        {
            w.Line();
            emit(w, variant);
        }
    }
}
