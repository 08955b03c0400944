using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// The public members of the user's class, each one line that hands the network's state to NetGen's operations
/// over this network's kernels (<see cref="NetworkPlan.OperationsName"/>).
/// </summary>
internal static class SurfaceEmitter
{
    public static void Emit(SourceWriter w, NetworkPlan plan)
    {
        string t = plan.Type.Keyword;
        string row = $"{TypeNames.ReadOnlySpan}<{t}>", rows = row, span = $"{TypeNames.Span}<{t}>";
        string operations = $"global::{TypeNames.GeneratedNamespace}.{plan.OperationsName}";

        w.Line("/// <inheritdoc/>");
        w.Line($"public {span} Parameters => _parameters.Span;");
        w.Line();
        (string optimizer, string name, string arguments) = Optimizer(plan.Spec.Optimizer, t);
        w.Summary($"The {name} optimizer behind <see cref=\"TrainBatch\"/> and <see cref=\"TrainStep\"/>; set its hyperparameters here.");
        w.Line($"public {optimizer} Optimizer {{ get; }} = new({arguments});");
        w.Line();
        w.Line("/// <inheritdoc/>");
        using (w.Block($"public {t} L2Regularization"))
        {
            w.Line("get => _l2Regularization;");
            w.Line($"set => _l2Regularization = {TypeNames.SpanChecks}.NonNegative(value, nameof(L2Regularization));");
        }

        w.Line();
        w.Line("/// <inheritdoc/>");
        w.ExpressionBody(
            "public void InitializeParameters(int seed)",
            $"{TypeNames.ParameterInitializer}.Initialize<{t}>(_parameters.Span, LayerSizes, Activations, HasBias, seed)");

        Member(w, Inherited,
            $"public void Forward({row} input, {span} output)", $"{operations}.Forward(_parameters, input, output)");
        Member(w, Inherited,
            $"public void ForwardBatch({rows} inputs, {span} outputs)", $"{operations}.ForwardBatch(_parameters, inputs, outputs)");
        Member(w, Inherited,
            $"public {t} Cost({row} input, {row} target)", $"{operations}.Cost(_parameters, input, target)");
        Member(w, "Returns Σ J over the rows of <paramref name=\"inputs\"/> and <paramref name=\"targets\"/> (row-major).",
            $"public {t} CostBatch({rows} inputs, {rows} targets)", $"{operations}.CostBatch(_parameters, inputs, targets)");
        Member(w, Inherited,
            $"public {t} AccumulateGradients({row} input, {row} target, {span} gradients)",
            $"{operations}.AccumulateGradients(_parameters, input, target, gradients)");
        Member(w, "Adds Σ ∂J/∂θ over the rows into <paramref name=\"gradients\"/>; returns Σ J.",
            $"public {t} AccumulateGradientsBatch({rows} inputs, {rows} targets, {span} gradients)",
            $"{operations}.AccumulateGradientsBatch(_parameters, inputs, targets, gradients)");
        Member(w, Inherited,
            $"public {t} SgdStep({row} input, {row} target, {t} learningRate)",
            $"{operations}.SgdStep(_parameters, input, target, learningRate)");
        Member(w, Inherited,
            $"public {t} Objective({rows} inputs, {rows} targets)",
            $"{operations}.Objective(_parameters, _l2Regularization, inputs, targets)");
        Member(w, Inherited,
            $"public {t} ObjectiveGradient({rows} inputs, {rows} targets, {span} gradient)",
            $"{operations}.ObjectiveGradient(_parameters, _l2Regularization, inputs, targets, gradient)");
        Member(w, Inherited,
            $"public {t} TrainBatch({rows} inputs, {rows} targets)",
            $"{operations}.TrainBatch(_parameters, _gradients, Optimizer, _l2Regularization, inputs, targets)");
        Member(w, Inherited,
            $"public {t} TrainStep({row} input, {row} target)",
            $"{operations}.TrainStep(_parameters, _gradients, Optimizer, _l2Regularization, input, target)");
    }

    /// <summary>Documentation of a member that implements an interface member: the interface's own.</summary>
    private const string Inherited = "";

    private static void Member(SourceWriter w, string summary, string head, string expression)
    {
        w.Line();
        if (summary.Length == 0)
        {
            w.Line("/// <inheritdoc/>");
        }
        else
        {
            w.Summary(summary);
        }

        w.Line(TypeNames.Immediate);
        w.ExpressionBody(head, expression);
    }

    /// <summary>The optimizer's type, its name in prose, and the constructor arguments.</summary>
    public static (string Type, string Name, string Arguments) Optimizer(OptimizerKind kind, string t) => kind switch
    {
        OptimizerKind.Momentum => ($"global::NetGen.Training.MomentumOptimizer<{t}>", "momentum", "ParameterCount, nesterov: false"),
        OptimizerKind.Nesterov => ($"global::NetGen.Training.MomentumOptimizer<{t}>", "Nesterov momentum", "ParameterCount, nesterov: true"),
        OptimizerKind.Adam => ($"global::NetGen.Training.AdamOptimizer<{t}>", "Adam", "ParameterCount"),
        OptimizerKind.AdamW => ($"global::NetGen.Training.AdamOptimizer<{t}>", "AdamW", "ParameterCount, weightDecay: 0.01"),
        OptimizerKind.RmsProp => ($"global::NetGen.Training.RmsPropOptimizer<{t}>", "RMSProp", "ParameterCount"),
        _ => ($"global::NetGen.Training.SgdOptimizer<{t}>", "SGD", "ParameterCount"),
    };
}
