using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Evaluation;
using NetGen.Tests.Models;
using Xunit;

namespace NetGen.Tests.Evaluation;

/// <summary>
/// PredictClass, PredictClasses and Evaluate against straightforward loops over Forward and Cost, on random classifiers
/// (so that predictions are mixed), a binary sigmoid classifier and the PyTorch-trained digits model.
/// </summary>
public sealed class NetworkEvaluationTests
{
    [Fact]
    public void PredictClass_IsTheArgMaxOfForward()
    {
        (float[] inputs, _) = Blobs.Create(rows: 60, seed: 1);
        var net = new EvalClassifierNet();
        var output = new float[3];
        var seen = new bool[3];
        for (int r = 0; r < 60; r++)
        {
            ReadOnlySpan<float> row = inputs.AsSpan(r * 4, 4);
            net.Forward(row, output);
            int expected = Blobs.FirstMaxByHand(output);
            seen[expected] = true;
            Assert.Equal(expected, net.PredictClass(row));
        }

        Assert.Contains(true, seen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(170)]    // one chunk of outputs is 170 rows of 3 outputs
    [InlineData(171)]
    [InlineData(1000)]
    public void PredictClasses_EqualsPredictClassOfEachRow(int rows)
    {
        var net = new EvalClassifierNet();
        net.InitializeParameters(3);
        (float[] inputs, _) = Blobs.Create(rows, seed: rows);
        var classes = new int[rows];
        Array.Fill(classes, -1);

        net.PredictClasses(inputs, classes);

        for (int r = 0; r < rows; r++)
        {
            Assert.Equal(net.PredictClass(inputs.AsSpan(r * 4, 4)), classes[r]);
        }
    }

    [Fact]
    public void PredictClasses_OfNoRows_WritesNothing()
    {
        new EvalClassifierNet().PredictClasses(ReadOnlySpan<float>.Empty, Span<int>.Empty);
    }

    [Fact]
    public void WithASingleOutput_TheClassIsOneFromAProbabilityOfOneHalf()
    {
        var net = new EvalBinaryNet();
        var random = new Random(4);
        var inputs = new float[400];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)((random.NextDouble() * 8) - 4);
        }

        var classes = new int[200];
        net.PredictClasses(inputs, classes);
        var output = new float[1];
        var seen = new bool[2];
        for (int r = 0; r < 200; r++)
        {
            net.Forward(inputs.AsSpan(r * 2, 2), output);
            int expected = output[0] >= 0.5f ? 1 : 0;
            seen[expected] = true;
            Assert.Equal(expected, classes[r]);
            Assert.Equal(expected, net.PredictClass(inputs.AsSpan(r * 2, 2)));
        }

        Assert.Equal([true, true], seen);
    }

    [Fact]
    public void Evaluate_MatchesLoopsOverForwardAndCost()
    {
        (float[] inputs, int[] labels) = Blobs.Create(rows: 500, seed: 2);
        float[] targets = Blobs.OneHotByHand(labels, 3);
        var net = new EvalClassifierNet();
        net.InitializeParameters(11);

        EvaluationResult result = net.Evaluate(inputs, targets);

        int correct = 0;
        double squared = 0, cost = 0;
        var output = new float[3];
        for (int r = 0; r < 500; r++)
        {
            net.Forward(inputs.AsSpan(r * 4, 4), output);
            correct += Blobs.FirstMaxByHand(output) == labels[r] ? 1 : 0;
            for (int j = 0; j < 3; j++)
            {
                double d = (double)output[j] - targets[(r * 3) + j];
                squared += d * d;
            }

            cost += net.Cost(inputs.AsSpan(r * 4, 4), targets.AsSpan(r * 3, 3));
        }

        Assert.InRange(correct, 1, 499);   // a random network: some right, some wrong
        Assert.Equal(500, result.Rows);
        Assert.Equal(correct, result.Correct);
        Assert.Equal(correct / 500.0, result.Accuracy);
        // ForwardBatch and Forward may round differently (NumericAssert.ReassociationTolerance per output).
        NumericAssert.Close(squared / 1500, result.MeanSquaredError, 1e-6, "mean squared error");
        Assert.Equal(cost / 500, result.Cost, 12);
    }

    [Fact]
    public void Evaluate_WithLabels_EqualsEvaluate_WithTheirOneHotRows()
    {
        (float[] inputs, int[] labels) = Blobs.Create(rows: 300, seed: 3);
        var net = new EvalClassifierDoubleNet();
        net.InitializeParameters(5);
        double[] doubleInputs = Array.ConvertAll(inputs, v => (double)v);

        EvaluationResult withLabels = net.Evaluate(doubleInputs, labels);
        EvaluationResult withTargets = net.Evaluate(doubleInputs, Classification.OneHot<double>(labels, 3));

        Assert.Equal(withTargets, withLabels);
        Assert.InRange(withLabels.Correct, 1, 299);
    }

    [Fact]
    public void Evaluate_WithASingleOutput_ReadsLabelsAsZeroAndOne()
    {
        var net = new EvalBinaryNet();
        float[] inputs = [-2, 1, 0.5f, 0.5f, 3, -1, -1, -3, 0, 0];
        int[] labels = [1, 0, 1, 0, 1];
        float[] targets = [1, 0, 1, 0, 1];

        EvaluationResult result = net.Evaluate(inputs, labels);

        Assert.Equal(net.Evaluate(inputs, targets), result);
        int correct = 0;
        for (int r = 0; r < 5; r++)
        {
            correct += net.PredictClass(inputs.AsSpan(r * 2, 2)) == labels[r] ? 1 : 0;
        }

        Assert.Equal(correct, result.Correct);
        Assert.Throws<ArgumentOutOfRangeException>(() => net.Evaluate(inputs, [1, 0, 2, 0, 1]));
    }

    [Fact]
    public void EvaluateCost_IsTheObjectiveWithoutTheL2Penalty()
    {
        (float[] inputs, int[] labels) = Blobs.Create(rows: 64, seed: 8);
        float[] targets = Blobs.OneHotByHand(labels, 3);
        var net = new EvalClassifierDoubleNet();
        double[] x = Array.ConvertAll(inputs, v => (double)v), y = Array.ConvertAll(targets, v => (double)v);
        double withoutPenalty = net.Objective(x, y);

        net.L2Regularization = 0.1;
        double penalty = 0;
        int w1 = 4 * 8, w2 = 8 * 3;
        foreach (double w in net.Parameters[..w1].ToArray().Concat(net.Parameters.Slice(w1 + 8, w2).ToArray()))
        {
            penalty += 0.05 * w * w;
        }

        Assert.Equal(withoutPenalty, net.Evaluate(x, y).Cost, 12);
        Assert.Equal(withoutPenalty + penalty, net.Objective(x, y), 12);
    }

    [Fact]
    public void WithMoreOutputsThanTheStackScratch_ResultsMatchLoopsOverForwardAndCost()
    {
        var net = new EvalWideNet();
        var random = new Random(6);
        const int rows = 5;
        double[] inputs = Enumerable.Range(0, rows * 3).Select(_ => (random.NextDouble() * 20) - 10).ToArray();
        int[] labels = [0, 599, 17, 300, 42];
        var classes = new int[rows];

        net.PredictClasses(inputs, classes);
        EvaluationResult withLabels = net.Evaluate(inputs, labels);
        EvaluationResult withTargets = net.Evaluate(inputs, Classification.OneHot<double>(labels, 600));

        var output = new double[600];
        var target = new double[600];
        int correct = 0;
        double squared = 0, cost = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> x = inputs.AsSpan(r * 3, 3);
            net.Forward(x, output);
            int expected = Array.IndexOf(output, output.Max());
            Assert.Equal(expected, classes[r]);
            Assert.Equal(expected, net.PredictClass(x));
            correct += expected == labels[r] ? 1 : 0;
            Array.Clear(target);
            target[labels[r]] = 1;
            squared += output.Zip(target, (o, t) => (o - t) * (o - t)).Sum();
            cost += net.Cost(x, target);
        }

        Assert.Equal(withTargets, withLabels);
        Assert.Equal(correct, withLabels.Correct);
        NumericAssert.Close(squared / (rows * 600), withLabels.MeanSquaredError, 1e-15, "mean squared error");
        NumericAssert.Close(cost / rows, withLabels.Cost, 1e-12, "cost");
    }

    [Fact]
    public void Digits_PredictsPyTorchsClasses_AndEvaluatesThem()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Models", "Fixtures", "dense-outputs.json");
        JsonElement digits = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("digits");
        float[] inputs = digits.GetProperty("inputs").EnumerateArray()
            .SelectMany(row => row.EnumerateArray().Select(v => (float)v.GetDouble()))
            .ToArray();
        int[] pyTorchClasses = digits.GetProperty("outputs").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray())
            .Select(p => Array.IndexOf(p, p.Max()))
            .ToArray();
        var net = new DigitsModel();

        var predicted = new int[40];
        net.PredictClasses(inputs, predicted);
        EvaluationResult result = net.Evaluate(inputs, pyTorchClasses);

        Assert.Equal(pyTorchClasses, predicted);
        Assert.Equal(40, result.Correct);
        Assert.Equal(1.0, result.Accuracy);
        Assert.True(result.Cost > 0 && result.MeanSquaredError > 0);
    }

    [Fact]
    public void WrongSpans_NameTheArgumentAndTheExpectedSize()
    {
        var net = new EvalClassifierNet();

        Assert.Equal("input", Assert.Throws<ArgumentException>(() => net.PredictClass(new float[3])).ParamName);

        var inputs = Assert.Throws<ArgumentException>(() => net.PredictClasses(new float[9], new int[2]));
        Assert.Equal("inputs", inputs.ParamName);
        Assert.Contains("multiple of 4", inputs.Message, StringComparison.Ordinal);
        var classes = Assert.Throws<ArgumentException>(() => net.PredictClasses(new float[8], new int[3]));
        Assert.Equal("classes", classes.ParamName);
        Assert.Contains("Expected length 2", classes.Message, StringComparison.Ordinal);

        var empty = Assert.Throws<ArgumentException>(() => net.Evaluate(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty));
        Assert.Equal("inputs", empty.ParamName);
        var targets = Assert.Throws<ArgumentException>(() => net.Evaluate(new float[8], new float[5]));
        Assert.Equal("targets", targets.ParamName);
        Assert.Contains("Expected length 6 (2 rows of 3", targets.Message, StringComparison.Ordinal);
        var labels = Assert.Throws<ArgumentException>(() => net.Evaluate(new float[8], new int[3]));
        Assert.Equal("labels", labels.ParamName);
        Assert.Contains("Expected length 2", labels.Message, StringComparison.Ordinal);
        var label = Assert.Throws<ArgumentOutOfRangeException>(() => net.Evaluate(new float[8], [0, 3]));
        Assert.Contains("labels[1] is 3", label.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => NetworkEvaluation.PredictClass<float>(null!, new float[4]));
    }

    [Fact]
    public void EvaluationResult_PrintsInvariantNumbers()
    {
        var result = new EvaluationResult(Rows: 8, Correct: 6, MeanSquaredError: 0.0123456789, Cost: 1.5);

        Assert.Equal(
            "EvaluationResult { Rows = 8, Correct = 6, Accuracy = 0.75, MeanSquaredError = 0.0123457, Cost = 1.5 }",
            result.ToString());
    }
}
