using System.Collections.Generic;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits the method that picks, for one layer, the kernel of the widest vectors the hardware accelerates.
/// <c>VectorNNN.IsHardwareAccelerated</c> is a constant to the JIT, so only the chosen call survives compilation.
/// </summary>
internal static class DispatchEmitter
{
    public static void Emit(SourceWriter w, List<LayerPlan> variants, string name, string parameters, string arguments, string summary)
    {
        w.Line($"/// <summary>{summary}, with the widest vectors the hardware runs natively.</summary>");
        NetworkEmitter.EmitMemberAttributes(w, inline: true);
        using (w.Block($"private static void {name}({parameters})"))
        {
            for (int v = 0; v < variants.Count; v++)
            {
                LayerPlan plan = variants[v];
                string call = $"{name}{plan.Suffix}({arguments});";
                if (v == variants.Count - 1)
                {
                    w.Line(v == 0 ? call : "else");
                    if (v > 0)
                    {
                        using (w.Block())
                        {
                            w.Line(call);
                        }
                    }
                }
                else
                {
                    using (w.Block($"{(v == 0 ? "if" : "else if")} ({plan.Simd.Class}.IsHardwareAccelerated)"))
                    {
                        w.Line(call);
                    }
                }
            }
        }
    }
}
