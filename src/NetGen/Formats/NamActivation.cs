using System;
using System.Globalization;

// Also compiled into the generator (linked).
namespace NetGen.Formats;

/// <summary>The element-wise activations NAM's WaveNet layers use.</summary>
internal enum NamActivationKind
{
    Identity,
    Tanh,
    ReLU,
    LeakyReLU,
    Sigmoid,
    SiLU,
    Hardtanh,
    Softsign,
}

/// <summary>One layer's activation: its kind and, for LeakyReLU and Hardtanh, its parameters.</summary>
internal readonly struct NamActivation : IEquatable<NamActivation>
{
    public NamActivation(NamActivationKind kind, float slope = 0.01f, float min = -1f, float max = 1f)
    {
        Kind = kind;
        Slope = slope;
        Min = min;
        Max = max;
    }

    public NamActivationKind Kind { get; }

    /// <summary>LeakyReLU's negative slope.</summary>
    public float Slope { get; }

    /// <summary>Hardtanh's lower bound.</summary>
    public float Min { get; }

    /// <summary>Hardtanh's upper bound.</summary>
    public float Max { get; }

    /// <summary>
    /// Reads a name (<c>"Tanh"</c>) or an object naming the type and its parameters (<c>{"type": "LeakyReLU",
    /// "negative_slope": 0.2}</c>; <c>"name"</c> is accepted for <c>"type"</c>).
    /// </summary>
    public static NamActivation Read(JsonValue value, string where)
    {
        string? name = value.Kind == JsonKind.String ? value.Text
            : value.Kind == JsonKind.Object ? (value["type"] ?? value["name"])?.Text
            : null;
        if (name is null)
        {
            throw ModelFormatException.Invalid($"{where}: expected an activation name or object, found {value.Describe()}");
        }

        float Parameter(string key, float fallback) =>
            value.Kind == JsonKind.Object && value[key] is { Kind: JsonKind.Number } number
                ? float.Parse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture)
                : fallback;

        return name switch
        {
            "Tanh" => new NamActivation(NamActivationKind.Tanh),
            "ReLU" => new NamActivation(NamActivationKind.ReLU),
            "LeakyReLU" => new NamActivation(NamActivationKind.LeakyReLU, slope: Parameter("negative_slope", 0.01f)),
            "Sigmoid" => new NamActivation(NamActivationKind.Sigmoid),
            "SiLU" or "Swish" => new NamActivation(NamActivationKind.SiLU),
            "Hardtanh" => new NamActivation(NamActivationKind.Hardtanh, min: Parameter("min_val", -1f), max: Parameter("max_val", 1f)),
            "Softsign" => new NamActivation(NamActivationKind.Softsign),
            "Identity" or "Linear" => new NamActivation(NamActivationKind.Identity),
            _ => throw ModelFormatException.NotSupported(
                $"{where}: the activation \"{name}\" is not supported (supported: Tanh, ReLU, LeakyReLU, Sigmoid, SiLU, Hardtanh, " +
                "Softsign, Identity)"),
        };
    }

    /// <summary>f(x) in double, for references and steady states.</summary>
    public double Apply(double x) => Kind switch
    {
        NamActivationKind.Tanh => Math.Tanh(x),
        NamActivationKind.ReLU => x > 0 ? x : 0,
        NamActivationKind.LeakyReLU => x > 0 ? x : Slope * x,
        NamActivationKind.Sigmoid => 1 / (1 + Math.Exp(-x)),
        NamActivationKind.SiLU => x / (1 + Math.Exp(-x)),
        NamActivationKind.Hardtanh => x < Min ? Min : x > Max ? Max : x,
        NamActivationKind.Softsign => x / (1 + Math.Abs(x)),
        _ => x,
    };

    public override string ToString() => Kind switch
    {
        NamActivationKind.LeakyReLU => $"LeakyReLU({Slope.ToString("R", CultureInfo.InvariantCulture)})",
        NamActivationKind.Hardtanh =>
            $"Hardtanh({Min.ToString("R", CultureInfo.InvariantCulture)}, {Max.ToString("R", CultureInfo.InvariantCulture)})",
        _ => Kind.ToString(),
    };

    public bool Equals(NamActivation other) =>
        Kind == other.Kind && Slope.Equals(other.Slope) && Min.Equals(other.Min) && Max.Equals(other.Max);

    public override bool Equals(object? obj) => obj is NamActivation other && Equals(other);

    public override int GetHashCode() => ((int)Kind * 397) ^ Slope.GetHashCode() ^ (Min.GetHashCode() * 7) ^ (Max.GetHashCode() * 13);
}
