using System.Globalization;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// One sequence layer's place in the network: its parameter range, its state range (LSTM h then c, GRU h, a
/// convolution's ring), its scratch in a step, and the references a step reads it from and writes it to.
/// </summary>
internal sealed class SequenceLayerPlan
{
    public SequenceLayerPlan(
        SequenceLayerSpec spec, int parameterStart, int parameterLength, int biasLength, int stateStart, int stateLength,
        int ringFrames, int scratchStart, string input, bool isLast)
    {
        Spec = spec;
        ParameterStart = parameterStart;
        ParameterLength = parameterLength;
        BiasLength = biasLength;
        StateStart = stateStart;
        StateLength = stateLength;
        RingFrames = ringFrames;
        ScratchStart = scratchStart;
        Input = input;
        IsLast = isLast;
    }

    public SequenceLayerSpec Spec { get; }

    public int Index => Spec.Index;

    public int ParameterStart { get; }

    public int ParameterLength { get; }

    public int ParameterEnd => ParameterStart + ParameterLength;

    public int BiasLength { get; }

    public int StateStart { get; }

    public int StateLength { get; }

    public int RingFrames { get; }

    /// <summary>Where the step's scratch rows of this layer start.</summary>
    public int ScratchStart { get; }

    /// <summary>The reference the step reads this layer's input from.</summary>
    public string Input { get; }

    public bool IsLast { get; }

    public bool IsRecurrent => Spec.Kind is SequenceLayerKind.Lstm or SequenceLayerKind.Gru;

    /// <summary>The constant naming where the parameters start, e.g. <c>P1</c>.</summary>
    public string ParameterConstant => "P" + Text(Index);

    /// <summary>h of a recurrent layer (its state's start), e.g. <c>H1</c>.</summary>
    public string HiddenConstant => "H" + Text(Index);

    /// <summary>c of an LSTM (after h), e.g. <c>C1</c>.</summary>
    public string CellConstant => "C" + Text(Index);

    /// <summary>A convolution's ring of past inputs, e.g. <c>R1</c>.</summary>
    public string RingConstant => "R" + Text(Index);

    /// <summary>The reference the step writes this layer's output to, which the next layer reads.</summary>
    public string Output => IsRecurrent
        ? $"Unsafe.Add(ref s, {HiddenConstant})"
        : IsLast ? "y" : Scratch(0);

    /// <summary>Where a convolution gathers the input frames its taps read, after its output row (if that is in scratch).</summary>
    public string Taps => Scratch(IsLast ? 0 : Spec.Outputs);

    /// <summary>The element of the step's scratch at this layer's start plus <paramref name="offset"/>.</summary>
    public string Scratch(int offset) => ScratchStart + offset == 0 ? "scratch" : $"Unsafe.Add(ref scratch, {Text(ScratchStart + offset)})";

    /// <summary>The layer's name in the math, e.g. <c>h1</c> for an LSTM's output, <c>a2</c> for a dense layer's.</summary>
    public string OutputName => IsLast && !IsRecurrent ? "ŷ" : (IsRecurrent ? "h" : "a") + Text(Index);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
