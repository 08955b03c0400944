using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NetGen.Simd.Tests.Probe;

/// <summary>What one run of the probe's "numbers" mode printed: the hardware line and every network's values.</summary>
public sealed class ProbeOutput
{
    private ProbeOutput(IReadOnlyDictionary<string, string> hardware, IReadOnlyDictionary<string, NetworkOutput> networks,
        IReadOnlyDictionary<string, double[]> activations, IReadOnlyDictionary<string, double[]> optimizers)
    {
        Hardware = hardware;
        Networks = networks;
        Activations = activations;
        Optimizers = optimizers;
    }

    /// <summary>The "hardware Key=Value …" line as a dictionary (Vector128, Vector256, Vector512, Fma, …).</summary>
    public IReadOnlyDictionary<string, string> Hardware { get; }

    /// <summary>By network name.</summary>
    public IReadOnlyDictionary<string, NetworkOutput> Networks { get; }

    /// <summary>
    /// The vector activations by "Function.Single|Double.128|256|512", and their arguments by "arguments.Single|Double".
    /// </summary>
    public IReadOnlyDictionary<string, double[]> Activations { get; }

    /// <summary>The parameters after each optimizer step, by "Kind.Single|Double" (Adam, AdamW, RmsProp).</summary>
    public IReadOnlyDictionary<string, double[]> Optimizers { get; }

    public static ProbeOutput Read(string path)
    {
        var hardware = new Dictionary<string, string>(StringComparer.Ordinal);
        var networks = new Dictionary<string, NetworkOutput>(StringComparer.Ordinal);
        var activations = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var optimizers = new Dictionary<string, double[]>(StringComparer.Ordinal);
        NetworkOutput? current = null;
        foreach (string line in File.ReadLines(path))
        {
            int space = line.IndexOf(' ');
            string key = space < 0 ? line : line[..space];
            switch (key)
            {
                case "hardware":
                    hardware = ParseHardware(line);
                    break;
                case "network":
                    string name = line.Split(' ')[1];
                    current = new NetworkOutput(name, line);
                    networks.Add(name, current);
                    break;
                case "end":
                    current = null;
                    break;
                case "activation":
                    int next = line.IndexOf(' ', space + 1);
                    activations.Add(line[(space + 1)..next], ParseValues(line.AsSpan(next)));
                    break;
                case "optimizer":
                    int end = line.IndexOf(' ', space + 1);
                    optimizers.Add(line[(space + 1)..end], ParseValues(line.AsSpan(end)));
                    break;
                case "arguments.Single" or "arguments.Double":
                    activations.Add(key, ParseValues(line.AsSpan(space)));
                    break;
                default:
                    if (current is null)
                    {
                        throw new FormatException($"{path}: values outside a network: '{Shorten(line)}'");
                    }

                    current.Add(key, ParseValues(line.AsSpan(space < 0 ? line.Length : space)));
                    break;
            }
        }

        if (hardware.Count == 0 || networks.Count == 0 || activations.Count == 0 || optimizers.Count == 0)
        {
            throw new FormatException($"{path}: no hardware line, networks, activations or optimizers.");
        }

        return new ProbeOutput(hardware, networks, activations, optimizers);
    }

    /// <summary>Parses a "hardware Key=Value …" line.</summary>
    public static Dictionary<string, string> ParseHardware(string line)
    {
        var hardware = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string field in line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..])
        {
            string[] pair = field.Split('=', 2);
            hardware[pair[0]] = pair[1];
        }

        return hardware;
    }

    /// <summary>
    /// Hexadecimal bit patterns: 8 digits are a float, 16 a double; both are returned exactly as doubles.
    /// </summary>
    private static double[] ParseValues(ReadOnlySpan<char> text)
    {
        var values = new List<double>();
        foreach (Range range in text.Split(' '))
        {
            ReadOnlySpan<char> token = text[range];
            if (token.IsEmpty)
            {
                continue;
            }

            values.Add(token.Length switch
            {
                8 => BitConverter.UInt32BitsToSingle(uint.Parse(token, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)),
                16 => BitConverter.UInt64BitsToDouble(ulong.Parse(token, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)),
                _ => throw new FormatException($"Not a float or double bit pattern: '{token}'"),
            });
        }

        return values.ToArray();
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "…";
}

/// <summary>One network's lines: its self-description and its values by key (parameters, input0, forward0, grad, …).</summary>
public sealed class NetworkOutput(string name, string description)
{
    private readonly Dictionary<string, double[]> values = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public string Description { get; } = description;

    public IEnumerable<string> Keys => values.Keys;

    public double[] this[string key] =>
        values.TryGetValue(key, out double[]? v) ? v : throw new KeyNotFoundException($"{Name}: the probe printed no '{key}'.");

    internal void Add(string key, double[] v) => values.Add(key, v);
}
