using System;
using System.Globalization;
using System.IO;
using StudyScore;

// The classic sleep/study -> test score example, in three parts:
//   1. the 2-3-1 network fitted to three samples with full-batch L-BFGS, and what it predicts;
//   2. overfitting: four training and four test samples, trained without and with L2 regularization;
//   3. why gradients: a brute-force grid search over 1 and 2 weights, timed, and what all 9 (or 16, 100) would take.
// Then two PNG plots of cost per iteration go to ./plots/. Everything is deterministic (fixed seeds).
// The exit code is 1 when Part 1 does not bring the cost below ClassicStudy.CostThreshold, so CI notices.

CultureInfo inv = CultureInfo.InvariantCulture;
ReadOnlySpan<NetGen.Activation> activations = StudyScoreNet.Activations;
Console.WriteLine("StudyScore: predict a test score from hours of sleep and hours of study.");
Console.WriteLine(string.Create(inv,
    $"Network: {string.Join('-', StudyScoreNet.LayerSizes.ToArray())}, hidden {activations[0]}, output {activations[^1]}, " +
    $"{StudyScoreNet.Loss} loss, {(StudyScoreNet.HasBias ? "with" : "no")} bias, {StudyScoreNet.ParameterCount} parameters, double"));
Console.WriteLine();

ClassicStudyResult classic = ClassicStudy.Run();
Console.WriteLine();
RegularizationRun[] runs = OverfittingStudy.Run();
Console.WriteLine();
BruteForceStudy.Run(classic);
Console.WriteLine();

string plots = Path.GetFullPath("plots");
Directory.CreateDirectory(plots);
string trainingPlot = Path.Combine(plots, "part1-training-cost.png");
string overfittingPlot = Path.Combine(plots, "part2-train-vs-test-cost.png");
CostPlots.WriteTrainingCost(trainingPlot, classic.CostPerIteration, ClassicStudy.CostThreshold);
CostPlots.WriteTrainVersusTest(overfittingPlot, runs);
if (!CostPlots.FontsAvailable)
{
    Console.Error.WriteLine("warning: no fonts found, so the plots have no text; install one (Debian: apt-get install fonts-dejavu-core).");
}

Console.WriteLine("Plots:");
Console.WriteLine("  " + trainingPlot);
Console.WriteLine("  " + overfittingPlot);

if (!(classic.CostAfter < ClassicStudy.CostThreshold))
{
    Console.Error.WriteLine(string.Create(inv,
        $"FAILED: cost after training {classic.CostAfter:G4} is not below {ClassicStudy.CostThreshold:G4}."));
    return 1;
}

return 0;
