using System;

namespace NetGen.Simd.Tests.Reference;

/// <summary>
/// A quantity of the network: <see cref="Value"/> is its exact-arithmetic value, evaluated in double, and
/// <see cref="Bound"/> a first-order worst-case bound on how far any kernel that rounds each operation to a unit
/// roundoff u (and the double evaluation itself) may land from it.
/// </summary>
public readonly record struct Approx(double Value, double Bound)
{
    public static Approx Exact(double value) => new(value, 0);

    public double Magnitude => Math.Abs(Value);

    public override string ToString() => $"{Value:R} ± {Bound:E2}";
}
