using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>Float sigmoid and tanh of the columns after the last whole vector, computed four at a time in a Vector128.</summary>
internal static class PackedActivations
{
    /// <summary>
    /// Whether the scalar columns' activation goes through the Vector128 kernel: float sigmoid and tanh, whose vector
    /// forms are computed inline (one vector exponential for up to four columns) while the scalar forms call the
    /// math library once per column. That is more throughput but more latency (the inline exponential is a longer
    /// chain than the library's), so the fused SGD step, where each step waits on the last one's updates, does not.
    /// </summary>
    public static bool Applies(LayerPlan p) =>
        !p.ForSgdStep && p.Type == NumericType.Single && p.Activation is ActivationKind.Sigmoid or ActivationKind.Tanh;

    /// <summary>Whether a pass with <paramref name="columns"/> scalar columns activates them through Vector128s (two or more).</summary>
    public static bool PacksColumns(LayerPlan p, int columns) => Applies(p) && columns > 1;

    /// <summary>Whether some width's kernel of this layer packs scalar columns, so the SGD step needs kernels of its own.</summary>
    public static bool HasSgdStepKernels(LayerPlan p) => p.Variants().Exists(v => PacksColumns(v, v.Tail));

    /// <summary>f on the scalar columns, four at a time in a Vector128 whose unused lanes are 0.</summary>
    public static void Emit(SourceWriter w, LayerPlan p, int scalars, System.Func<int, string> scalarIndex)
    {
        string v128 = SimdWidth.V128.Class;
        w.Line($"// {ActivationSyntax.Name(p.Activation)} of the scalar columns through Vector128, up to four at a time.");
        for (int first = 0, group = 0; first < scalars; first += 4, group++)
        {
            int count = System.Math.Min(4, scalars - first);
            var lanes = new List<string>();
            for (int lane = 0; lane < count; lane++)
            {
                lanes.Add($"zs{first + lane}");
            }

            string packed = count == 1 ? $"{v128}.CreateScalar(zs{first})" : Kernel.Vector128Of(p.Type, lanes);
            w.Line($"var fs{group} = {ActivationSyntax.Apply(p.Activation, packed, p.Slope)};");
            for (int lane = 0; lane < count; lane++)
            {
                w.Line($"{Kernel.Element(p.Out, scalarIndex(first + lane))} = {v128}.GetElement(fs{group}, {lane});");
            }
        }
    }
}
