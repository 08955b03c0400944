namespace NetGen.Evaluation;

/// <summary>
/// The two parts of a data set split by <see cref="DataSplit.TrainTest{TInput, TTarget}"/>: row-major inputs and
/// targets, each row paired with its target row as in the original data, and the original index of every row.
/// </summary>
/// <typeparam name="TInput">The element type of the inputs.</typeparam>
/// <typeparam name="TTarget">The element type of the targets: the network's, or <see cref="int"/> for labels.</typeparam>
public sealed class TrainTestSplit<TInput, TTarget>
{
    internal TrainTestSplit(
        TInput[] trainInputs, TTarget[] trainTargets, TInput[] testInputs, TTarget[] testTargets, int[] trainRows, int[] testRows)
    {
        (TrainInputs, TrainTargets, TestInputs, TestTargets) = (trainInputs, trainTargets, testInputs, testTargets);
        (TrainRows, TestRows) = (trainRows, testRows);
    }

    /// <summary>The training inputs, row-major.</summary>
    public TInput[] TrainInputs { get; }

    /// <summary>The training targets, one row per training input row.</summary>
    public TTarget[] TrainTargets { get; }

    /// <summary>The test inputs, row-major.</summary>
    public TInput[] TestInputs { get; }

    /// <summary>The test targets, one row per test input row.</summary>
    public TTarget[] TestTargets { get; }

    /// <summary>For each training row, in order, its index in the original data.</summary>
    public int[] TrainRows { get; }

    /// <summary>For each test row, in order, its index in the original data.</summary>
    public int[] TestRows { get; }

    /// <summary>The four arrays, for <c>var (trainInputs, trainTargets, testInputs, testTargets) = split;</c>.</summary>
    /// <param name="trainInputs">Receives <see cref="TrainInputs"/>.</param>
    /// <param name="trainTargets">Receives <see cref="TrainTargets"/>.</param>
    /// <param name="testInputs">Receives <see cref="TestInputs"/>.</param>
    /// <param name="testTargets">Receives <see cref="TestTargets"/>.</param>
    public void Deconstruct(out TInput[] trainInputs, out TTarget[] trainTargets, out TInput[] testInputs, out TTarget[] testTargets) =>
        (trainInputs, trainTargets, testInputs, testTargets) = (TrainInputs, TrainTargets, TestInputs, TestTargets);
}
