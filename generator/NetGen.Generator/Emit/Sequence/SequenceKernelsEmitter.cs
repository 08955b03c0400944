using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit.Sequence;

/// <summary>
/// NetGen's namespace in a sequence network's file: the file-local operations class, the kernels struct (where each
/// layer's parameters and state sit, the layer table, and the step that calls each layer with its sizes as constants)
/// and the step's scratch row.
/// </summary>
internal static class SequenceKernelsEmitter
{
    private static readonly string[] Usings =
    [
        "System",
        "System.CodeDom.Compiler",
        "System.Runtime.CompilerServices",
        "System.Runtime.InteropServices",
        "NetGen.CompilerServices",
        "static System.Runtime.CompilerServices.MethodImplOptions",
    ];

    public static void Emit(SourceWriter w, SequencePlan plan)
    {
        NetworkSpec spec = plan.Spec;
        string t = plan.Type.Keyword;
        string generatedCode = $"[GeneratedCode(\"NetGen\", \"{NetworkEmitter.Version}\")]";
        using (w.Block($"namespace {TypeNames.GeneratedNamespace}"))
        {
            foreach (string import in Usings)
            {
                w.Line($"using {import};");
            }

            w.Line();
            w.Summary($"NetGen's sequence-network operations over <see cref=\"{plan.KernelsName}\"/>, under a short name.");
            w.Line(generatedCode);
            w.Line($"file sealed class {plan.OperationsName} : SequenceNetwork<{plan.KernelsName}, {t}>");
            using (w.Block())
            {
            }

            w.Line();
            w.Summary($"The kernels of <see cref=\"global::{spec.FullName}\"/>, on references to rows whose lengths the operations have checked.");
            w.Line(generatedCode);
            using (w.Block($"file readonly struct {plan.KernelsName} : ISequenceKernels<{t}>"))
            {
                Shape(w, plan);
                w.Line();
                Step(w, plan);
            }

            if (spec.Weights is not null)
            {
                TrainedWeightsEmitter.EmitClass(w, spec, plan.Type, plan.Layers.Select(WeightsTitle).ToList(), generatedCode);
            }

        }
    }

    /// <summary>A layer's comment in the trained weights, with its layout, and its parameter count.</summary>
    private static (string, int) WeightsTitle(SequenceLayerPlan layer)
    {
        SequenceLayerSpec l = layer.Spec;
        int n = l.Inputs, m = l.Outputs;
        bool bias = layer.BiasLength > 0;
        string layout = l.Kind switch
        {
            SequenceLayerKind.Lstm => $"Wx [{n}][4·{m}], Wh [{m}][4·{m}]{(bias ? $", b [4·{m}]" : "")} (gates i, f, g, o)",
            SequenceLayerKind.Gru => $"Wx [{n}][3·{m}], Wh [{m}][3·{m}]{(bias ? $", bx [3·{m}], bh [3·{m}]" : "")} (gates r, z, n)",
            SequenceLayerKind.Conv1D => $"W [{l.KernelSize}][{n}][{m}]{(bias ? $", b [{m}]" : "")} (taps oldest first)",
            _ => $"W [{n}][{m}]{(bias ? $", b [{m}]" : "")}",
        };
        return ($"Layer {l.Index}, {SequenceFormulas.Kind(l.Kind)} {n} → {m}: {layout}", layer.ParameterLength);
    }

    /// <summary>Where each layer's parameters and state start, the sizes and the layer table.</summary>
    private static void Shape(SourceWriter w, SequencePlan plan)
    {
        w.Line("// Where each layer's parameters start in Parameters, and its state in the state; the step's scratch follows the state.");
        foreach (SequenceLayerPlan layer in plan.Layers)
        {
            w.Line($"private const int {layer.ParameterConstant} = {KernelSyntax.Literal(layer.ParameterStart)};");
            switch (layer.Spec.Kind)
            {
                case SequenceLayerKind.Lstm:
                    w.Line($"private const int {layer.HiddenConstant} = {KernelSyntax.Literal(layer.StateStart)};");
                    w.Line($"private const int {layer.CellConstant} = {KernelSyntax.Literal(layer.StateStart + layer.Spec.Outputs)};");
                    break;
                case SequenceLayerKind.Gru:
                    w.Line($"private const int {layer.HiddenConstant} = {KernelSyntax.Literal(layer.StateStart)};");
                    break;
                case SequenceLayerKind.Conv1D:
                    w.Line($"private const int {layer.RingConstant} = {KernelSyntax.Literal(layer.StateStart)};");
                    break;
            }
        }

        string t = plan.Type.Keyword;
        w.Line();
        using (w.Block("private static readonly SequenceLayer[] s_layers = new SequenceLayer[]", closing: "};"))
        {
            foreach (SequenceLayerPlan layer in plan.Layers)
            {
                SequenceLayerSpec s = layer.Spec;
                w.Line($"new(SequenceLayerKind.{s.Kind}, {KernelSyntax.Literal(s.Inputs)}, {KernelSyntax.Literal(s.Outputs)}, " +
                       $"{KernelSyntax.Literal(s.KernelSize)}, {KernelSyntax.Literal(s.Dilation)}, Activation.{s.Activation}, " +
                       $"HasBias: {(plan.Spec.HasBias ? "true" : "false")}),");
            }
        }

        w.Line();
        w.Line($"public static int InputSize => {KernelSyntax.Literal(plan.Spec.InputSize)};");
        w.Line($"public static int OutputSize => {KernelSyntax.Literal(plan.Spec.OutputSize)};");
        w.Line($"public static int ParameterCount => {KernelSyntax.Literal(plan.ParameterCount)};");
        w.Line($"public static int StateSize => {KernelSyntax.Literal(plan.StateSize)};");
        w.Line($"public static int ScratchSize => {KernelSyntax.Literal(plan.ScratchLength)};");
        w.Line($"public static ReadOnlySpan<SequenceLayer> Layers => s_layers;");
        w.Line($"public static {t} LeakySlope => {plan.Type.Literal(plan.Spec.LeakySlope)};");
    }

    /// <summary>One frame through every layer, each call with the layer's equations above it.</summary>
    private static void Step(SourceWriter w, SequencePlan plan)
    {
        string t = plan.Type.Keyword;
        string layers = $"SequenceLayers<{t}>";
        string bias = plan.Spec.HasBias ? "true" : "false";
        const string slope = "LeakySlope";   // the kernels' constant α, used by LeakyReLU layers only
        w.Summary("One frame: x through every layer to ŷ, each layer advancing its state (s); frame positions the rings.");
        w.Line("[MethodImpl(NoInlining | AggressiveOptimization)]");
        using (w.Block($"public static void Step(ref {t} p, ref {t} s, uint frame, ref {t} x, ref {t} y)"))
        {
            if (plan.ScratchLength > 0)
            {
                w.Line($"ref {t} scratch = ref Unsafe.Add(ref s, StateSize);   // after the state: gate rows, outputs, taps");
            }

            string input = "x";
            foreach (SequenceLayerPlan layer in plan.Layers)
            {
                SequenceLayerSpec s = layer.Spec;
                w.Line();
                w.Line($"// {SequenceFormulas.Title(layer)}:");
                w.Comment("// ", SequenceFormulas.Step(layer, input, plan.Spec.HasBias));
                string p = $"ref Unsafe.Add(ref p, {layer.ParameterConstant})";
                string n = $"inputs: {KernelSyntax.Literal(s.Inputs)}", m = KernelSyntax.Literal(s.Outputs);
                string x = $"x: ref {layer.Input}";
                string h = $"ref Unsafe.Add(ref s, {layer.HiddenConstant})";
                string b = $"bias: {bias}";
                switch (s.Kind)
                {
                    case SequenceLayerKind.Lstm:
                        string c = $"ref Unsafe.Add(ref s, {layer.CellConstant})";
                        Call(w, $"{layers}.Lstm", p, n, $"units: {m}", b, x, $"hPrevious: {h}", $"cPrevious: {c}",
                            $"gates: ref {layer.Scratch(0)}", $"c: {c}", $"h: {h}");
                        break;
                    case SequenceLayerKind.Gru:
                        Call(w, $"{layers}.Gru", p, n, $"units: {m}", b, x, $"hPrevious: {h}", $"scratch: ref {layer.Scratch(0)}", $"h: {h}");
                        break;
                    case SequenceLayerKind.Conv1D:
                        Call(w, $"{layers}.Conv1DStep", p, n, $"outputs: {m}", $"kernelSize: {KernelSyntax.Literal(s.KernelSize)}",
                            $"dilation: {KernelSyntax.Literal(s.Dilation)}", b, $"f: Activation.{s.Activation}", $"slope: {slope}",
                            $"ring: ref Unsafe.Add(ref s, {layer.RingConstant})", $"ringFrames: {KernelSyntax.Literal(layer.RingFrames)}",
                            "frame", x, $"taps: ref {layer.Taps}", $"a: ref {layer.Output}");
                        break;
                    default:
                        Call(w, $"{layers}.Dense", p, n, $"outputs: {m}", b, $"f: Activation.{s.Activation}", $"slope: {slope}", x,
                            $"a: ref {layer.Output}");
                        break;
                }

                input = layer.OutputName;
            }

            SequenceLayerPlan last = plan.Layers[plan.Layers.Count - 1];
            if (last.IsRecurrent)
            {
                w.Line();
                w.Line($"// ŷ = {input}");
                string length = KernelSyntax.Literal(last.Spec.Outputs);
                w.Line($"MemoryMarshal.CreateReadOnlySpan(ref {last.Output}, {length}).CopyTo(MemoryMarshal.CreateSpan(ref y, {length}));");
            }
        }
    }

    /// <summary>A call; the writer wraps its arguments when the line is too wide.</summary>
    private static void Call(SourceWriter w, string method, params string[] arguments) =>
        w.Line($"{method}({string.Join(", ", arguments)});");
}
