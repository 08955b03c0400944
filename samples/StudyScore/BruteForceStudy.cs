using System;
using System.Diagnostics;
using System.Globalization;

namespace StudyScore;

/// <summary>
/// Part 3, why training needs gradients: try every value on a grid of 21 per weight (−1 to 1, step 0.1), as the
/// teaching example argues, for 1 and then 2 of the network's weights, time the cost evaluations, and show what the
/// same search would take for all 9 weights of this network, and for 16 and 100, beside what L-BFGS needed.
/// </summary>
internal static class BruteForceStudy
{
    /// <summary>Grid values per weight: −1, −0.9, …, 1.</summary>
    public const int GridPoints = 21;

    private static readonly ScoreSample[] Samples =
    {
        new(3, 5, 75),
        new(5, 1, 82),
        new(10, 2, 93),
    };

    /// <summary>Runs the searches and prints the table; <paramref name="classic"/> is Part 1's L-BFGS run.</summary>
    public static void Run(ClassicStudyResult classic)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        var data = new ScoreData(Samples, Scaling.MaximaOf(Samples));
        var network = new StudyScoreNet();   // the untrained starting parameters; the search varies W1[0][0], then W1[0][1] too
        Console.WriteLine(string.Create(inv,
            $"Part 3: why training needs gradients: a grid of {GridPoints} values per weight (−1 to 1, step 0.1), J over the {data.Count} samples"));

        (double best1, double cost1) = Search1(network, data);
        Console.WriteLine(string.Create(inv,
            $"1 weight (W1[0][0], the others at their starting values): {GridPoints} evaluations, best {best1:0.0} with J {cost1:G4}"));
        (double best2a, double best2b, double cost2) = Search2(new StudyScoreNet(), data);
        Console.WriteLine(string.Create(inv,
            $"2 weights (W1[0][0], W1[0][1]): {GridPoints * GridPoints} evaluations, best ({best2a:0.0}, {best2b:0.0}) with J {cost2:G4}"));

        double seconds = SecondsPerEvaluation(new StudyScoreNet(), data);
        Console.WriteLine(string.Create(inv,
            $"Measured: {seconds * 1e9:0} ns per evaluation of J (StudyScoreNet.Objective over {data.Count} samples, this machine)"));
        Console.WriteLine();
        Console.WriteLine("weights  evaluations (21^k)          time at that rate");
        foreach (int k in new[] { 1, 2, 6, StudyScoreNet.ParameterCount, 16, 100 })
        {
            double evaluations = Math.Pow(GridPoints, k);
            Console.WriteLine(string.Create(inv,
                $"{k,7}  {Count(evaluations),-26}  {Duration(evaluations * seconds)}{(k == StudyScoreNet.ParameterCount ? "   (this network)" : "")}"));
        }

        Console.WriteLine(string.Create(inv,
            $"L-BFGS fitted all {StudyScoreNet.ParameterCount} weights to J {classic.CostAfter:G3} with {classic.Evaluations} evaluations of J and its gradient (Part 1)."));
    }

    private static (double Best, double Cost) Search1(StudyScoreNet network, ScoreData data)
    {
        (double best, double bestCost) = (double.NaN, double.PositiveInfinity);
        for (int i = 0; i < GridPoints; i++)
        {
            network.Parameters[0] = Grid(i);
            double cost = network.Objective(data.Inputs, data.Targets);
            if (cost < bestCost)
            {
                (best, bestCost) = (Grid(i), cost);
            }
        }

        return (best, bestCost);
    }

    private static (double First, double Second, double Cost) Search2(StudyScoreNet network, ScoreData data)
    {
        (double first, double second, double bestCost) = (double.NaN, double.NaN, double.PositiveInfinity);
        for (int i = 0; i < GridPoints; i++)
        {
            for (int j = 0; j < GridPoints; j++)
            {
                network.Parameters[0] = Grid(i);
                network.Parameters[1] = Grid(j);
                double cost = network.Objective(data.Inputs, data.Targets);
                if (cost < bestCost)
                {
                    (first, second, bestCost) = (Grid(i), Grid(j), cost);
                }
            }
        }

        return (first, second, bestCost);
    }

    /// <summary>The time of one evaluation of J, from a timed run of a grid sweep long enough to measure (after a warm-up).</summary>
    private static double SecondsPerEvaluation(StudyScoreNet network, ScoreData data)
    {
        const int evaluations = 200_000;
        double sink = 0;
        for (int warmUp = 0; warmUp < 2; warmUp++)
        {
            var clock = Stopwatch.StartNew();
            for (int e = 0; e < evaluations; e++)
            {
                network.Parameters[0] = Grid(e % GridPoints);
                sink += network.Objective(data.Inputs, data.Targets);
            }

            if (warmUp == 1)
            {
                GC.KeepAlive(sink);
                return clock.Elapsed.TotalSeconds / evaluations;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static double Grid(int i) => -1 + (0.1 * i);

    private static string Count(double evaluations) =>
        evaluations < 1e15 ? evaluations.ToString("N0", CultureInfo.InvariantCulture) : evaluations.ToString("0.00e0", CultureInfo.InvariantCulture);

    private static string Duration(double seconds) => seconds switch
    {
        < 1e-3 => (seconds * 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " µs",
        < 1 => (seconds * 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        < 3600 => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 86400 * 365.25 => (seconds / 3600).ToString("0.0", CultureInfo.InvariantCulture) + " hours",
        _ => (seconds / (86400 * 365.25)).ToString("0.00e0", CultureInfo.InvariantCulture) + " years",
    };
}
