using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Nam;

namespace NetGen.Benchmarks.Nam;

/// <summary>
/// The child process that times NetGen on one model, as <c>benchmarks/cpp/nam_bench.cpp</c> times NAM core: the same
/// steps in the same order, the same "#nam" lines.
/// </summary>
internal static class NamPlayer
{
    public const string Tag = "#nam";
    public const int CheckBlock = 64;
    public const int Runs = 5;
    public static readonly int[] Blocks = [1, 32, 64, 256];
    private const int SegmentRepeats = 7;
    private const int OpenRepeats = 7;
    private static float _sink; // keeps the outputs alive

    /// <summary>Arguments: model, size or "-", signal, segments, output file, and whether NAM's fast tanh is on.</summary>
    public static int Run(string path, string size, string signalPath, string segmentsPath, string outputPath, bool fastTanh)
    {
        var options = new NamOptions { FastTanh = fastTanh };
        double? value = size == "-" ? null : double.Parse(size, CultureInfo.InvariantCulture);
        var openCpu = new List<double>();
        var openWall = new List<double>();
        for (int r = 0; r <= OpenRepeats; r++)
        {
            NamClock.Reading t0 = NamClock.Now();
            Load(path, value, options);
            NamClock.Reading t1 = NamClock.Now();
            if (r == 0)
            {
                Print("open-first", "-", t1.Cpu - t0.Cpu, t1.Wall - t0.Wall);
            }
            else
            {
                openCpu.Add(t1.Cpu - t0.Cpu);
                openWall.Add(t1.Wall - t0.Wall);
            }
        }

        Print("open", "-", Median(openCpu), Median(openWall));

        float[] signal = NamSignal.Read(signalPath);
        float[] segments = NamSignal.Read(segmentsPath);
        float[] y = new float[Math.Max(signal.Length, segments.Length)];
        NamModel model = Load(path, value, options);
        Play(model, signal, 0, signal.Length, CheckBlock, y);
        NamSignal.Write(outputPath, y[..signal.Length]);

        foreach (int block in Blocks)
        {
            model.ResetState();
            NamClock.Reading w0 = NamClock.Now();
            do
            {
                Play(model, signal, 0, signal.Length, block, y);
                _sink += y[0];
            }
            while (NamClock.Now().Wall - w0.Wall < 1e9);

            var cpu = new List<double>();
            var wall = new List<double>();
            for (int r = 0; r < Runs; r++)
            {
                NamClock.Reading t0 = NamClock.Now();
                Play(model, signal, 0, signal.Length, block, y);
                NamClock.Reading t1 = NamClock.Now();
                _sink += y[0];
                cpu.Add((t1.Cpu - t0.Cpu) / signal.Length);
                wall.Add((t1.Wall - t0.Wall) / signal.Length);
            }

            Print("block", block.ToString(CultureInfo.InvariantCulture), Median(cpu), Median(wall));
        }

        int part = segments.Length / 3;
        string[] names = ["note", "tail", "silence"];
        var segmentCpu = names.Select(_ => new List<double>()).ToArray();
        var segmentWall = names.Select(_ => new List<double>()).ToArray();
        model.ResetState();
        for (int r = 0; r < SegmentRepeats; r++)
        {
            for (int s = 0; s < names.Length; s++)
            {
                NamClock.Reading t0 = NamClock.Now();
                Play(model, segments, s * part, part, CheckBlock, y);
                NamClock.Reading t1 = NamClock.Now();
                _sink += y[s * part];
                if (r > 0)
                {
                    segmentCpu[s].Add((t1.Cpu - t0.Cpu) / part);
                    segmentWall[s].Add((t1.Wall - t0.Wall) / part);
                }
            }
        }

        for (int s = 0; s < names.Length; s++)
        {
            Print("segment", names[s], Median(segmentCpu[s]), Median(segmentWall[s]));
        }

        return 0;
    }

    /// <summary>What a host does to load a model: open it and pick the submodel.</summary>
    private static NamModel Load(string path, double? size, NamOptions options)
    {
        NamModel model = NamModel.Open(path, options);
        if (size is double v)
        {
            model.Size = v;
        }

        return model;
    }

    /// <summary>An audio host's loop: <c>Process</c> on consecutive blocks (the last may be short).</summary>
    private static void Play(NamModel model, float[] x, int from, int count, int block, float[] y)
    {
        for (int pos = from; pos < from + count; pos += block)
        {
            int n = Math.Min(block, from + count - pos);
            model.Process(x.AsSpan(pos, n), y.AsSpan(pos, n));
        }
    }

    private static void Print(string what, string key, double cpu, double wall) =>
        Console.WriteLine(string.Join(' ', Tag, what, key, R(cpu), R(wall)));

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
