using System;
using System.Linq;
using ScottPlot;

namespace StreamingFilter;

/// <summary>A PNG of input, target and the model's output over a stretch of samples, drawn with ScottPlot.</summary>
internal static class SignalPlot
{
    public static void Write(string path, float[] input, float[] target, float[] output, int first, int count)
    {
        using var plot = new Plot();
        double[] time = Enumerable.Range(first, count).Select(t => 1000.0 * t / AnalogStage.SampleRate).ToArray();
        Add(plot, time, input, first, "input x", Colors.Gray, 1);
        Add(plot, time, target, first, "target y (low-pass into tanh)", Colors.Blue, 3);
        Add(plot, time, output, first, "LSTM output ŷ", Colors.Orange, 1.5f);
        plot.XLabel("time (ms)");
        plot.YLabel("amplitude");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 1000, 500);
    }

    private static void Add(Plot plot, double[] time, float[] values, int first, string label, Color color, float width)
    {
        double[] ys = values.Skip(first).Take(time.Length).Select(v => (double)v).ToArray();
        var line = plot.Add.ScatterLine(time, ys, color);
        line.LineWidth = width;
        line.LegendText = label;
    }
}
