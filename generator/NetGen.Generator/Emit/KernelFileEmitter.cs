using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Emit.Dense;
using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// NetGen's namespace in the generated file: with its own using directives, so kernels read without
/// <c>global::</c>, and file-local types, so nothing here can clash with user code or another network's file.
/// </summary>
internal static class KernelFileEmitter
{
    private static readonly string[] Usings =
    [
        "System",
        "System.CodeDom.Compiler",
        "System.Runtime.CompilerServices",
        "System.Runtime.InteropServices",
        "System.Runtime.Intrinsics",
        "NetGen.CompilerServices",
        "static NetGen.CompilerServices.ActivationFunctions",
        "static System.Runtime.CompilerServices.MethodImplOptions",
    ];

    public static void Emit(SourceWriter w, NetworkPlan plan)
    {
        NetworkSpec spec = plan.Spec;
        string t = plan.Type.Keyword;
        string user = $"global::{spec.FullName}";
        string generatedCode = $"[GeneratedCode(\"NetGen\", \"{NetworkEmitter.Version}\")]";
        using (w.Block($"namespace {TypeNames.GeneratedNamespace}"))
        {
            foreach (string import in Usings)
            {
                w.Line($"using {import};");
            }

            w.Line();
            w.Summary($"NetGen's dense-network operations over <see cref=\"{plan.KernelsName}\"/>, under a short name.");
            w.Line(generatedCode);
            w.Line($"file sealed class {plan.OperationsName} : DenseNetwork<{plan.KernelsName}, {t}>");
            using (w.Block())
            {
            }

            w.Line();
            w.Summary($"The kernels of <see cref=\"{user}\"/>, on references to rows whose lengths the operations have checked.");
            w.Line(generatedCode);
            using (w.Block($"file readonly struct {plan.KernelsName} : IDenseKernels<{t}>"))
            {
                EmitShape(w, plan);
                PassEmitter.Emit(w, plan);
                foreach (DenseLayerPlan layer in plan.Layers.OfType<DenseLayerPlan>())
                {
                    DenseKernelsEmitter.Emit(w, layer);
                }

                LossEmitter.Emit(w, plan);
            }

            if (spec.Weights is not null)
            {
                TrainedWeightsEmitter.EmitClass(w, spec, plan.Type, spec.Layers.Select(WeightsTitle(spec.HasBias)).ToList(), generatedCode);
            }

            foreach (int length in PassEmitter.BufferLengths(plan))
            {
                w.Line();
                w.Summary($"{KernelSyntax.Literal(length)} {t} on the stack.");
                w.Line(generatedCode);
                w.Line($"[InlineArray({KernelSyntax.Literal(length)})]");
                using (w.Block($"file struct {PassEmitter.BufferType(plan.Type, length)}"))
                {
                    w.Line($"private {t} _element;");
                }
            }
        }
    }

    /// <summary>A layer's comment in the trained weights, with its layout, and its parameter count.</summary>
    private static System.Func<LayerSpec, (string, int)> WeightsTitle(bool hasBias) => layer =>
    (
        $"Layer {layer.Index}, {layer.Inputs} → {layer.Outputs}: W{layer.Index} [{layer.Inputs}][{layer.Outputs}]" +
        (hasBias ? $", b{layer.Index} [{layer.Outputs}]" : ""),
        (layer.Inputs * layer.Outputs) + (hasBias ? layer.Outputs : 0)
    );

    /// <summary>Where each layer's parameters start, and the sizes the operations read.</summary>
    private static void EmitShape(SourceWriter w, NetworkPlan plan)
    {
        w.Line("// Where each layer's weights (and biases) start in Parameters.");
        foreach (DenseLayerPlan p in plan.Layers.OfType<DenseLayerPlan>())
        {
            w.Line($"private const int {p.WOffset} = {KernelSyntax.Literal(p.WeightStart)};");
            if (p.HasBias)
            {
                w.Line($"private const int {p.BOffset} = {KernelSyntax.Literal(p.BiasStart)};");
            }
        }

        w.Line();
        w.Line($"public static int InputSize => {KernelSyntax.Literal(plan.Spec.InputSize)};");
        w.Line($"public static int OutputSize => {KernelSyntax.Literal(plan.Spec.OutputSize)};");
        w.Line($"public static int ParameterCount => {KernelSyntax.Literal(plan.ParameterCount)};");
        w.Line($"public static bool HasBias => {(plan.Spec.HasBias ? "true" : "false")};");
        w.Line($"public static int BlockRows => {KernelSyntax.Literal(DenseLayerPlan.BlockRows)};");
        w.Line($"public static ReadOnlySpan<int> LayerSizes => new int[] {{ {string.Join(", ", plan.LayerSizes.Select(KernelSyntax.Literal))} }};");
    }
}
