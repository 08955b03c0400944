using System.Collections.Generic;
using System.Linq;
using NetGen.Onnx.Messages;

// Also compiled into the generator (linked).
namespace NetGen.Onnx;

/// <summary>
/// What every ONNX import does before recognizing layers: checks the operator set versions, inlines the model-local
/// functions (<see cref="FunctionInliner"/>) and folds constant subgraphs over initializers (<see cref="ConstantSubgraphs"/>).
/// </summary>
internal static class ModelGraph
{
    /// <summary>The oldest default-domain opset read: the oldest ONNX Runtime runs.</summary>
    public const int MinOpset = 7;

    /// <summary>The newest default-domain opset read: the newest ONNX Runtime 1.32 runs.</summary>
    public const int MaxOpset = 28;

    /// <summary>The model with its graph prepared for the recognizers; a model without a graph is returned as it is.</summary>
    public static ModelProto Prepare(ModelProto model)
    {
        if (model.Graph is not { } graph)
        {
            return model;
        }

        CheckOpsets(model.OpsetImports, "The model");
        foreach (FunctionProto function in model.Functions)
        {
            CheckOpsets(function.OpsetImports, $"Function '{function.Name}'");
        }

        if (model.Functions.Count > 0)
        {
            graph = FunctionInliner.Inline(graph, model.Functions);
        }

        var prepared = new ModelProto
        {
            IrVersion = model.IrVersion,
            ProducerName = model.ProducerName,
            ProducerVersion = model.ProducerVersion,
            DocString = model.DocString,
            Graph = ConstantSubgraphs.Fold(graph),
        };
        prepared.OpsetImports.AddRange(model.OpsetImports);
        return prepared;
    }

    private static void CheckOpsets(List<OperatorSetIdProto> opsets, string who)
    {
        foreach (OperatorSetIdProto opset in opsets.Where(o => o.Domain.Length == 0 || o.Domain == "ai.onnx"))
        {
            if (opset.Version is < MinOpset or > MaxOpset)
            {
                throw new OnnxFormatException(
                    $"{who} imports ONNX opset {opset.Version}; NetGen reads opsets {MinOpset} to {MaxOpset} " +
                    $"(those ONNX Runtime 1.32 runs), whose operators it knows. Export with an opset in that range.");
            }
        }
    }
}
