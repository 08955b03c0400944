using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// The kernels the runtime calls (forward, cost, gradient, fused SGD step, forward of a block of rows): each declares
/// its scratch rows as inline arrays on the stack and calls the layers' kernels in order, through their signatures,
/// with the math of each call beside it.
/// </summary>
internal static class PassEmitter
{
    public static void Emit(SourceWriter w, NetworkPlan plan)
    {
        LayerPlan last = plan.OutputLayer;
        string y = ReadOnlySpanOf("y");

        Pass(w, plan, plan.Forward, $"ŷ of one sample X.", Buffers(plan, outputs: false, deltas: false), body: buffers =>
            Forward(w, plan, buffers, sgdStep: false));

        Pass(w, plan, plan.Cost, $"J = {LossSyntax.Cost(plan.Spec.Loss, last.Activation)} of one sample.",
            Buffers(plan, outputs: true, deltas: false), body: buffers =>
            {
                Forward(w, plan, buffers, sgdStep: false);
                w.Line($"return {LossEmitter.CostCall(plan, last.Out, y)};");
            });

        Pass(w, plan, plan.AccumulateGradients, "Adds ∂J/∂θ of one sample to g; returns J.",
            Buffers(plan, outputs: true, deltas: true), body: buffers =>
            {
                Forward(w, plan, buffers, sgdStep: false);
                Backward(w, plan, buffers, update: false);
            });

        Pass(w, plan, plan.SgdStep, "One SGD step θ ← θ − η·∂J/∂θ on one sample, each layer updated as soon as δ passes it; returns J.",
            Buffers(plan, outputs: true, deltas: true), body: buffers =>
            {
                Forward(w, plan, buffers, sgdStep: true);
                Backward(w, plan, buffers, update: true);
            });

        var block = plan.Layers.Take(plan.Layers.Count - 1)
            .Select(p => new Buffer(p.Out, DenseLayerPlan.BlockRows * p.Outputs))
            .ToList();
        Pass(w, plan, plan.ForwardBlock, $"ŷ of {KernelSyntax.Literal(DenseLayerPlan.BlockRows)} samples, row-major.", block,
            body: buffers =>
            {
                foreach (LayerPlan p in plan.Layers)
                {
                    Call(w, p.ForwardBlock, buffers, ForwardMath(plan, p));
                }
            });
    }

    /// <summary>The inline-array type that holds <paramref name="length"/> elements, e.g. <c>Floats3</c>.</summary>
    public static string BufferType(NumericType type, int length) =>
        (type == NumericType.Double ? "Doubles" : "Floats") + KernelSyntax.Literal(length);

    /// <summary>Every buffer length the passes declare, so each gets its inline-array type.</summary>
    public static IEnumerable<int> BufferLengths(NetworkPlan plan) =>
        Buffers(plan, outputs: true, deltas: true)
            .Concat(plan.Layers.Select(p => new Buffer(p.Out, DenseLayerPlan.BlockRows * p.Outputs)).Take(plan.Layers.Count - 1))
            .Select(b => b.Length)
            .Distinct()
            .OrderBy(length => length);

    /// <summary>A scratch row of a pass.</summary>
    private sealed record Buffer(string Name, int Length);

    /// <summary>
    /// The rows a pass keeps on the stack: hidden activations (and the output when the pass does not write the
    /// caller's), the pre-activations GELU′ needs, and δ of every layer's outputs but the input's.
    /// </summary>
    private static List<Buffer> Buffers(NetworkPlan plan, bool outputs, bool deltas)
    {
        var buffers = new List<Buffer>();
        foreach (LayerPlan p in plan.Layers)
        {
            if (outputs || p != plan.OutputLayer)
            {
                buffers.Add(new Buffer(p.Out, p.Outputs));
            }

            if (p.KeepsPreActivation)
            {
                buffers.Add(new Buffer(p.Z, p.Outputs));
            }
        }

        if (deltas)
        {
            buffers.AddRange(plan.Layers.Reverse().Select(p => new Buffer(p.DeltaOut, p.Outputs)));
        }

        return buffers;
    }

    private static void Pass(
        SourceWriter w, NetworkPlan plan, KernelSignature signature, string summary, List<Buffer> buffers, System.Action<List<Buffer>> body)
    {
        w.Line();
        w.Summary(summary);
        w.PassAttributes();

        using (w.Block(signature.Declaration(plan.Type, "public static")))
        {
            foreach (Buffer buffer in buffers)
            {
                w.Line($"Unsafe.SkipInit(out {BufferType(plan.Type, buffer.Length)} {buffer.Name});");
            }

            body(buffers);
        }
    }

    /// <summary>
    /// The layers' forward calls. The SGD step computes the hidden layers' packed sigmoid or tanh columns one by one
    /// (less latency: the next step waits on this one); its output layer computes ŷ as every other pass does, so the J
    /// it returns and the δ it starts from are those of <c>Cost</c> and <c>AccumulateGradients</c>.
    /// </summary>
    private static void Forward(SourceWriter w, NetworkPlan plan, List<Buffer> buffers, bool sgdStep)
    {
        foreach (LayerPlan p in plan.Layers)
        {
            bool packed = !sgdStep || p == plan.OutputLayer;
            string throughput = $"{LayerPlan.ThroughputFlag}: {(packed ? "true" : "false")}";
            Call(w, p.Forward, buffers, ForwardMath(plan, p), throughput);
        }
    }

    private static void Backward(SourceWriter w, NetworkPlan plan, List<Buffer> buffers, bool update)
    {
        LayerPlan last = plan.OutputLayer;
        string z = last.KeepsPreActivation ? $"{last.Z}, " : "";
        w.Line(
            $"{plan.Type.Keyword} cost = OutputDelta({last.Out}, {z}{ReadOnlySpanOf("y")}, {last.DeltaOut});",
            $"J, and δ{last.Index + 1} = {LossSyntax.OutputDelta(plan.Spec.Loss, last.Activation, last.Z)}");
        foreach (LayerPlan p in plan.Layers.Reverse())
        {
            string input = p.Index == 1 ? "X" : p.In;
            string delta = $"δ{p.Index + 1}";
            string step = update
                ? $"W{p.Index} −= η·{input}ᵀ·{delta}" + (p.HasBias ? $", b{p.Index} −= η·{delta}" : "")
                : $"∂J/∂W{p.Index} += {input}ᵀ·{delta}" + (p.HasBias ? $", ∂J/∂b{p.Index} += {delta}" : "");
            string backward = p.HasDeltaIn ? $"δ{p.Index} = {delta}·W{p.Index}ᵀ{ActivationSyntax.PrimeFactor(p.InputActivation, p.ZIn)}; " : "";
            Call(w, update ? p.Update : p.Accumulate, buffers, backward + step);
        }

        w.Line("return cost;");
    }

    /// <summary>What one layer's forward kernel computes, e.g. <c>a2 = σ(X·W1 + b1)</c>.</summary>
    private static string ForwardMath(NetworkPlan plan, LayerPlan p)
    {
        string input = p.Index == 1 ? "X" : p.In;
        string output = p == plan.OutputLayer ? "ŷ" : p.Out;
        string z = $"{input}·W{p.Index}" + (p.HasBias ? $" + b{p.Index}" : "");
        return $"{output} = {ActivationSyntax.Formula(p.Activation, z)}";
    }

    /// <summary>
    /// A call with the buffers passed as their first element (and a forward kernel's throughput flag as given), and its
    /// math as a comment.
    /// </summary>
    private static void Call(SourceWriter w, KernelSignature kernel, List<Buffer> buffers, string math, string? throughput = null)
    {
        string Argument(string name) =>
            name == LayerPlan.ThroughputFlag ? throughput ?? name
            : buffers.Exists(b => b.Name == name) ? $"{name}[0]"
            : name;
        w.Line(kernel.Call(Argument) + ";", math);
    }

    private static string ReadOnlySpanOf(string reference) => $"MemoryMarshal.CreateReadOnlySpan(ref {reference}, OutputSize)";
}
