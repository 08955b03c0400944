using System.Globalization;
using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit.Sequence;

/// <summary>Each sequence layer's equations and description, as the generated comments and documentation show them.</summary>
internal static class SequenceFormulas
{
    /// <summary>E.g. <c>Layer 1, LSTM 1 → 16</c>, with k and d for a convolution.</summary>
    public static string Title(SequenceLayerPlan layer)
    {
        SequenceLayerSpec s = layer.Spec;
        string shape = $"{s.Inputs} → {s.Outputs}";
        string extra = s.Kind == SequenceLayerKind.Conv1D ? $", kernel {s.KernelSize}, dilation {s.Dilation}" : "";
        string activation = layer.IsRecurrent ? "" : $", {ActivationSyntax.Name(s.Activation)}";
        return $"Layer {Text(s.Index)}, {Kind(s.Kind)} {shape}{extra}{activation}";
    }

    /// <summary>What one step of the layer computes, in the math's symbols.</summary>
    public static string Step(SequenceLayerPlan layer, string input, bool hasBias)
    {
        SequenceLayerSpec s = layer.Spec;
        string l = Text(s.Index), b = hasBias ? $" + b{l}" : "";
        switch (s.Kind)
        {
            case SequenceLayerKind.Lstm:
                return $"z = {input}·Wx{l} + h{l}·Wh{l}{b}; i, f, o = σ(z_i, z_f, z_o), g = tanh(z_g); " +
                       $"c{l} ← f ⊙ c{l} + i ⊙ g; h{l} ← o ⊙ tanh(c{l})";
            case SequenceLayerKind.Gru:
                string bx = hasBias ? $" + bx{l}" : "", bh = hasBias ? $" + bh{l}" : "";
                return $"a = {input}·Wx{l}{bx}, u = h{l}·Wh{l}{bh}; r, z = σ(a_r + u_r, a_z + u_z), n = tanh(a_n + r ⊙ u_n); " +
                       $"h{l} ← (1 − z) ⊙ n + z ⊙ h{l}";
            case SequenceLayerKind.Conv1D:
                string reach = $"t − ({Text(s.KernelSize - 1)} − j)·{Text(s.Dilation)}";
                return $"{layer.OutputName}[t] = {ActivationSyntax.Formula(s.Activation, $"Σⱼ {input}[{reach}]·W{l}[j]{b}")}, " +
                       $"the last {Text(layer.RingFrames)} inputs kept in ring R{l}";
            default:
                return $"{layer.OutputName} = {ActivationSyntax.Formula(s.Activation, $"{input}·W{l}{b}")}";
        }
    }

    /// <summary>The kind as the docs name it.</summary>
    public static string Kind(SequenceLayerKind kind) => kind switch
    {
        SequenceLayerKind.Lstm => "LSTM",
        SequenceLayerKind.Gru => "GRU",
        SequenceLayerKind.Conv1D => "Conv1D",
        _ => "Dense",
    };

    /// <summary>The parameter blocks of the layer in order, with their shapes, e.g. <c>Wx1 [1][64]</c>.</summary>
    public static string[] Blocks(SequenceLayerPlan layer, bool hasBias)
    {
        SequenceLayerSpec s = layer.Spec;
        string l = Text(s.Index), n = Text(s.Inputs), m = Text(s.Outputs);
        switch (s.Kind)
        {
            case SequenceLayerKind.Lstm:
                string g4 = Text(4 * s.Outputs);
                return hasBias
                    ? new[] { $"Wx{l} [{n}][{g4}]", $"Wh{l} [{m}][{g4}]", $"b{l} [{g4}] (i, f, g, o)" }
                    : new[] { $"Wx{l} [{n}][{g4}]", $"Wh{l} [{m}][{g4}] (i, f, g, o)" };
            case SequenceLayerKind.Gru:
                string g3 = Text(3 * s.Outputs);
                return hasBias
                    ? new[] { $"Wx{l} [{n}][{g3}]", $"Wh{l} [{m}][{g3}]", $"bx{l} [{g3}]", $"bh{l} [{g3}] (r, z, n)" }
                    : new[] { $"Wx{l} [{n}][{g3}]", $"Wh{l} [{m}][{g3}] (r, z, n)" };
            case SequenceLayerKind.Conv1D:
                return hasBias
                    ? new[] { $"W{l} [{Text(s.KernelSize)}][{n}][{m}]", $"b{l} [{m}]" }
                    : new[] { $"W{l} [{Text(s.KernelSize)}][{n}][{m}]" };
            default:
                return hasBias ? new[] { $"W{l} [{n}][{m}]", $"b{l} [{m}]" } : new[] { $"W{l} [{n}][{m}]" };
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
