using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits what training needs beyond one sample's gradient: the optimizer and its gradient buffer, the L2 weight
/// penalty, the batch objective J = (1/N)·Σ J_row + (λ/2)·Σ W² with its gradient, and the optimizer steps.
/// </summary>
internal static class TrainingEmitter
{
    private const string ReadOnlySpan = "global::System.ReadOnlySpan";
    private const string Span = "global::System.Span";
    private const string VectorMath = "global::NetGen.Kernels.VectorMath";

    public static void Emit(SourceWriter w, NetworkSpec spec, List<LayerPlan> plans, NumericType type)
    {
        string t = type.Keyword;
        string network = $"global::NetGen.INetwork<{t}>";
        (string optimizerType, string arguments) = spec.Optimizer switch
        {
            OptimizerKind.Momentum => ($"global::NetGen.Training.MomentumOptimizer<{t}>", "ParameterCount, nesterov: false"),
            OptimizerKind.Nesterov => ($"global::NetGen.Training.MomentumOptimizer<{t}>", "ParameterCount, nesterov: true"),
            OptimizerKind.Adam => ($"global::NetGen.Training.AdamOptimizer<{t}>", "ParameterCount"),
            OptimizerKind.AdamW => ($"global::NetGen.Training.AdamOptimizer<{t}>", "ParameterCount, weightDecay: 0.01"),
            OptimizerKind.RmsProp => ($"global::NetGen.Training.RmsPropOptimizer<{t}>", "ParameterCount"),
            _ => ($"global::NetGen.Training.SgdOptimizer<{t}>", "ParameterCount"),
        };

        w.Line();
        string name = spec.Optimizer switch
        {
            OptimizerKind.Momentum => "momentum",
            OptimizerKind.Nesterov => "Nesterov momentum",
            OptimizerKind.Adam => "Adam",
            OptimizerKind.AdamW => "AdamW",
            OptimizerKind.RmsProp => "RMSProp",
            _ => "SGD",
        };
        w.Line($"/// <summary>The {name} optimizer behind <see cref=\"TrainBatch\"/>; set its hyperparameters here.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        w.Line($"public {optimizerType} Optimizer {{ get; }} = new({arguments});");
        w.Line($"global::NetGen.Training.GradientOptimizer<{t}> {network}.Optimizer => Optimizer;");
        w.Line();
        w.Line("// The batch gradient TrainBatch hands to the optimizer, allocated once.");
        w.Line($"private readonly {t}[] _gradients = new {t}[ParameterCount];");
        w.Line($"private {t} _l2Regularization;");
        w.Line();
        w.Line("/// <summary>λ of the L2 penalty (λ/2)·Σ W² over the weights (not the biases) in <see cref=\"Objective\"/>; finite and ≥ 0.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        w.Line($"public {t} L2Regularization");
        using (w.Block())
        {
            w.Line("get => _l2Regularization;");
            w.Line("set => _l2Regularization = global::NetGen.SpanChecks.NonNegative(value, nameof(L2Regularization));");
        }

        w.Line();
        w.Line("/// <summary>J = (1/N)·Σ J_row + (λ/2)·Σ W² over the N rows of a row-major batch.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"public {t} Objective({ReadOnlySpan}<{t}> inputs, {ReadOnlySpan}<{t}> targets)"))
        {
            w.Line("int rows = global::NetGen.SpanChecks.BatchRows(inputs, targets, InputSize, OutputSize);");
            w.Line($"return CostBatch(inputs, targets) / rows + L2Penalty();");
        }

        w.Line();
        w.Line("/// <summary>Overwrites <paramref name=\"gradient\"/> with ∂J/∂θ = (1/N)·Σ ∂J_row/∂θ + λ·W of <see cref=\"Objective\"/>; returns J.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"public {t} ObjectiveGradient({ReadOnlySpan}<{t}> inputs, {ReadOnlySpan}<{t}> targets, {Span}<{t}> gradient)"))
        {
            w.Line("int rows = global::NetGen.SpanChecks.BatchRows(inputs, targets, InputSize, OutputSize);");
            w.Line("global::NetGen.SpanChecks.ThrowIfLengthIsNot(gradient, ParameterCount, nameof(gradient));");
            w.Line("gradient.Clear();");
            w.Line($"{t} cost = AccumulateGradientsBatch(inputs, targets, gradient) / rows;");
            using (w.Block("if (rows > 1)"))
            {
                w.Line($"{VectorMath}.Scale(gradient, {type.Literal(1)} / rows);");
            }

            using (w.Block($"if (_l2Regularization != {type.Literal(0)})"))
            {
                w.Line($"{ReadOnlySpan}<{t}> parameters = _parameters;");
                foreach (LayerPlan p in plans)
                {
                    string range = $"{p.WOffset}, {p.Inputs * p.Outputs}";
                    w.Line($"{VectorMath}.AddScaled(gradient.Slice({range}), parameters.Slice({range}), _l2Regularization);   // ∂/∂W{p.Index} += λ·W{p.Index}");
                }
            }

            w.Line("return cost + L2Penalty();");
        }

        w.Line();
        w.Line("/// <summary>One optimizer step on ∂J/∂θ of <see cref=\"Objective\"/> over the batch; returns J before the step. Not thread-safe.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"public {t} TrainBatch({ReadOnlySpan}<{t}> inputs, {ReadOnlySpan}<{t}> targets)"))
        {
            w.Line("var cost = ObjectiveGradient(inputs, targets, _gradients);");
            w.Line("Optimizer.Step(_parameters, _gradients);");
            w.Line("return cost;");
        }

        w.Line();
        w.Line("/// <summary>One optimizer step on one sample (<see cref=\"TrainBatch\"/> of one row); returns J before the step. Not thread-safe.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"public {t} TrainStep({ReadOnlySpan}<{t}> input, {ReadOnlySpan}<{t}> target)"))
        {
            w.Line("global::NetGen.SpanChecks.ThrowIfLengthIsNot(input, InputSize, nameof(input));");
            w.Line("global::NetGen.SpanChecks.ThrowIfLengthIsNot(target, OutputSize, nameof(target));");
            w.Line("return TrainBatch(input, target);");
        }

        w.Line();
        w.Line("/// <summary>(λ/2)·Σ W² over every layer's weights.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"private {t} L2Penalty()"))
        {
            using (w.Block($"if (_l2Regularization == {type.Literal(0)})"))
            {
                w.Line($"return {type.Literal(0)};");
            }

            w.Line($"{ReadOnlySpan}<{t}> parameters = _parameters;");
            w.Line($"{t} sum = {type.Literal(0)};");
            foreach (LayerPlan p in plans)
            {
                w.Line($"sum += {VectorMath}.SumOfSquares(parameters.Slice({p.WOffset}, {p.Inputs * p.Outputs}));");
            }

            w.Line($"return {type.Literal(0.5)} * _l2Regularization * sum;");
        }
    }
}
