using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// Where a sequence network keeps everything: each layer's parameters and state, the step's scratch rows, and the
/// references a step passes from layer to layer. Emitters only write what this decides.
/// </summary>
internal sealed class SequencePlan
{
    private SequencePlan(NetworkSpec spec, IReadOnlyList<SequenceLayerPlan> layers, int scratchLength)
    {
        Spec = spec;
        Type = NumericType.For(spec.ElementType);
        Layers = layers;
        ScratchLength = scratchLength;
    }

    public NetworkSpec Spec { get; }

    public NumericType Type { get; }

    public IReadOnlyList<SequenceLayerPlan> Layers { get; }

    /// <summary>Elements of scratch a step uses, kept in the state after its values (so a step needs no stack buffer).</summary>
    public int ScratchLength { get; }

    public int ParameterCount => Layers[Layers.Count - 1].ParameterEnd;

    public int StateSize => Layers.Sum(l => l.StateLength);

    public string KernelsName => Spec.ClassName + "Kernels";

    public string OperationsName => Spec.ClassName + "Operations";


    public static SequencePlan For(NetworkSpec spec)
    {
        var layers = new List<SequenceLayerPlan>();
        int parameters = 0, state = 0, scratch = 0;
        string input = "x";
        foreach (SequenceLayerSpec layer in spec.SequenceLayers)
        {
            SequenceLayerPlanMath math = SequenceLayerPlanMath.Of(layer, spec.HasBias);
            bool last = layer.Index == spec.SequenceLayers.Count;
            bool recurrent = layer.Kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru;

            // Recurrent layers compute into their gate rows and output h in their state; other layers write their
            // output row into scratch (straight into ŷ when they are last), convolutions gather their taps after it.
            int scratchStart = scratch;
            scratch += (int)math.Scratch - (last && !recurrent ? layer.Outputs : 0);

            var plan = new SequenceLayerPlan(
                layer, parameters, (int)math.Parameters, (int)math.Biases, state, (int)math.State, (int)math.RingFrames, scratchStart, input, last);
            layers.Add(plan);
            input = plan.Output;
            parameters += (int)math.Parameters;
            state += (int)math.State;
        }

        return new SequencePlan(spec, layers, scratch);
    }
}
