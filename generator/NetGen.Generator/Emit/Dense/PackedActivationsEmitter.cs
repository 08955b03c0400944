using System.Collections.Generic;
using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit.Dense;

/// <summary>
/// Float sigmoid and tanh of the columns after the last whole vector, computed four at a time in a Vector128 (where
/// <see cref="DenseLayerPlan.PacksColumns"/> says so).
/// </summary>
internal static class PackedActivationsEmitter
{
    /// <summary>f on the scalar columns zs0, zs1, …, four at a time in a Vector128 whose unused lanes are 0, then stored.</summary>
    public static void Emit(SourceWriter w, DenseLayerPlan p, int scalars, System.Func<int, string> scalarIndex)
    {
        w.Line($"// {ActivationSyntax.Name(p.Activation)} of the scalar columns through Vector128, up to four at a time.");
        for (int first = 0; first < scalars; first += 4)
        {
            int count = System.Math.Min(4, scalars - first);
            var lanes = new List<string>();
            for (int lane = 0; lane < count; lane++)
            {
                lanes.Add($"zs{first + lane}");
            }

            string activated = ActivationSyntax.Apply(p.Activation, KernelSyntax.Vector128Of(p.Type, lanes), p.Slope);
            w.Line($"VectorLanes.Store({activated}, {KernelSyntax.ElementRef(p.Out, scalarIndex(first))}, {KernelSyntax.Literal(count)});");
        }
    }
}
