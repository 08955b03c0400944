using System.Linq;
using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>The network's shape and state in the user's class: constants, layer lists, fields, and the interfaces' view of them.</summary>
internal static class ShapeEmitter
{
    public static void Emit(SourceWriter w, NetworkPlan plan)
    {
        NetworkSpec spec = plan.Spec;
        string t = plan.Type.Keyword;
        Constant(w, "Number of inputs per sample.", "int", "InputSize", Literal(spec.InputSize));
        Constant(w, "Number of outputs per sample.", "int", "OutputSize", Literal(spec.OutputSize));
        Constant(w, "Number of weights and biases: the length of <see cref=\"Parameters\"/>.", "int", "ParameterCount", Literal(plan.ParameterCount));
        Constant(w, "Whether every layer has a bias vector.", "bool", "HasBias", spec.HasBias ? "true" : "false");
        Constant(w, $"The per-sample cost J = {LossSyntax.Cost(spec.Loss, plan.OutputLayer.Activation)}.", TypeNames.Loss, "Loss",
            $"{TypeNames.Loss}.{spec.Loss}");
        Constant(w, "τ of the exponential cost.", "double", "Tau", NumericType.Double.Literal(spec.Tau));
        Constant(w, "α, the slope of LeakyReLU for z ≤ 0.", "double", "LeakySlope", NumericType.Double.Literal(spec.LeakySlope));

        w.Summary("Input size, hidden sizes and output size, in order.");
        w.Line($"public static {TypeNames.ReadOnlySpan}<int> LayerSizes => new int[] {{ {string.Join(", ", plan.LayerSizes.Select(Literal))} }};");
        w.Line();
        w.Summary("The activation of each weight layer, from the first hidden layer to the output layer.");
        w.Line($"public static {TypeNames.ReadOnlySpan}<{TypeNames.Activation}> Activations => new {TypeNames.Activation}[]");
        using (w.Block(closing: "};"))
        {
            w.List(spec.Layers.Select(l => $"{TypeNames.Activation}.{l.Activation}"));
        }

        w.Line();
        TrainedWeightsEmitter.EmitParametersField(
            w, spec, plan.Type, $"{TypeNames.ParameterInitializer}.Create<{t}>(LayerSizes, Activations, HasBias)");
        w.Line();
        w.Line("// The gradient that TrainBatch and TrainStep hand to the optimizer, allocated once.");
        w.Line($"private readonly {TypeNames.AlignedArray}<{t}> _gradients = new(ParameterCount);");
        w.Line();
        w.Line($"private {t} _l2Regularization;");
        w.Line();

        string network = $"{TypeNames.INetwork}<{t}>", trainable = $"{TypeNames.ITrainableNetwork}<{t}>";
        w.Line($"int {network}.InputSize => InputSize;");
        w.Line($"int {network}.OutputSize => OutputSize;");
        w.Line($"int {network}.ParameterCount => ParameterCount;");
        w.Line($"{TypeNames.ReadOnlySpan}<int> {network}.LayerSizes => LayerSizes;");
        w.Line($"{TypeNames.ReadOnlySpan}<{TypeNames.Activation}> {network}.Activations => Activations;");
        w.Line($"bool {network}.HasBias => HasBias;");
        w.Line($"double {network}.LeakySlope => LeakySlope;");
        w.Line($"{TypeNames.Loss} {trainable}.Loss => Loss;");
        w.Line($"double {trainable}.Tau => Tau;");
        w.Line($"{TypeNames.GradientOptimizer}<{t}> {trainable}.Optimizer => Optimizer;");
        w.Line();
    }

    private static void Constant(SourceWriter w, string summary, string type, string name, string value)
    {
        w.Summary(summary);
        w.Line($"public const {type} {name} = {value};");
        w.Line();
    }

    private static string Literal(int value) => KernelSyntax.Literal(value);
}
