using System.Linq;
using ScottPlot;

namespace AmpSim;

/// <summary>A PNG, drawn with ScottPlot: input and output over the whole phrase, and a zoom on a few periods.</summary>
internal static class AmpPlot
{
    public static void Write(string path, float[] input, float[] output, int sampleRate, int zoomFirst, int zoomCount)
    {
        var multiplot = new Multiplot();   // starts with one plot: the whole phrase
        Plot whole = multiplot.GetPlot(0);
        Add(whole, input, output, sampleRate, 0, input.Length, step: 16, timeScale: 1, "time (s)");
        whole.Title("Guitar in, amp capture out");
        using var zoom = new Plot();
        Add(zoom, input, output, sampleRate, zoomFirst, zoomCount, step: 1, timeScale: 1000, "time (ms)");
        zoom.Title("Zoom");
        multiplot.AddPlot(zoom);
        multiplot.SavePng(path, 1100, 800);
    }

    private static void Add(Plot plot, float[] input, float[] output, int sampleRate, int first, int count, int step, double timeScale,
        string timeLabel)
    {
        int[] index = Enumerable.Range(0, count / step).Select(i => first + (i * step)).ToArray();
        double[] time = index.Select(t => timeScale * t / sampleRate).ToArray();
        var inLine = plot.Add.ScatterLine(time, index.Select(t => (double)input[t]).ToArray(), Colors.Gray);
        inLine.LegendText = "input (guitar)";
        var outLine = plot.Add.ScatterLine(time, index.Select(t => (double)output[t]).ToArray(), Colors.OrangeRed);
        outLine.LegendText = "output (NamModel)";
        plot.XLabel(timeLabel);
        plot.YLabel("amplitude");
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimitsY(-1, 1);
    }
}
