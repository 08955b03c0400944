using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Activation functions f and their derivatives f′, in scalar and <see cref="Vector128{T}"/> forms, called by
/// generated networks. Derivatives take the activation's output a = f(z), which is what the forward pass
/// stores: σ′ = a(1 − a), tanh′ = 1 − a², ReLU′ = [a &gt; 0].
/// </summary>
public static class ActivationFunctions
{
    /// <summary>σ(z) = 1 / (1 + e^−z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float z) => 1f / (1f + float.Exp(-z));

    /// <summary>σ(z) = 1 / (1 + e^−z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double z) => 1d / (1d + double.Exp(-z));

    /// <summary>σ(z) = 1 / (1 + e^−z), lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sigmoid(Vector128<float> z) =>
        Vector128<float>.One / (Vector128<float>.One + Vector128.Exp(-z));

    /// <summary>σ(z) = 1 / (1 + e^−z), lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Sigmoid(Vector128<double> z) =>
        Vector128<double>.One / (Vector128<double>.One + Vector128.Exp(-z));

    /// <summary>σ′ = a(1 − a), from a = σ(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SigmoidDerivative(float a) => a * (1f - a);

    /// <summary>σ′ = a(1 − a), from a = σ(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SigmoidDerivative(double a) => a * (1d - a);

    /// <summary>tanh z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float z) => float.Tanh(z);

    /// <summary>tanh z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Tanh(double z) => double.Tanh(z);

    /// <summary>tanh z, lane-wise (through the scalar function, for full accuracy near zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> z) =>
        Vector128.Create(float.Tanh(z[0]), float.Tanh(z[1]), float.Tanh(z[2]), float.Tanh(z[3]));

    /// <summary>tanh z, lane-wise (through the scalar function, for full accuracy near zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Tanh(Vector128<double> z) =>
        Vector128.Create(double.Tanh(z[0]), double.Tanh(z[1]));

    /// <summary>tanh′ = 1 − a², from a = tanh z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TanhDerivative(float a) => 1f - a * a;

    /// <summary>tanh′ = 1 − a², from a = tanh z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TanhDerivative(double a) => 1d - a * a;

    /// <summary>max(0, z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReLU(float z) => z > 0f ? z : 0f;

    /// <summary>max(0, z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ReLU(double z) => z > 0d ? z : 0d;

    /// <summary>max(0, z), lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ReLU(Vector128<float> z) => Vector128.Max(z, Vector128<float>.Zero);

    /// <summary>max(0, z), lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ReLU(Vector128<double> z) => Vector128.Max(z, Vector128<double>.Zero);

    /// <summary>ReLU′ = 1 where a &gt; 0, else 0 (the kink at 0 takes the derivative 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReLUDerivative(float a) => a > 0f ? 1f : 0f;

    /// <summary>ReLU′ = 1 where a &gt; 0, else 0 (the kink at 0 takes the derivative 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ReLUDerivative(double a) => a > 0d ? 1d : 0d;
}
