using System.Globalization;
using System.Text;

namespace NetGen.Evaluation;

/// <summary>What <c>NetworkEvaluation.Evaluate</c> measured over a batch of rows.</summary>
/// <param name="Rows">The number of rows evaluated.</param>
/// <param name="Correct">
/// The rows whose predicted class equals the target's: the argmax of the output against the argmax of the target row
/// (or the label); with a single output, ŷ ≥ 0.5 against y ≥ 0.5 (or the label 0 or 1). Meaningful for classifiers only.
/// </param>
/// <param name="MeanSquaredError">
/// (1/(N·m))·Σ (ŷ − y)² over the N rows and m outputs (the mean over every output value, like PyTorch's
/// <c>MSELoss</c>), y the target row or the label's one-hot row; computed in <see cref="double"/>.
/// </param>
/// <param name="Cost">
/// The mean per-row cost (1/N)·Σ J_row of the network's <see cref="ITrainableNetwork{T}.Loss"/>, from
/// <see cref="ITrainableNetwork{T}.Cost"/>: <see cref="ITrainableNetwork{T}.Objective"/> without the L2 penalty.
/// </param>
public readonly record struct EvaluationResult(int Rows, int Correct, double MeanSquaredError, double Cost)
{
    /// <summary>The fraction of rows predicted correctly, <see cref="Correct"/> / <see cref="Rows"/>: NaN when there are no rows.</summary>
    public double Accuracy => (double)Correct / Rows;

    /// <summary>
    /// The members for <c>ToString()</c>, numbers in the invariant culture:
    /// <c>EvaluationResult { Rows = 360, Correct = 348, Accuracy = 0.966667, MeanSquaredError = 0.00512, Cost = 0.112 }</c>.
    /// </summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(
            CultureInfo.InvariantCulture,
            $"Rows = {Rows}, Correct = {Correct}, Accuracy = {Accuracy:G6}, MeanSquaredError = {MeanSquaredError:G6}, Cost = {Cost:G6}");
        return true;
    }
}
