namespace NetGen.Generator.Emit;

/// <summary>Emits the batch helpers: loops of the per-sample methods over row-major sample matrices.</summary>
internal static class BatchEmitter
{
    public static void Emit(SourceWriter w, NumericType type)
    {
        string t = type.Keyword;
        string span = "global::System.Span", readOnlySpan = "global::System.ReadOnlySpan", checks = "global::NetGen.SpanChecks";

        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Computes ŷ for each row of <paramref name=\"inputs\"/> (row-major, InputSize per row) into the rows of");
        w.Line($"/// <paramref name=\"outputs\"/>: {BatchForwardEmitter.Samples} rows at a time, each weight loaded once for all of them, then one by one.");
        w.Line("/// </summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"public void ForwardBatch({readOnlySpan}<{t}> inputs, {span}<{t}> outputs)"))
        {
            w.Line($"int rows = {checks}.RowCount(inputs, InputSize, nameof(inputs));");
            w.Line($"{checks}.ThrowIfLengthIsNot(outputs, rows * OutputSize, nameof(outputs));");
            w.Line("int r = 0;");
            int samples = BatchForwardEmitter.Samples;
            using (w.Block($"for (; r + {samples} <= rows; r += {samples})"))
            {
                w.Line($"{BatchForwardEmitter.BlockName}(inputs.Slice(r * InputSize, {samples} * InputSize), outputs.Slice(r * OutputSize, {samples} * OutputSize));");
            }

            using (w.Block("for (; r < rows; r++)"))
            {
                w.Line("Forward(inputs.Slice(r * InputSize, InputSize), outputs.Slice(r * OutputSize, OutputSize));");
            }
        }

        w.Line();
        w.Line("/// <summary>Returns Σ J over the rows of <paramref name=\"inputs\"/> and <paramref name=\"targets\"/> (row-major).</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"public {t} CostBatch({readOnlySpan}<{t}> inputs, {readOnlySpan}<{t}> targets)"))
        {
            EmitRowChecks(w, checks);
            w.Line($"{t} cost = {type.Literal(0)};");
            using (w.Block("for (int r = 0; r < rows; r++)"))
            {
                w.Line("cost += Cost(inputs.Slice(r * InputSize, InputSize), targets.Slice(r * OutputSize, OutputSize));");
            }

            w.Line("return cost;");
        }

        w.Line();
        w.Line("/// <summary>Adds Σ ∂J/∂θ over the rows of <paramref name=\"inputs\"/> and <paramref name=\"targets\"/> into <paramref name=\"gradients\"/>; returns Σ J.</summary>");
        NetworkEmitter.EmitMemberAttributes(w);
        using (w.Block($"public {t} AccumulateGradientsBatch({readOnlySpan}<{t}> inputs, {readOnlySpan}<{t}> targets, {span}<{t}> gradients)"))
        {
            EmitRowChecks(w, checks);
            w.Line($"{checks}.ThrowIfLengthIsNot(gradients, ParameterCount, nameof(gradients));");
            w.Line($"{t} cost = {type.Literal(0)};");
            using (w.Block("for (int r = 0; r < rows; r++)"))
            {
                w.Line("cost += AccumulateGradients(inputs.Slice(r * InputSize, InputSize), targets.Slice(r * OutputSize, OutputSize), gradients);");
            }

            w.Line("return cost;");
        }
    }

    private static void EmitRowChecks(SourceWriter w, string checks)
    {
        w.Line($"int rows = {checks}.RowCount(inputs, InputSize, nameof(inputs));");
        w.Line($"{checks}.ThrowIfLengthIsNot(targets, rows * OutputSize, nameof(targets));");
    }
}
