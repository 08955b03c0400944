using System;
using System.Collections.Generic;
using System.Globalization;
using NetGen.Optimization;

namespace StudyScore;

/// <summary>
/// Part 1, the classic study: fit the 2-3-1 network to the three samples of the teaching example with full-batch
/// L-BFGS on J = (1/N)·Σ ½(y − ŷ)², then show what it learned.
/// </summary>
internal static class ClassicStudy
{
    /// <summary>The run fails (exit code 1) unless training brings J below this.</summary>
    public const double CostThreshold = 1e-4;

    private static readonly ScoreSample[] Samples =
    {
        new(3, 5, 75),
        new(5, 1, 82),
        new(10, 2, 93),
    };

    /// <summary>Trains, prints the run and the predictions, and returns J per iteration (index 0: before training).</summary>
    public static ClassicStudyResult Run()
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        var data = new ScoreData(Samples, Scaling.MaximaOf(Samples));
        var network = new StudyScoreNet();   // starts from the same deterministic parameters every time

        Console.WriteLine(string.Create(inv,
            $"Part 1: the classic study, {data.Count} samples, full-batch L-BFGS on J = (1/N)·Σ ½(y − ŷ)², no L2"));
        Console.WriteLine(string.Create(inv,
            $"Scaling: sleep / {data.Scaling.SleepMax}, study / {data.Scaling.StudyMax}, score / {Scaling.ScoreScale}"));
        Console.WriteLine();

        double costBefore = network.Objective(data.Inputs, data.Targets);
        Console.WriteLine("Cost before training: " + costBefore.ToString("G4", inv));

        var iterations = new List<LbfgsIteration>();
        LbfgsResult result = Lbfgs.Minimize(network, data.Inputs, data.Targets, onIteration: iteration =>
        {
            iterations.Add(iteration);
            return true;
        });

        IterationLog.Print(iterations);
        Console.WriteLine(string.Create(inv,
            $"L-BFGS: {result.Iterations} iterations, {result.Evaluations} cost and gradient evaluations, " +
            $"stopped by {result.StopReason} (‖∇J‖∞ = {result.GradientNorm:0.0E+00})"));

        double costAfter = network.Objective(data.Inputs, data.Targets);
        Console.WriteLine("Cost after training: " + costAfter.ToString("G4", inv));
        Console.WriteLine();

        ScoreTables.PrintPredictions("Training samples (score points):", data, ("predicted", network));
        Console.WriteLine();
        ScoreTables.PrintGrid(network, data.Scaling);

        var costs = new double[iterations.Count + 1];
        costs[0] = costBefore;
        for (int i = 0; i < iterations.Count; i++)
        {
            costs[i + 1] = iterations[i].Cost;
        }

        return new ClassicStudyResult(costAfter, costs, result.Evaluations);
    }
}

/// <summary>The final cost of Part 1, J after each iteration (index 0: before training) and L-BFGS's evaluations.</summary>
internal sealed record ClassicStudyResult(double CostAfter, double[] CostPerIteration, int Evaluations);
