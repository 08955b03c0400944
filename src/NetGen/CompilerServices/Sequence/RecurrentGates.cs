using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// The element-wise half of the LSTM and GRU cells, after their matrix products: every gate's activation and the
/// state update in one pass over the units, whole vectors at a time for float (the vectorized sigmoid and tanh of
/// <see cref="ActivationFunctions"/>, inlined), element by element otherwise. The gate rows keep the activated
/// values, which backpropagation reads.
/// </summary>
internal static class RecurrentGates
{
    /// <summary>
    /// LSTM, from pre-activations z = (z_i, z_f, z_g, z_o) in <paramref name="gates"/>: i, f, o = σ, g = tanh;
    /// c = f ⊙ c₋ + i ⊙ g; h = o ⊙ tanh c. Leaves i, f, g, o and tanh c (5H) in <paramref name="gates"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lstm<T>(ref T gates, int units, ref T cPrevious, ref T c, ref T h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int j = 0;
        if (typeof(T) == typeof(float))
        {
            ref float g = ref Unsafe.As<T, float>(ref gates);
            ref float cp = ref Unsafe.As<T, float>(ref cPrevious);
            ref float cn = ref Unsafe.As<T, float>(ref c);
            ref float hn = ref Unsafe.As<T, float>(ref h);
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 8 <= units; j += 8)
                {
                    var i = ActivationFunctions.Sigmoid(Vector256.LoadUnsafe(ref g, (nuint)j));
                    var f = ActivationFunctions.Sigmoid(Vector256.LoadUnsafe(ref g, (nuint)(units + j)));
                    var gg = ActivationFunctions.Tanh(Vector256.LoadUnsafe(ref g, (nuint)((2 * units) + j)));
                    var o = ActivationFunctions.Sigmoid(Vector256.LoadUnsafe(ref g, (nuint)((3 * units) + j)));
                    var cj = Vector256.MultiplyAddEstimate(f, Vector256.LoadUnsafe(ref cp, (nuint)j), i * gg);
                    var tanhC = ActivationFunctions.Tanh(cj);
                    i.StoreUnsafe(ref g, (nuint)j);
                    f.StoreUnsafe(ref g, (nuint)(units + j));
                    gg.StoreUnsafe(ref g, (nuint)((2 * units) + j));
                    o.StoreUnsafe(ref g, (nuint)((3 * units) + j));
                    tanhC.StoreUnsafe(ref g, (nuint)((4 * units) + j));
                    cj.StoreUnsafe(ref cn, (nuint)j);
                    (o * tanhC).StoreUnsafe(ref hn, (nuint)j);
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                for (; j + 4 <= units; j += 4)
                {
                    var i = ActivationFunctions.Sigmoid(Vector128.LoadUnsafe(ref g, (nuint)j));
                    var f = ActivationFunctions.Sigmoid(Vector128.LoadUnsafe(ref g, (nuint)(units + j)));
                    var gg = ActivationFunctions.Tanh(Vector128.LoadUnsafe(ref g, (nuint)((2 * units) + j)));
                    var o = ActivationFunctions.Sigmoid(Vector128.LoadUnsafe(ref g, (nuint)((3 * units) + j)));
                    var cj = Vector128.MultiplyAddEstimate(f, Vector128.LoadUnsafe(ref cp, (nuint)j), i * gg);
                    var tanhC = ActivationFunctions.Tanh(cj);
                    i.StoreUnsafe(ref g, (nuint)j);
                    f.StoreUnsafe(ref g, (nuint)(units + j));
                    gg.StoreUnsafe(ref g, (nuint)((2 * units) + j));
                    o.StoreUnsafe(ref g, (nuint)((3 * units) + j));
                    tanhC.StoreUnsafe(ref g, (nuint)((4 * units) + j));
                    cj.StoreUnsafe(ref cn, (nuint)j);
                    (o * tanhC).StoreUnsafe(ref hn, (nuint)j);
                }
            }
        }

        for (; j < units; j++)
        {
            ref T zi = ref Unsafe.Add(ref gates, j);
            ref T zf = ref Unsafe.Add(ref gates, units + j);
            ref T zg = ref Unsafe.Add(ref gates, (2 * units) + j);
            ref T zo = ref Unsafe.Add(ref gates, (3 * units) + j);
            zi = ActivationFunctions.Sigmoid(zi);
            zf = ActivationFunctions.Sigmoid(zf);
            zg = T.Tanh(zg);
            zo = ActivationFunctions.Sigmoid(zo);
            T cj = T.MultiplyAddEstimate(zf, Unsafe.Add(ref cPrevious, j), zi * zg);
            T tanhC = T.Tanh(cj);
            Unsafe.Add(ref gates, (4 * units) + j) = tanhC;
            Unsafe.Add(ref c, j) = cj;
            Unsafe.Add(ref h, j) = zo * tanhC;
        }
    }

    /// <summary>
    /// GRU, from a = x·Wx + bx (3H, in <paramref name="a"/>) and u = h₋·Wh + bh (3H, after it): r, z = σ(a + u),
    /// n = tanh(a_n + r ⊙ u_n); h = n + z ⊙ (h₋ − n). Leaves r, z, n in the first 3H and u in the next 3H.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Gru<T>(ref T a, int units, ref T hPrevious, ref T h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int j = 0;
        if (typeof(T) == typeof(float))
        {
            ref float s = ref Unsafe.As<T, float>(ref a);
            ref float hp = ref Unsafe.As<T, float>(ref hPrevious);
            ref float hn = ref Unsafe.As<T, float>(ref h);
            nuint u = (nuint)(3 * units), z = (nuint)units, n = (nuint)(2 * units);
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 8 <= units; j += 8)
                {
                    nuint k = (nuint)j;
                    var r = ActivationFunctions.Sigmoid(Vector256.LoadUnsafe(ref s, k) + Vector256.LoadUnsafe(ref s, u + k));
                    var zz = ActivationFunctions.Sigmoid(Vector256.LoadUnsafe(ref s, z + k) + Vector256.LoadUnsafe(ref s, u + z + k));
                    var nn = ActivationFunctions.Tanh(
                        Vector256.MultiplyAddEstimate(r, Vector256.LoadUnsafe(ref s, u + n + k), Vector256.LoadUnsafe(ref s, n + k)));
                    r.StoreUnsafe(ref s, k);
                    zz.StoreUnsafe(ref s, z + k);
                    nn.StoreUnsafe(ref s, n + k);
                    Vector256.MultiplyAddEstimate(zz, Vector256.LoadUnsafe(ref hp, k) - nn, nn).StoreUnsafe(ref hn, k);
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                for (; j + 4 <= units; j += 4)
                {
                    nuint k = (nuint)j;
                    var r = ActivationFunctions.Sigmoid(Vector128.LoadUnsafe(ref s, k) + Vector128.LoadUnsafe(ref s, u + k));
                    var zz = ActivationFunctions.Sigmoid(Vector128.LoadUnsafe(ref s, z + k) + Vector128.LoadUnsafe(ref s, u + z + k));
                    var nn = ActivationFunctions.Tanh(
                        Vector128.MultiplyAddEstimate(r, Vector128.LoadUnsafe(ref s, u + n + k), Vector128.LoadUnsafe(ref s, n + k)));
                    r.StoreUnsafe(ref s, k);
                    zz.StoreUnsafe(ref s, z + k);
                    nn.StoreUnsafe(ref s, n + k);
                    Vector128.MultiplyAddEstimate(zz, Vector128.LoadUnsafe(ref hp, k) - nn, nn).StoreUnsafe(ref hn, k);
                }
            }
        }

        for (; j < units; j++)
        {
            ref T r = ref Unsafe.Add(ref a, j);
            ref T zz = ref Unsafe.Add(ref a, units + j);
            ref T nn = ref Unsafe.Add(ref a, (2 * units) + j);
            r = ActivationFunctions.Sigmoid(r + Unsafe.Add(ref a, (3 * units) + j));
            zz = ActivationFunctions.Sigmoid(zz + Unsafe.Add(ref a, (4 * units) + j));
            nn = T.Tanh(T.MultiplyAddEstimate(r, Unsafe.Add(ref a, (5 * units) + j), nn));
            Unsafe.Add(ref h, j) = T.MultiplyAddEstimate(zz, Unsafe.Add(ref hPrevious, j) - nn, nn);
        }
    }
}
