using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

// 128-bit vector forms of the activation functions. ActivationFunctions.Vector128.cs is the reference text;
// the 256- and 512-bit files are the same code at their width (C# has no public abstraction over vector widths).
public static partial class ActivationFunctions
{
    /// <summary>σ(z) = 1 / (1 + e^−z), lane-wise, with e^x computed inline in float (<see cref="SingleExp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector128<float> Sigmoid(Vector128<float> z) =>
        Vector128<float>.One / (Vector128<float>.One + SingleExp.Exp(-z));

    /// <summary>σ(z) = 1 / (1 + e^−z), lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector128<double> Sigmoid(Vector128<double> z) =>
        Vector128<double>.One / (Vector128<double>.One + Vector128.Exp(-z));

    /// <summary>
    /// tanh z, lane-wise, fully vectorized: sign(z)·m/(m + 2) with m = e^(2|z|) − 1 computed inline in float
    /// (<see cref="SingleExp.ExpMinusOne(Vector128{float})"/>), which stays accurate as z approaches 0. Within 3.2e−7
    /// relative of the exact value (about 3 ulp; 2.22e−7 measured over every 97th float below |z| = 20; the scalar
    /// <see cref="float.Tanh"/> is within 1.6e−7); the tests check 200,000 points against this bound.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector128<float> Tanh(Vector128<float> z)
    {
        ref float k = ref MemoryMarshal.GetReference(TanhTable);
        // 2|z|, at most 2·TanhLimit (tanh rounds to ±1 beyond); Min keeps a NaN. (MinNative, one instruction instead of
        // Min's compare and blend, measured a quarter slower in a whole 8-16-16-1 network on AVX2; the reason is unknown.)
        Vector128<float> twice = Vector128.Min(Vector128.Abs(z) * Vector128.LoadUnsafe(ref k, TwoAt), Vector128.LoadUnsafe(ref k, TanhLimitAt));
        Vector128<float> m = SingleExp.ExpMinusOne(twice);
        return Vector128.CopySign(m / (m + Vector128.LoadUnsafe(ref k, TwoAt)), z);
    }

    /// <summary>tanh z, lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector128<T> Tanh<T>(Vector128<T> z)
        where T : unmanaged, IFloatingPointIeee754<T> => LaneWise<T, TanhFunction<T>>(z);

    /// <summary>max(0, z), lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector128<T> ReLU<T>(Vector128<T> z)
        where T : unmanaged, IFloatingPointIeee754<T> => Vector128.Max(z, Vector128<T>.Zero);

    /// <summary>z where z &gt; 0, else α·z, lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector128<T> LeakyReLU<T>(Vector128<T> z, T slope)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(z, Vector128<T>.Zero), z, z * Vector128.Create(slope));

    /// <summary>ln(1 + e^z), lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector128<T> Softplus<T>(Vector128<T> z)
        where T : unmanaged, IFloatingPointIeee754<T> => LaneWise<T, SoftplusFunction<T>>(z);

    /// <summary>ELU, lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector128<T> ELU<T>(Vector128<T> z)
        where T : unmanaged, IFloatingPointIeee754<T> => LaneWise<T, ELUFunction<T>>(z);

    /// <summary>GELU, lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector128<T> GELU<T>(Vector128<T> z)
        where T : unmanaged, IFloatingPointIeee754<T> => LaneWise<T, GELUFunction<T>>(z);

    /// <summary>Applies <typeparamref name="TFunction"/> to each lane through its scalar form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector128<T> LaneWise<T, TFunction>(Vector128<T> z)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : IScalarFunction<T>
    {
        Vector128<T> result = z;
        for (int i = 0; i < Vector128<T>.Count; i++)
        {
            result = result.WithElement(i, TFunction.Apply(z.GetElement(i)));
        }

        return result;
    }
}
