using System;
using System.Collections.Generic;
using System.Globalization;
using NetGen;
using NetGen.Optimization;

namespace StudyScore;

/// <summary>
/// Part 2, overfitting: 9 weights fitted to only 4 training samples learn those samples rather than the trend, and
/// do worse on 4 other (test) samples; an L2 penalty (λ/2)·Σ W² keeps the weights small and the fit smoother.
/// Both runs start from the same parameters and use full-batch L-BFGS.
/// </summary>
internal static class OverfittingStudy
{
    /// <summary>λ of the regularized run, as in the classic treatment.</summary>
    public const double Lambda = 1e-4;

    private static readonly ScoreSample[] TrainSamples =
    {
        new(3, 5, 75),
        new(5, 1, 82),
        new(10, 2, 93),
        new(6, 1.5, 70),
    };

    private static readonly ScoreSample[] TestSamples =
    {
        new(4, 5.5, 70),
        new(4.5, 1, 89),
        new(9, 2.5, 85),
        new(6, 2, 75),
    };

    /// <summary>Trains without and with L2, prints the comparison and returns both runs.</summary>
    public static RegularizationRun[] Run()
    {
        CultureInfo inv = CultureInfo.InvariantCulture;

        // Both sets are scaled by the TRAINING maxima: the test set must not influence the model in any way.
        Scaling scaling = Scaling.MaximaOf(TrainSamples);
        var train = new ScoreData(TrainSamples, scaling);
        var test = new ScoreData(TestSamples, scaling);

        Console.WriteLine(string.Create(inv,
            $"Part 2: overfitting, {StudyScoreNet.ParameterCount} weights, {train.Count} training and {test.Count} test samples"));
        Console.WriteLine(string.Create(inv,
            $"Scaling by the training maxima: sleep / {scaling.SleepMax}, study / {scaling.StudyMax}, score / {Scaling.ScoreScale}"));
        Console.WriteLine(string.Create(inv,
            $"Both runs start from the same parameters (a new network's, which are the same for every new instance) and minimize " +
            $"J = (1/N)·Σ ½(y − ŷ)² + (λ/2)·Σ W² over the training set with L-BFGS."));
        Console.WriteLine("\"cost\" below is the data term (1/N)·Σ ½(y − ŷ)² alone, without the L2 term, on either set.");
        Console.WriteLine();

        RegularizationRun[] runs =
        {
            Train("no L2", lambda: 0, train, test),
            Train(string.Create(inv, $"L2 λ={Lambda:0e0}"), Lambda, train, test),
        };

        Console.WriteLine(" run          iterations  evaluations  stop reason         train J    train cost   test cost   Σ W²");
        foreach (RegularizationRun run in runs)
        {
            Console.WriteLine(string.Create(inv,
                $" {run.Name,-12} {run.Result.Iterations,10} {run.Result.Evaluations,12}  {run.Result.StopReason,-17} " +
                $"{run.TrainObjective,10:0.000E+00} {run.TrainCost,11:0.000E+00} {run.TestCost,11:0.000E+00} {run.WeightSquareSum,6:0.0}"));
        }

        Console.WriteLine();
        ScoreTables.PrintPredictions("Test samples (score points):", test, (runs[0].Name, runs[0].Network), (runs[1].Name, runs[1].Network));
        Console.WriteLine();
        Console.WriteLine(Conclusion(runs[0], runs[1]));
        return runs;
    }

    /// <summary>
    /// Minimizes the training objective with L2 weight <paramref name="lambda"/>, recording the training and test
    /// cost (data term only) before training and after every iteration.
    /// </summary>
    private static RegularizationRun Train(string name, double lambda, ScoreData train, ScoreData test)
    {
        var network = new StudyScoreNet();   // every new instance starts from the same parameters
        network.L2Regularization = lambda;

        var trainCosts = new List<double> { train.MeanCost(network) };
        var testCosts = new List<double> { test.MeanCost(network) };
        LbfgsResult result = Lbfgs.Minimize(network, train.Inputs, train.Targets, onIteration: _ =>
        {
            // The network holds the new iterate when the callback runs.
            trainCosts.Add(train.MeanCost(network));
            testCosts.Add(test.MeanCost(network));
            return true;
        });

        double weightSquareSum = 0;
        foreach (double w in network.Parameters)
        {
            weightSquareSum += w * w;   // no biases: every parameter is a weight
        }

        return new RegularizationRun(
            name, lambda, result, network, network.Objective(train.Inputs, train.Targets), train.MeanCost(network),
            test.MeanCost(network), weightSquareSum, trainCosts.ToArray(), testCosts.ToArray());
    }

    /// <summary>One sentence on what the two runs show, from their numbers.</summary>
    private static string Conclusion(RegularizationRun plain, RegularizationRun regularized)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        int best = 0;
        for (int i = 1; i < plain.TestCosts.Length; i++)
        {
            if (plain.TestCosts[i] < plain.TestCosts[best])
            {
                best = i;
            }
        }

        if (regularized.TestCost < plain.TestCost)
        {
            return string.Create(inv,
                $"Without L2, L-BFGS drives the training cost to {plain.TrainCost:G3} by memorizing the four samples " +
                $"(Σ W² = {plain.WeightSquareSum:0}) while the test cost, lowest at iteration {best} ({plain.TestCosts[best]:G3}), " +
                $"ends at {plain.TestCost:G3}; with λ = {regularized.Lambda:0e0} the weights stay small (Σ W² = {regularized.WeightSquareSum:0.0}) " +
                $"and a training cost of {regularized.TrainCost:G3} comes with a {plain.TestCost / regularized.TestCost:0.0}× lower " +
                $"test cost ({regularized.TestCost:G3}).");
        }

        return string.Create(inv,
            $"Here L2 (λ = {regularized.Lambda:0e0}) did not lower the test cost ({regularized.TestCost:G3} vs {plain.TestCost:G3} " +
            $"without it): with so few samples the comparison depends on the starting parameters.");
    }
}

/// <summary>One training run of Part 2 and the costs recorded along the way.</summary>
/// <param name="Name">A label for tables and the plot legend.</param>
/// <param name="Lambda">λ of the L2 penalty used in training.</param>
/// <param name="Result">What L-BFGS reported.</param>
/// <param name="Network">The trained network.</param>
/// <param name="TrainObjective">The minimized objective on the training set, L2 term included.</param>
/// <param name="TrainCost">(1/N)·Σ ½(y − ŷ)² on the training set, no L2 term.</param>
/// <param name="TestCost">(1/N)·Σ ½(y − ŷ)² on the test set, no L2 term.</param>
/// <param name="WeightSquareSum">Σ W² of the trained weights.</param>
/// <param name="TrainCosts">The training cost before training (index 0) and after each iteration.</param>
/// <param name="TestCosts">The test cost before training (index 0) and after each iteration.</param>
internal sealed record RegularizationRun(
    string Name, double Lambda, LbfgsResult Result, StudyScoreNet Network, double TrainObjective, double TrainCost,
    double TestCost, double WeightSquareSum, double[] TrainCosts, double[] TestCosts);
