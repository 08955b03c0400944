using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// The first few lanes of a <see cref="Vector128{T}"/>, read from or written to consecutive elements: generated
/// kernels use them for columns after the last whole vector. The count is a constant at every call, so after
/// inlining only its own lane moves remain.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VectorLanes
{
    /// <summary>The <paramref name="count"/> (1 to 4) floats from <paramref name="source"/> on, the other lanes 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector128<float> Load(ref float source, int count) => count switch
    {
        1 => Vector128.CreateScalar(source),
        2 => Vector128.Create(source, Unsafe.Add(ref source, 1), 0f, 0f),
        3 => Vector128.Create(source, Unsafe.Add(ref source, 1), Unsafe.Add(ref source, 2), 0f),
        _ => Vector128.LoadUnsafe(ref source),
    };

    /// <summary>The <paramref name="count"/> (1 or 2) doubles from <paramref name="source"/> on, the other lane 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector128<double> Load(ref double source, int count) =>
        count == 1 ? Vector128.CreateScalar(source) : Vector128.LoadUnsafe(ref source);

    /// <summary>Writes the first <paramref name="count"/> (1 to 4) lanes of <paramref name="value"/> from <paramref name="destination"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Store(Vector128<float> value, ref float destination, int count)
    {
        destination = value.GetElement(0);
        if (count > 1)
        {
            Unsafe.Add(ref destination, 1) = value.GetElement(1);
        }

        if (count > 2)
        {
            Unsafe.Add(ref destination, 2) = value.GetElement(2);
        }

        if (count > 3)
        {
            Unsafe.Add(ref destination, 3) = value.GetElement(3);
        }
    }

    /// <summary>Writes the first <paramref name="count"/> (1 or 2) lanes of <paramref name="value"/> from <paramref name="destination"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Store(Vector128<double> value, ref double destination, int count)
    {
        destination = value.GetElement(0);
        if (count > 1)
        {
            Unsafe.Add(ref destination, 1) = value.GetElement(1);
        }
    }
}
