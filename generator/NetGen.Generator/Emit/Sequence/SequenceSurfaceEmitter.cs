using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit.Sequence;

/// <summary>
/// The shape, state and public members of a sequence network's class, each member one line that hands the network's
/// parameters and state to NetGen's sequence operations over this network's kernels.
/// </summary>
internal static class SequenceSurfaceEmitter
{
    public static void Emit(SourceWriter w, SequencePlan plan)
    {
        NetworkSpec spec = plan.Spec;
        string t = plan.Type.Keyword;
        string row = $"{TypeNames.ReadOnlySpan}<{t}>", span = $"{TypeNames.Span}<{t}>", state = $"global::NetGen.SequenceState<{t}>";
        string network = $"global::NetGen.ISequenceNetwork<{t}>";
        string operations = $"global::{TypeNames.GeneratedNamespace}.{plan.OperationsName}";
        string kernels = $"global::{TypeNames.GeneratedNamespace}.{plan.KernelsName}";

        Constant(w, "Number of inputs per frame.", "int", "InputSize", Literal(spec.InputSize));
        Constant(w, "Number of outputs per frame.", "int", "OutputSize", Literal(spec.OutputSize));
        Constant(w, "Number of weights and biases: the length of <see cref=\"Parameters\"/>.", "int", "ParameterCount", Literal(plan.ParameterCount));
        Constant(w, "Number of streaming-state elements (LSTM h and c, GRU h, convolution rings).", "int", "StateSize", Literal(plan.StateSize));
        Constant(w, "Whether every layer has biases.", "bool", "HasBias", spec.HasBias ? "true" : "false");
        Constant(w, "The per-frame cost J = ½‖ŷ − y‖².", TypeNames.Loss, "Loss", $"{TypeNames.Loss}.{spec.Loss}");
        Constant(w, "α, the slope of LeakyReLU for z ≤ 0.", "double", "LeakySlope", NumericType.Double.Literal(spec.LeakySlope));

        w.Summary("The layers, first to last.");
        w.Line($"public static {TypeNames.ReadOnlySpan}<global::NetGen.SequenceLayer> Layers => {kernels}.Layers;");
        w.Line();
        TrainedWeightsEmitter.EmitParametersField(w, spec, plan.Type, $"{operations}.CreateParameters()");
        w.Line();
        w.Line("// The gradient that TrainSequence hands to the optimizer, allocated once.");
        w.Line($"private readonly {TypeNames.AlignedArray}<{t}> _gradients = new(ParameterCount);");
        w.Line();
        w.Line("// The state Step, Process and ResetState without a state argument use.");
        w.Line($"private readonly {state} _state =");
        w.Line($"    {operations}.CreateState();");
        w.Line();
        w.Line($"private {t} _l2Regularization;");
        w.Line();
        w.Line($"int {network}.InputSize => InputSize;");
        w.Line($"int {network}.OutputSize => OutputSize;");
        w.Line($"int {network}.ParameterCount => ParameterCount;");
        w.Line($"{TypeNames.ReadOnlySpan}<global::NetGen.SequenceLayer> {network}.Layers => Layers;");
        w.Line($"bool {network}.HasBias => HasBias;");
        w.Line($"{TypeNames.Loss} {network}.Loss => Loss;");
        w.Line($"double {network}.LeakySlope => LeakySlope;");
        w.Line($"{TypeNames.GradientOptimizer}<{t}> {network}.Optimizer => Optimizer;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public {span} Parameters => _parameters.Span;");
        w.Line();
        (string optimizer, string name, string arguments) = SurfaceEmitter.Optimizer(spec.Optimizer, t);
        w.Summary($"The {name} optimizer behind <c>TrainSequence</c>; set its hyperparameters here.");
        w.Line($"public {optimizer} Optimizer {{ get; }} = new({arguments});");
        w.Line();
        w.Line("/// <inheritdoc/>");
        using (w.Block($"public {t} L2Regularization"))
        {
            w.Line("get => _l2Regularization;");
            w.Line($"set => _l2Regularization = {TypeNames.SpanChecks}.NonNegative(value, nameof(L2Regularization));");
        }

        Member(w, "public void InitializeParameters(int seed)", $"{operations}.InitializeParameters(_parameters, seed)");
        Member(w, $"public {state} CreateState()", $"{operations}.CreateState()");
        Member(w, $"public void Step({row} input, {span} output)", $"{operations}.Step(_parameters, _state, input, output)");
        Member(w, $"public void Step({state} state, {row} input, {span} output)", $"{operations}.Step(_parameters, state, input, output)");
        Member(w, "public void ResetState()", "_state.Reset()");
        Member(w, $"public void Process({row} inputs, {span} outputs)", $"{operations}.Process(_parameters, _state, inputs, outputs)");
        Member(w, $"public void Process({state} state, {row} inputs, {span} outputs)",
            $"{operations}.Process(_parameters, state, inputs, outputs)");
        Member(w, $"public {t} Objective({row} inputs, {row} targets)",
            $"{operations}.Objective(_parameters, _l2Regularization, inputs, targets)");
        Member(w, $"public {t} ObjectiveGradient({row} inputs, {row} targets, {span} gradient)",
            $"{operations}.ObjectiveGradient(_parameters, _l2Regularization, inputs, targets, gradient)");
        Member(w, $"public {t} TrainSequence({row} inputs, {row} targets)",
            $"{operations}.TrainSequence(_parameters, _gradients, Optimizer, _l2Regularization, inputs, targets)");
        Member(w, $"public {t} Objective({row} inputs, {row} targets, int warmup)",
            $"{operations}.Objective(_parameters, _l2Regularization, inputs, targets, warmup)");
        Member(w, $"public {t} ObjectiveGradient({row} inputs, {row} targets, {span} gradient, int warmup)",
            $"{operations}.ObjectiveGradient(_parameters, _l2Regularization, inputs, targets, gradient, warmup)");
        Member(w, $"public {t} TrainSequence({row} inputs, {row} targets, int warmup)",
            $"{operations}.TrainSequence(_parameters, _gradients, Optimizer, _l2Regularization, inputs, targets, warmup)");
    }

    private static void Member(SourceWriter w, string head, string expression)
    {
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(TypeNames.Immediate);
        w.ExpressionBody(head, expression);
    }

    private static void Constant(SourceWriter w, string summary, string type, string name, string value)
    {
        w.Summary(summary);
        w.Line($"public const {type} {name} = {value};");
        w.Line();
    }

    private static string Literal(int value) => KernelSyntax.Literal(value);
}
