using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.CompilerServices;

namespace NetGen.Simd.Probe;

/// <summary>
/// The vector activations of NetGen.Kernels.ActivationFunctions that the generated kernels call, at every width
/// (Vector128, Vector256, Vector512) and in float and double, on a fixed set of arguments: one line
/// "activation &lt;Function&gt;.&lt;Single|Double&gt;.&lt;bits&gt; &lt;hex values&gt;" each, after an "arguments.&lt;type&gt;" line. A width
/// the JIT does not accelerate runs as the runtime's software fallback of that width.
/// </summary>
internal static class ActivationProbe
{
    public const float LeakySlope = 0.01f;

    public static void Write(TextWriter writer)
    {
        float[] zf = Array.ConvertAll(Arguments(), z => (float)z);
        double[] zd = Arguments();
        Line(writer, "arguments.Single", zf);
        Line(writer, "arguments.Double", zd);

        Widths(writer, "Sigmoid", zf, ActivationFunctions.Sigmoid, ActivationFunctions.Sigmoid, ActivationFunctions.Sigmoid);
        Widths(writer, "Sigmoid", zd, ActivationFunctions.Sigmoid, ActivationFunctions.Sigmoid, ActivationFunctions.Sigmoid);
        Widths(writer, "Tanh", zf, ActivationFunctions.Tanh, ActivationFunctions.Tanh, ActivationFunctions.Tanh);
        Widths(writer, "Tanh", zd, ActivationFunctions.Tanh, ActivationFunctions.Tanh, ActivationFunctions.Tanh);
        Generic(writer, zf);
        Generic(writer, zd);
    }

    /// <summary>−12 … 12 in steps of 1/64, the tanh series/exp switch at ±0.3 and its neighbours, small and large
    /// magnitudes (where e^z under- or overflows in float), padded with zeros to a whole number of 512-bit vectors.</summary>
    private static double[] Arguments()
    {
        var z = new List<double>();
        for (int k = -768; k <= 768; k++)
        {
            z.Add(k / 64.0);
        }

        foreach (double m in new[] { 1e-30, 1e-8, 1e-4, 0.0999, 0.2999999, 0.3, 0.3000001, 0.75, 15, 20, 30, 44, 60, 87, 89, 100, 700, 710 })
        {
            z.Add(m);
            z.Add(-m);
        }

        while (z.Count % 16 != 0)
        {
            z.Add(0);
        }

        return z.ToArray();
    }

    private static void Generic<T>(TextWriter writer, T[] z)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T slope = T.CreateChecked(LeakySlope);
        if (typeof(T) == typeof(float))
        {
            // Tanh<float> is the lane-by-lane generic form; Tanh(Vector128<float>) above the vectorized one.
            Widths<T>(writer, "TanhLaneWise", z, ActivationFunctions.Tanh, ActivationFunctions.Tanh, ActivationFunctions.Tanh);
        }

        Widths<T>(writer, "ReLU", z, ActivationFunctions.ReLU, ActivationFunctions.ReLU, ActivationFunctions.ReLU);
        Widths<T>(writer, "LeakyReLU", z, v => ActivationFunctions.LeakyReLU(v, slope), v => ActivationFunctions.LeakyReLU(v, slope), v => ActivationFunctions.LeakyReLU(v, slope));
        Widths<T>(writer, "GELU", z, ActivationFunctions.GELU, ActivationFunctions.GELU, ActivationFunctions.GELU);
        Widths<T>(writer, "ELU", z, ActivationFunctions.ELU, ActivationFunctions.ELU, ActivationFunctions.ELU);
        Widths<T>(writer, "Softplus", z, ActivationFunctions.Softplus, ActivationFunctions.Softplus, ActivationFunctions.Softplus);
    }

    private static void Widths<T>(TextWriter writer, string name, T[] z,
        Func<Vector128<T>, Vector128<T>> f128, Func<Vector256<T>, Vector256<T>> f256, Func<Vector512<T>, Vector512<T>> f512)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = new T[z.Length];
        for (int i = 0; i < z.Length; i += Vector128<T>.Count)
        {
            f128(Vector128.Create<T>(z.AsSpan(i))).CopyTo(a.AsSpan(i));
        }

        Line(writer, $"activation {name}.{typeof(T).Name}.128", a);
        for (int i = 0; i < z.Length; i += Vector256<T>.Count)
        {
            f256(Vector256.Create<T>(z.AsSpan(i))).CopyTo(a.AsSpan(i));
        }

        Line(writer, $"activation {name}.{typeof(T).Name}.256", a);
        for (int i = 0; i < z.Length; i += Vector512<T>.Count)
        {
            f512(Vector512.Create<T>(z.AsSpan(i))).CopyTo(a.AsSpan(i));
        }

        Line(writer, $"activation {name}.{typeof(T).Name}.512", a);
    }

    private static void Line<T>(TextWriter writer, string key, T[] values)
        where T : unmanaged => BitPatterns.WriteLine<T>(writer, key, values);
}
