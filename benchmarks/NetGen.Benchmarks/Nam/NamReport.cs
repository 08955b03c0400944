using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Benchmarks.Nam;

/// <summary>What one process printed: (what, key) → (thread CPU ns, wall ns).</summary>
internal sealed class NamMeasured : Dictionary<(string What, string Key), (double Cpu, double Wall)>;

/// <summary>The --nam mode's tables.</summary>
internal static class NamReport
{
    public sealed record Entry(string Label, double SampleRate, NamMeasured? Ours, NamMeasured? Theirs, double? RelativeRms, string? Error);

    public static void Print(List<Entry> entries, bool withNamCore, bool fastTanh)
    {
        int width = Math.Max(20, entries.Max(e => e.Label.Length));
        Console.WriteLine(
            $"{"Model".PadRight(width)} {"Block",5} | {"CPU ns/sample: NetGen",21} {"NAM core",9} {"ratio",6} | {"x RT: NetGen",12} {"NAM core",9} | " +
            $"{"wall ns: NetGen",15} {"NAM core",9} {"ratio",6}");
        foreach (Entry e in entries)
        {
            if (e.Error is not null || e.Ours is null)
            {
                Console.WriteLine($"{e.Label.PadRight(width)} not timed: {e.Error}");
                continue;
            }

            foreach (int block in NamPlayer.Blocks)
            {
                string key = block.ToString(CultureInfo.InvariantCulture);
                (double Cpu, double Wall) ours = e.Ours[("block", key)];
                (double Cpu, double Wall)? theirs = e.Theirs?.GetValueOrDefault(("block", key));
                string label = block == NamPlayer.Blocks[0] ? e.Label : "";
                Console.WriteLine(
                    $"{label.PadRight(width)} {block,5} | {N(ours.Cpu),21} {N(theirs?.Cpu),9} {Ratio(ours.Cpu, theirs?.Cpu),6} | " +
                    $"{Rt(ours.Cpu, e.SampleRate),12} {Rt(theirs?.Cpu, e.SampleRate),9} | " +
                    $"{N(ours.Wall),15} {N(theirs?.Wall),9} {Ratio(ours.Wall, theirs?.Wall),6}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("Silence after a note, block 64, CPU ns/sample:");
        Console.WriteLine($"{"Model".PadRight(width)} | {"NetGen: note",12} {"tail",7} {"silence",7} {"sil/note",8} | " +
            $"{"NAM core: note",14} {"tail",7} {"silence",7} {"sil/note",8}");
        foreach (Entry e in entries.Where(e => e.Ours is not null))
        {
            Console.WriteLine($"{e.Label.PadRight(width)} | {Segments(e.Ours, 12)} | {Segments(e.Theirs, 14)}");
        }

        Console.WriteLine();
        Console.WriteLine("Loading, CPU ms, first / median of the next 7, and whether the outputs agree:");
        Console.WriteLine($"{"Model".PadRight(width)} | {"NetGen Open",17} | {"NAM core get_dsp+Reset",23} | {"rel. RMS NetGen vs NAM core",27}");
        foreach (Entry e in entries.Where(e => e.Ours is not null))
        {
            string check = e.RelativeRms is double r ? r.ToString("0.0e0", CultureInfo.InvariantCulture) : "-";
            if (e.RelativeRms is double r2 && r2 > NamMode.CheckTolerance)
            {
                check += "  CHECK FAILED: different computations";
            }

            Console.WriteLine($"{e.Label.PadRight(width)} | {Load(e.Ours),17} | {Load(e.Theirs),23} | {check,27}");
        }

        Console.WriteLine();
        Console.WriteLine(
            $"ns/sample: median of {NamPlayer.Runs} passes over 2 s of audio (plucked notes, a new one every 0.25 s, noise 1e-3, the last " +
            "0.25 s exact silence) in consecutive blocks of the given size, after at least 1 s (wall) of warm-up; CPU = the " +
            "thread's CPU time (CLOCK_THREAD_CPUTIME_ID), wall = elapsed time. x RT = audio duration / CPU time at the model's " +
            "sample rate (48 kHz when the file has none). NAM core converts each block to and from double (its NAM_SAMPLE), " +
            "as a host does.");
        Console.WriteLine(
            "Silence: one loud note (0.25 s), its continuation decaying to subnormal values (tail), then 0.25 s of exact zeros, " +
            "each timed on its own, median of 6 rounds after one of warm-up; sil/note > 1 means silence costs more (subnormals).");
        if (withNamCore)
        {
            Console.WriteLine(
                "rel. RMS: ‖NetGen − NAM core‖ / ‖NAM core‖ of both outputs over the 2 s signal from a freshly loaded model in blocks of " +
                $"64{(fastTanh ? ", both with NAM's fast tanh" : "")}.");
        }
    }

    private static string Segments(NamMeasured? m, int firstWidth)
    {
        if (m is null || !m.ContainsKey(("segment", "note")))
        {
            return $"{"-".PadLeft(firstWidth)} {"-",7} {"-",7} {"-",8}";
        }

        double note = m[("segment", "note")].Cpu, tail = m[("segment", "tail")].Cpu, silence = m[("segment", "silence")].Cpu;
        return $"{N(note).PadLeft(firstWidth)} {N(tail),7} {N(silence),7} {Ratio(silence, note),8}";
    }

    private static string Load(NamMeasured? m) =>
        m is null ? "-" : $"{Ms(m[("open-first", "-")].Cpu)} / {Ms(m[("open", "-")].Cpu)}";

    private static string Ms(double ns) => (ns / 1e6).ToString(ns < 1e7 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string N(double? ns) =>
        ns is double v ? v.ToString(v < 100 ? "F1" : "N0", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double ours, double? theirs) =>
        theirs is double t ? (ours / t).ToString("F2", CultureInfo.InvariantCulture) : "-";

    private static string Rt(double? ns, double sampleRate) =>
        ns is double v ? (1e9 / (v * sampleRate)).ToString("F1", CultureInfo.InvariantCulture) : "-";
}
