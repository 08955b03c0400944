using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>Emits the network's shape (constants, layout, storage) and its public per-sample and batch API.</summary>
internal static class MembersEmitter
{
    private const string Span = "global::System.Span";
    private const string ReadOnlySpan = "global::System.ReadOnlySpan";
    private const string Checks = "global::NetGen.SpanChecks";
    private const string Initializer = "global::NetGen.ParameterInitializer";

    public static void EmitShape(SourceWriter w, NetworkSpec spec, List<LayerPlan> plans, NumericType type)
    {
        string t = type.Keyword;
        string network = $"global::NetGen.INetwork<{t}>";
        int parameterCount = plans[plans.Count - 1].End;

        Constant(w, "Number of inputs per sample.", "int", "InputSize", spec.InputSize.ToString());
        Constant(w, "Number of outputs per sample.", "int", "OutputSize", spec.OutputSize.ToString());
        Constant(w, "Number of weights and biases: the length of <see cref=\"Parameters\"/>.", "int", "ParameterCount", parameterCount.ToString());
        Constant(w, "Whether every layer has a bias vector.", "bool", "HasBias", spec.HasBias ? "true" : "false");
        string cost = LossEmitter.CostFormula(spec.Loss, plans[plans.Count - 1].Activation);
        Constant(w, $"The per-sample cost J = {cost}.", "global::NetGen.Loss", "Loss", $"global::NetGen.Loss.{spec.Loss}");
        Constant(w, "τ of the exponential cost.", "double", "Tau", NumericType.Double.Literal(spec.Tau));
        Constant(w, "α, the slope of LeakyReLU for z ≤ 0.", "double", "LeakySlope", NumericType.Double.Literal(spec.LeakySlope));

        w.Line("/// <summary>Input size, hidden sizes and output size, in order.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        w.Line($"public static {ReadOnlySpan}<int> LayerSizes => new int[] {{ {string.Join(", ", new[] { spec.InputSize }.Concat(spec.Layers.Select(l => l.Outputs)))} }};");
        w.Line();
        w.Line("/// <summary>The activation of each weight layer, from the first hidden layer to the output layer.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        w.Line($"public static {ReadOnlySpan}<global::NetGen.Activation> Activations => s_activations;");
        w.Line();

        w.Line("// Where each layer's weights (and biases) start in Parameters.");
        foreach (LayerPlan p in plans)
        {
            w.Line($"private const int {p.WOffset} = {p.WeightStart};");
            if (spec.HasBias)
            {
                w.Line($"private const int {p.BOffset} = {p.BiasStart};");
            }
        }

        w.Line();
        string activations = string.Join(", ", spec.Layers.Select(l => $"global::NetGen.Activation.{l.Activation}"));
        w.Line($"private static readonly global::NetGen.Activation[] s_activations = new global::NetGen.Activation[] {{ {activations} }};");
        w.Line();
        w.Line($"// Every field initializer runs before any constructor body, so a new instance is initialized from");
        w.Line($"// ParameterInitializer.DefaultSeed whatever constructors the class declares.");
        w.Line($"private readonly {t}[] _parameters = CreateInitialParameters();");
        w.Line();
        w.Line("/// <summary>Every weight and bias, contiguous, in the order given in the class remarks.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        w.Line($"public {Span}<{t}> Parameters => _parameters;");
        w.Line();
        w.Line($"int {network}.InputSize => InputSize;");
        w.Line($"int {network}.OutputSize => OutputSize;");
        w.Line($"int {network}.ParameterCount => ParameterCount;");
        w.Line($"{ReadOnlySpan}<int> {network}.LayerSizes => LayerSizes;");
        w.Line($"{ReadOnlySpan}<global::NetGen.Activation> {network}.Activations => Activations;");
        w.Line($"global::NetGen.Loss {network}.Loss => Loss;");
        w.Line($"bool {network}.HasBias => HasBias;");
        w.Line($"double {network}.Tau => Tau;");
        w.Line($"double {network}.LeakySlope => LeakySlope;");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Re-initializes every parameter from <paramref name=\"seed\"/>: He uniform weights for ReLU, LeakyReLU,");
        w.Line("/// ELU and GELU layers, Glorot/Xavier uniform for the others, zero biases.");
        w.Line("/// </summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        w.Line($"public void InitializeParameters(int seed) => {Initializer}.Initialize<{t}>(_parameters, LayerSizes, Activations, HasBias, seed);");
        w.Line();
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"private static {t}[] CreateInitialParameters()"))
        {
            w.Line($"var parameters = new {t}[ParameterCount];");
            w.Line($"{Initializer}.Initialize<{t}>(parameters, LayerSizes, Activations, HasBias, {Initializer}.DefaultSeed);");
            w.Line("return parameters;");
        }
    }

    public static void EmitApi(SourceWriter w, NetworkSpec spec, List<LayerPlan> plans, NumericType type)
    {
        string t = type.Keyword;
        LayerPlan last = plans[plans.Count - 1];

        Summary(w, "Computes the network's output ŷ for one sample.");
        using (w.Block($"public void Forward({ReadOnlySpan}<{t}> input, {Span}<{t}> output)"))
        {
            Check(w, "input", "InputSize");
            Check(w, "output", "OutputSize");
            EmitForwardPass(w, plans, t, outputFromSpan: "output");
        }

        w.Line();
        Summary(w, $"Returns the cost J = {LossEmitter.CostFormula(spec.Loss, last.Activation)} of one sample.");
        using (w.Block($"public {t} Cost({ReadOnlySpan}<{t}> input, {ReadOnlySpan}<{t}> target)"))
        {
            Check(w, "input", "InputSize");
            Check(w, "target", "OutputSize");
            EmitForwardPass(w, plans, t, outputFromSpan: null);
            w.Line($"return OutputCost({last.Out}Buffer, target);");
        }

        w.Line();
        Summary(w, "Adds ∂J/∂θ of one sample into <paramref name=\"gradients\"/> (ordered like <see cref=\"Parameters\"/>) and returns J.");
        using (w.Block($"public {t} AccumulateGradients({ReadOnlySpan}<{t}> input, {ReadOnlySpan}<{t}> target, {Span}<{t}> gradients)"))
        {
            Check(w, "input", "InputSize");
            Check(w, "target", "OutputSize");
            Check(w, "gradients", "ParameterCount");
            EmitForwardPass(w, plans, t, outputFromSpan: null);
            w.Line($"ref var g = {Kernel.First("gradients")};");
            EmitBackwardPass(w, plans, t, "ref g", "Accumulate");
        }

        w.Line();
        Summary(w, "One stochastic gradient descent step on one sample, θ ← θ − η·∂J/∂θ, fused with backpropagation; returns J before the update.");
        using (w.Block($"public {t} TrainStep({ReadOnlySpan}<{t}> input, {ReadOnlySpan}<{t}> target, {t} learningRate)"))
        {
            Check(w, "input", "InputSize");
            Check(w, "target", "OutputSize");
            EmitForwardPass(w, plans, t, outputFromSpan: null, sgdStep: true);
            EmitBackwardPass(w, plans, t, "learningRate", "Update");
        }

        BatchEmitter.Emit(w, type);
        TrainingEmitter.Emit(w, spec, plans, type);
    }

    /// <summary>Declares a(1) … a(L+1) (hidden ones on the stack) and runs every layer forward.</summary>
    private static void EmitForwardPass(SourceWriter w, List<LayerPlan> plans, string t, string? outputFromSpan, bool sgdStep = false)
    {
        w.Line();
        w.Line($"ref var p = ref {Kernel.MemoryMarshal}.GetArrayDataReference(_parameters);");
        w.Line($"ref var {plans[0].In} = {Kernel.First("input")};");
        foreach (LayerPlan p in plans)
        {
            bool isOutput = p == plans[plans.Count - 1];
            if (isOutput && outputFromSpan is not null)
            {
                w.Line($"ref var {p.Out} = {Kernel.First(outputFromSpan)};");
            }
            else
            {
                w.Line($"{Span}<{t}> {p.Out}Buffer = stackalloc {t}[{p.Outputs}];");
                w.Line($"ref var {p.Out} = {Kernel.First(p.Out + "Buffer")};");
            }

            if (p.KeepsPreActivation)
            {
                w.Line($"{Span}<{t}> {p.Z}Buffer = stackalloc {t}[{p.Outputs}];");
                w.Line($"ref var {p.Z} = {Kernel.First(p.Z + "Buffer")};");
            }
        }

        w.Line();
        foreach (LayerPlan p in plans)
        {
            string z = p.KeepsPreActivation ? $"ref {p.Z}, " : "";
            w.Line($"{ForwardEmitter.NameFor(p, sgdStep)}(ref p, ref {p.In}, {z}ref {p.Out});");
        }
    }

    /// <summary>Starts from the output delta and walks the layers back to the first.</summary>
    private static void EmitBackwardPass(SourceWriter w, List<LayerPlan> plans, string t, string target, string mode)
    {
        LayerPlan last = plans[plans.Count - 1];
        w.Line();
        foreach (LayerPlan p in Enumerable.Reverse(plans))
        {
            w.Line($"{Span}<{t}> {p.DeltaOut}Buffer = stackalloc {t}[{p.Outputs}];");
            w.Line($"ref var {p.DeltaOut} = {Kernel.First(p.DeltaOut + "Buffer")};");
        }

        string z = last.KeepsPreActivation ? $"{last.Z}Buffer, " : "";
        w.Line($"var cost = OutputDelta({last.Out}Buffer, {z}target, {last.DeltaOut}Buffer);");
        foreach (LayerPlan p in Enumerable.Reverse(plans))
        {
            string zIn = p.InputKeepsPreActivation ? $"ref {p.ZIn}, " : "";
            string deltaIn = p.HasDeltaIn ? $", ref {p.DeltaIn}" : "";
            w.Line($"{mode}Layer{p.Index}(ref p, {target}, ref {p.In}, {zIn}ref {p.DeltaOut}{deltaIn});");
        }

        w.Line("return cost;");
    }

    private static void Check(SourceWriter w, string parameter, string expected) =>
        w.Line($"{Checks}.ThrowIfLengthIsNot({parameter}, {expected}, nameof({parameter}));");

    private static void Summary(SourceWriter w, string text)
    {
        w.Line($"/// <summary>{text}</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
    }

    private static void Constant(SourceWriter w, string summary, string type, string name, string value)
    {
        w.Line($"/// <summary>{summary}</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        w.Line($"public const {type} {name} = {value};");
        w.Line();
    }
}
