using System;
using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace StudyScore;

/// <summary>
/// PNG plots of cost per L-BFGS iteration, drawn with ScottPlot. The cost axis is logarithmic: the series hold
/// log10(cost) and the ticks are labelled with the powers of ten they stand for.
/// </summary>
internal static class CostPlots
{
    private const int Width = 900;
    private const int Height = 560;

    /// <summary>
    /// Whether Skia finds any font. The Linux native assets used here read fonts from the system font folders
    /// (/usr/share/fonts); without any, the plots are drawn without text.
    /// </summary>
    public static bool FontsAvailable => SkiaSharp.SKTypeface.Default.GlyphCount > 0;

    /// <summary>Part 1: the training cost per iteration, with the threshold the run must get below.</summary>
    public static void WriteTrainingCost(string path, double[] costs, double threshold)
    {
        using var plot = new Plot();
        Scatter cost = AddCurve(plot, costs, "training cost J", Colors.Blue, LinePattern.Solid);
        cost.MarkerSize = 5;
        HorizontalLine limit = plot.Add.HorizontalLine(Math.Log10(threshold));
        limit.LegendText = string.Create(CultureInfo.InvariantCulture, $"pass threshold {threshold:0e0}");
        limit.LinePattern = LinePattern.Dashed;
        limit.Color = Colors.Gray;
        limit.LineWidth = 1.5f;

        Decorate(plot, "Part 1: 2-3-1 network on 3 samples, full-batch L-BFGS", "cost J = (1/N)·Σ ½(y − ŷ)², log scale");
        plot.Axes.SetLimitsX(-0.5, costs.Length - 0.5);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>
    /// Part 2: training and test cost per iteration of every run (solid: training, dashed: test). The cost axis
    /// spans the test costs and the training costs of the regularized runs; an unregularized training cost that
    /// falls further leaves the frame at the bottom, which a note says.
    /// </summary>
    public static void WriteTrainVersusTest(string path, RegularizationRun[] runs)
    {
        using var plot = new Plot();
        Color[] colors = { Colors.Red, Colors.Blue, Colors.Green, Colors.Orange };
        double low = double.PositiveInfinity, high = 0;
        int longest = 0;
        for (int r = 0; r < runs.Length; r++)
        {
            Color color = colors[r % colors.Length];
            AddCurve(plot, runs[r].TrainCosts, runs[r].Name + ": training cost", color, LinePattern.Solid);
            AddCurve(plot, runs[r].TestCosts, runs[r].Name + ": test cost", color, LinePattern.Dashed);
            foreach (double c in runs[r].TestCosts)
            {
                low = Math.Min(low, c);
                high = Math.Max(high, c);
            }

            foreach (double c in runs[r].TrainCosts)
            {
                low = runs[r].Lambda > 0 ? Math.Min(low, c) : low;
                high = Math.Max(high, c);
            }

            longest = Math.Max(longest, runs[r].TrainCosts.Length);
        }

        Decorate(plot, "Part 2: overfitting on 4 training samples, with and without L2",
            "cost (1/N)·Σ ½(y − ŷ)², no L2 term, log scale");
        double bottom = Math.Floor(Math.Log10(low)) - 1.05;   // a little below a whole decade, so that it is labelled
        plot.Axes.SetLimits(-1, longest, bottom, Math.Log10(high) + 0.25);
        foreach (RegularizationRun run in runs)
        {
            if (run.TrainCost < Math.Pow(10, bottom))
            {
                Annotation note = plot.Add.Annotation(string.Create(CultureInfo.InvariantCulture,
                    $"{run.Name}: training cost leaves the frame, down to {run.TrainCost:0.0E+00} at iteration {run.Result.Iterations}"),
                    Alignment.LowerRight);
                note.LabelBackgroundColor = Colors.White;
                note.LabelShadowColor = Colors.Transparent;
            }
        }

        plot.SavePng(path, Width, Height);
    }

    private static Scatter AddCurve(Plot plot, double[] costs, string label, Color color, LinePattern pattern)
    {
        var iterations = new double[costs.Length];
        var logCosts = new double[costs.Length];
        for (int i = 0; i < costs.Length; i++)
        {
            iterations[i] = i;
            // A cost of exactly 0 has no logarithm; draw it at 1e-300 instead.
            logCosts[i] = Math.Log10(Math.Max(costs[i], 1e-300));
        }

        Scatter scatter = plot.Add.Scatter(iterations, logCosts, color);
        scatter.LegendText = label;
        scatter.LinePattern = pattern;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 0;
        return scatter;
    }

    private static void Decorate(Plot plot, string title, string costLabel)
    {
        plot.Title(title);
        plot.XLabel("L-BFGS iteration (0 = before training)");
        plot.YLabel(costLabel);

        // Ticks at whole powers of ten, minor ticks at 2·10ⁿ ... 9·10ⁿ; labels in invariant culture.
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new LogMinorTickGenerator(),
            LabelFormatter = exponent => string.Create(CultureInfo.InvariantCulture, $"1e{exponent:0}"),
        };
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = iteration => iteration.ToString("0", CultureInfo.InvariantCulture),
        };
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
        plot.ShowLegend(Alignment.UpperRight);
    }
}
