using System;
using System.Globalization;

// Also compiled into the generator (linked).
namespace NetGen.Formats;

/// <summary>The element-wise activations NAM's WaveNet layers use.</summary>
internal enum NamActivationKind
{
    Tanh,
    ReLU,
    LeakyReLU,
    Sigmoid,
    SiLU,
    Hardtanh,
    Softsign,
    Hardswish,
    LeakyHardtanh,
    Fasttanh,
}

/// <summary>
/// One layer's activation, as NAM core names and computes it: its kind and, for LeakyReLU (and a PReLU with one
/// slope, which is the same function) its negative slope, for LeakyHardtanh its bounds and outer slopes.
/// </summary>
internal readonly struct NamActivation : IEquatable<NamActivation>
{
    public NamActivation(NamActivationKind kind, float slope = 0.01f, float min = -1f, float max = 1f, float maxSlope = 0.01f)
    {
        Kind = kind;
        Slope = slope;
        Min = min;
        Max = max;
        MaxSlope = maxSlope;
    }

    public NamActivationKind Kind { get; }

    /// <summary>LeakyReLU's negative slope; LeakyHardtanh's slope below <see cref="Min"/>.</summary>
    public float Slope { get; }

    /// <summary>LeakyHardtanh's lower bound.</summary>
    public float Min { get; }

    /// <summary>LeakyHardtanh's upper bound.</summary>
    public float Max { get; }

    /// <summary>LeakyHardtanh's slope above <see cref="Max"/>.</summary>
    public float MaxSlope { get; }

    /// <summary>
    /// Reads a name (<c>"Tanh"</c>) or an object naming the type and its parameters (<c>{"type": "LeakyReLU",
    /// "negative_slope": 0.2}</c>), with the names and defaults NAM core accepts; Hardtanh is always [−1, 1] there.
    /// </summary>
    public static NamActivation Read(JsonValue value, string where)
    {
        string? name = value.Kind == JsonKind.String ? value.Text
            : value.Kind == JsonKind.Object ? value["type"]?.Text
            : null;
        if (name is null)
        {
            throw ModelFormatException.Invalid($"{where}: expected an activation name or an object with a type, found {value.Describe()}");
        }

        float Parameter(string key, float fallback) =>
            value.Kind == JsonKind.Object && value[key] is { Kind: JsonKind.Number } number
                ? float.Parse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture)
                : fallback;

        switch (name)
        {
            case "Tanh":
                return new NamActivation(NamActivationKind.Tanh);
            case "Fasttanh":
                return new NamActivation(NamActivationKind.Fasttanh);
            case "ReLU":
                return new NamActivation(NamActivationKind.ReLU);
            case "LeakyReLU":
                return new NamActivation(NamActivationKind.LeakyReLU, slope: Parameter("negative_slope", 0.01f));
            case "PReLU":
                if (value.Kind == JsonKind.Object && value["negative_slopes"] is { Kind: JsonKind.Array })
                {
                    throw ModelFormatException.NotSupported($"{where}: a PReLU with one slope per channel (negative_slopes) is not supported");
                }

                return new NamActivation(NamActivationKind.LeakyReLU, slope: Parameter("negative_slope", 0.01f));
            case "Sigmoid":
                return new NamActivation(NamActivationKind.Sigmoid);
            case "SiLU":
                return new NamActivation(NamActivationKind.SiLU);
            case "Hardtanh":
                return new NamActivation(NamActivationKind.Hardtanh);
            case "Softsign":
                return new NamActivation(NamActivationKind.Softsign);
            case "Hardswish":
                return new NamActivation(NamActivationKind.Hardswish);
            case "LeakyHardtanh" or "LeakyHardTanh":
                return new NamActivation(
                    NamActivationKind.LeakyHardtanh,
                    slope: Parameter("min_slope", 0.01f),
                    min: Parameter("min_val", -1f),
                    max: Parameter("max_val", 1f),
                    maxSlope: Parameter("max_slope", 0.01f));
            default:
                throw ModelFormatException.NotSupported(
                    $"{where}: the activation \"{name}\" is not supported (supported: Tanh, Fasttanh, ReLU, LeakyReLU, PReLU, Sigmoid, " +
                    "SiLU, Hardtanh, Softsign, Hardswish, LeakyHardtanh)");
        }
    }

    /// <summary>f(x) in float, as NAM core computes it.</summary>
    public float Apply(float x) => Kind switch
    {
        NamActivationKind.Tanh => (float)Math.Tanh(x),
        NamActivationKind.Fasttanh => FastTanh(x),
        NamActivationKind.ReLU => x > 0f ? x : 0f,
        NamActivationKind.LeakyReLU => x > 0f ? x : Slope * x,
        NamActivationKind.Sigmoid => 1f / (1f + (float)Math.Exp(-x)),
        NamActivationKind.SiLU => x / (1f + (float)Math.Exp(-x)),
        NamActivationKind.Hardtanh => x < -1f ? -1f : x > 1f ? 1f : x,
        NamActivationKind.Softsign => x / (1f + Math.Abs(x)),
        NamActivationKind.Hardswish => x <= -3f ? 0f : x >= 3f ? x : x * (x + 3f) / 6f,
        NamActivationKind.LeakyHardtanh => x < Min ? Min + (Slope * (x - Min)) : x > Max ? Max + (MaxSlope * (x - Max)) : x,
        _ => x,
    };

    /// <summary>
    /// NAM's rational approximation of tanh (its <c>Fasttanh</c>), with a = |x|:
    /// x·(2.4555 + 2.4555·a + (0.8932 + 0.8212·a)·x²) / (2.4451 + (2.4451 + x²)·|x + 0.8146·x·a|). It is up to 4.4e−4
    /// off tanh and tends to ±1.008.
    /// </summary>
    public static float FastTanh(float x)
    {
        float a = Math.Abs(x), x2 = x * x;
        float numerator = x * (2.45550750702956f + (2.45550750702956f * a) + ((0.893229853513558f + (0.821226666969744f * a)) * x2));
        float denominator = 2.44506634652299f + ((2.44506634652299f + x2) * Math.Abs(x + (0.814642734961073f * x * a)));
        return numerator / denominator;
    }

    public override string ToString() => Kind switch
    {
        NamActivationKind.LeakyReLU => $"LeakyReLU({Slope.ToString("R", CultureInfo.InvariantCulture)})",
        NamActivationKind.LeakyHardtanh =>
            $"LeakyHardtanh({Min.ToString("R", CultureInfo.InvariantCulture)}, {Max.ToString("R", CultureInfo.InvariantCulture)})",
        _ => Kind.ToString(),
    };

    public bool Equals(NamActivation other) =>
        Kind == other.Kind && Slope.Equals(other.Slope) && Min.Equals(other.Min) && Max.Equals(other.Max) && MaxSlope.Equals(other.MaxSlope);

    public override bool Equals(object? obj) => obj is NamActivation other && Equals(other);

    public override int GetHashCode() => ((int)Kind * 397) ^ Slope.GetHashCode() ^ (Min.GetHashCode() * 7) ^ (Max.GetHashCode() * 13);
}
