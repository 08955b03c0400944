using System;
using System.Globalization;
using System.Text;

namespace StudyScore;

/// <summary>Tables of predicted scores, in original units (hours and score points).</summary>
internal static class ScoreTables
{
    /// <summary>One row per sample: sleep, study, target score and each network's predicted score.</summary>
    public static void PrintPredictions(string title, ScoreData data, params (string Name, StudyScoreNet Network)[] columns)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        Console.WriteLine(title);
        var header = new StringBuilder(" sleep  study  target");
        var predictions = new double[columns.Length][];
        for (int c = 0; c < columns.Length; c++)
        {
            header.Append(string.Create(inv, $" {columns[c].Name,10}"));
            predictions[c] = data.PredictScores(columns[c].Network);
        }

        Console.WriteLine(header.ToString());
        for (int s = 0; s < data.Count; s++)
        {
            ScoreSample sample = data.Samples[s];
            var row = new StringBuilder(string.Create(inv, $"{sample.Sleep,6:0.#} {sample.Study,6:0.#} {sample.Score,7:0.00}"));
            for (int c = 0; c < columns.Length; c++)
            {
                row.Append(string.Create(inv, $" {predictions[c][s],10:0.00}"));
            }

            Console.WriteLine(row.ToString());
        }
    }

    /// <summary>Predicted score for sleep 0, 2, ..., 10 hours (rows) and study 0, 1, ..., 5 hours (columns).</summary>
    public static void PrintGrid(StudyScoreNet network, Scaling scaling)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        Console.WriteLine("Predicted score (rows: hours of sleep, columns: hours of study):");
        var header = new StringBuilder("sleep\\study");
        for (int study = 0; study <= 5; study++)
        {
            header.Append(string.Create(inv, $"{study,7}"));
        }

        Console.WriteLine(header.ToString());
        Span<double> input = stackalloc double[StudyScoreNet.InputSize];
        Span<double> output = stackalloc double[StudyScoreNet.OutputSize];
        for (int sleep = 0; sleep <= 10; sleep += 2)
        {
            var row = new StringBuilder(string.Create(inv, $"{sleep,11}"));
            for (int study = 0; study <= 5; study++)
            {
                scaling.ScaleInput(sleep, study, input);
                network.Forward(input, output);
                row.Append(string.Create(inv, $"{output[0] * Scaling.ScoreScale,7:0.0}"));
            }

            Console.WriteLine(row.ToString());
        }
    }
}
