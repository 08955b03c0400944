using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// Activation functions f and their derivatives f′, in scalar and <see cref="Vector128{T}"/> forms, called by
/// generated networks. Most derivatives take the activation's output a = f(z), which the forward pass stores:
/// σ′ = a(1 − a), tanh′ = 1 − a², ReLU′ = [a &gt; 0], softplus′ = 1 − e^−a, ELU′ = a + 1 for z ≤ 0.
/// GELU′ needs z itself. Transcendental vector forms other than the float sigmoid and tanh go lane by lane through
/// the scalar function, for the scalar function's accuracy.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ActivationFunctions
{
    /// <summary>σ(z) = 1 / (1 + e^−z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T Sigmoid<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => T.One / (T.One + T.Exp(-z));

    /// <summary>σ′ = a(1 − a), from a = σ(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T SigmoidDerivative<T>(T a)
        where T : unmanaged, IFloatingPointIeee754<T> => a * (T.One - a);

    /// <summary>tanh z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T Tanh<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => T.Tanh(z);

    /// <summary>tanh′ = 1 − a², from a = tanh z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T TanhDerivative<T>(T a)
        where T : unmanaged, IFloatingPointIeee754<T> => T.One - a * a;

    /// <summary>max(0, z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T ReLU<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => z > T.Zero ? z : T.Zero;

    /// <summary>ReLU′ = 1 where a &gt; 0, else 0 (the kink at 0 takes the derivative 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T ReLUDerivative<T>(T a)
        where T : unmanaged, IFloatingPointIeee754<T> => a > T.Zero ? T.One : T.Zero;

    /// <summary>z where z &gt; 0, else α·z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T LeakyReLU<T>(T z, T slope)
        where T : unmanaged, IFloatingPointIeee754<T> => z > T.Zero ? z : slope * z;

    /// <summary>1 where a &gt; 0, else α (a has the sign of z because α ≥ 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T LeakyReLUDerivative<T>(T a, T slope)
        where T : unmanaged, IFloatingPointIeee754<T> => a > T.Zero ? T.One : slope;

    /// <summary>ln(1 + e^z), computed as max(z, 0) + ln(1 + e^−|z|) so it neither overflows nor loses small values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T Softplus<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => T.Max(z, T.Zero) + T.Log(T.One + T.Exp(-T.Abs(z)));

    /// <summary>softplus′(z) = σ(z) = 1 − e^−a, from a = softplus(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T SoftplusDerivative<T>(T a)
        where T : unmanaged, IFloatingPointIeee754<T> => T.One - T.Exp(-a);

    /// <summary>z where z &gt; 0, else e^z − 1 (ELU with α = 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T ELU<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => z > T.Zero ? z : T.Exp(z) - T.One;

    /// <summary>ELU′ = 1 where a &gt; 0, else e^z = a + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T ELUDerivative<T>(T a)
        where T : unmanaged, IFloatingPointIeee754<T> => a > T.Zero ? T.One : a + T.One;

    /// <summary>GELU, tanh approximation: ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T GELU<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => Half<T>() * z * (T.One + T.Tanh(GeluInner(z)));

    /// <summary>
    /// GELU′(z) = ½(1 + t) + ½·z·(1 − t²)·√(2/π)·(1 + 3·0.044715·z²), t = tanh(√(2/π)·(z + 0.044715·z³)); takes z.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static T GELUDerivative<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T half = Half<T>();
        T t = T.Tanh(GeluInner(z));
        T innerDerivative = SqrtTwoOverPi<T>() * (T.One + T.CreateTruncating(3 * GeluCubic) * z * z);
        return half * (T.One + t) + half * z * (T.One - t * t) * innerDerivative;
    }

    /// <summary>
    /// a_j = e^(z_j − max z) / Σ_k e^(z_k − max z), in place. Subtracting the maximum keeps every exponent ≤ 0,
    /// so nothing overflows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softmax<T>(Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = T.NegativeInfinity;
        foreach (T value in values)
        {
            max = T.Max(max, value);
        }

        T sum = T.Zero;
        foreach (ref T value in values)
        {
            value = T.Exp(value - max);
            sum += value;
        }

        T scale = T.One / sum;
        foreach (ref T value in values)
        {
            value *= scale;
        }
    }

    /// <summary>
    /// a_j = z_j − max z − ln Σ_k e^(z_k − max z), in place: the logarithm of the softmax without forming the
    /// probabilities, so a probability that underflows still has a finite logarithm.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LogSoftmax<T>(Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = T.NegativeInfinity;
        foreach (T value in values)
        {
            max = T.Max(max, value);
        }

        T sum = T.Zero;
        foreach (T value in values)
        {
            sum += T.Exp(value - max);
        }

        T shift = max + T.Log(sum);
        foreach (ref T value in values)
        {
            value -= shift;
        }
    }

    /// <summary>
    /// Turns g = dJ/da into dJ/dz through the log-softmax Jacobian, in place: g_j ← g_j − e^(a_j)·Σ_k g_k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LogSoftmaxBackward<T>(ReadOnlySpan<T> a, Span<T> g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int k = 0; k < a.Length; k++)
        {
            sum += g[k];
        }

        for (int j = 0; j < a.Length; j++)
        {
            g[j] -= T.Exp(a[j]) * sum;
        }
    }

    /// <summary>
    /// Turns g = dJ/da into dJ/dz through the softmax Jacobian, in place: g_j ← a_j·(g_j − Σ_k g_k·a_k).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SoftmaxBackward<T>(ReadOnlySpan<T> a, Span<T> g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T dot = T.Zero;
        for (int k = 0; k < a.Length; k++)
        {
            dot += g[k] * a[k];
        }

        for (int j = 0; j < a.Length; j++)
        {
            g[j] = a[j] * (g[j] - dot);
        }
    }

    private const double GeluCubic = 0.044715;

    // Twice the |z| above which the vector tanh returns ±1: tanh 9 = 1 − 3e−8 rounds to 1 in float.
    private const float TanhLimit = 18f;

    // The vector tanh's constants, 8 times each, for the Vector128 and Vector256 forms (see SingleExp's table for why).
    private static ReadOnlySpan<float> TanhTable =>
    [
        2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f,
        TanhLimit, TanhLimit, TanhLimit, TanhLimit, TanhLimit, TanhLimit, TanhLimit, TanhLimit,
    ];

    private const nuint TwoAt = 0, TanhLimitAt = 8;

    /// <summary>A scalar function passed as a type, so the lane-wise vector forms call it without a delegate.</summary>
    internal interface IScalarFunction<T>
    {
        static abstract T Apply(T x);
    }

    internal readonly struct TanhFunction<T> : IScalarFunction<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static T Apply(T x) => T.Tanh(x);
    }

    internal readonly struct SoftplusFunction<T> : IScalarFunction<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static T Apply(T x) => Softplus(x);
    }

    internal readonly struct ELUFunction<T> : IScalarFunction<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static T Apply(T x) => ELU(x);
    }

    internal readonly struct GELUFunction<T> : IScalarFunction<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static T Apply(T x) => GELU(x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static T GeluInner<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => SqrtTwoOverPi<T>() * (z + T.CreateTruncating(GeluCubic) * z * z * z);

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static T SqrtTwoOverPi<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(0.79788456080286535588);

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static T Half<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(0.5);
}
