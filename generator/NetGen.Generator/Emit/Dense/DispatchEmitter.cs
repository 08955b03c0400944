using System.Collections.Generic;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit.Dense;

/// <summary>
/// Emits the method that picks, for one layer, the kernel of the widest vectors the hardware accelerates.
/// <c>VectorNNN.IsHardwareAccelerated</c> is a constant to the JIT, so only the chosen call survives compilation.
/// </summary>
internal static class DispatchEmitter
{
    public static void Emit(SourceWriter w, List<DenseLayerPlan> variants, KernelSignature kernel, string purpose)
    {
        NumericType type = variants[0].Type;
        w.Summary($"{purpose}, with the widest vectors the hardware runs natively.");
        w.KernelAttributes(inline: true);
        using (w.Block(kernel.Declaration(type, "private static")))
        {
            for (int v = 0; v < variants.Count; v++)
            {
                DenseLayerPlan plan = variants[v];
                string call = kernel.Named(kernel.Name + plan.Suffix).Call() + ";";
                string? condition = v == variants.Count - 1 ? null : $"{plan.Simd.Class}.IsHardwareAccelerated";
                using (w.Block(condition is null ? "else" : $"{(v == 0 ? "if" : "else if")} ({condition})"))
                {
                    w.Line(call);
                }
            }
        }
    }
}
