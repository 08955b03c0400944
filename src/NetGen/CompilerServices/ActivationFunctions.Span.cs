using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

// Float sigmoid and tanh over a whole row or block in place, for kernels that would otherwise inline one copy of the
// function per vector: each lane gets the value the vector forms give it (every width computes the same). Never
// inlined: the copies of the function at each width inline here, under this method's own budget.
public static partial class ActivationFunctions
{
    /// <summary>σ of every element of <paramref name="values"/>, in place.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Sigmoid(Span<float> values) => Apply<SigmoidOfVectors>(values);

    /// <summary>tanh of every element of <paramref name="values"/>, in place.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Tanh(Span<float> values) => Apply<TanhOfVectors>(values);

    /// <summary>The widest accelerated vectors first, then Vector128s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Apply<TFunction>(Span<float> values)
        where TFunction : IVectorFunction
    {
        ref float first = ref MemoryMarshal.GetReference(values);
        nuint n = (nuint)values.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + 16 <= n; i += 16)
            {
                Vector512.StoreUnsafe(TFunction.Apply(Vector512.LoadUnsafe(ref first, i)), ref first, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= n; i += 8)
            {
                Vector256.StoreUnsafe(TFunction.Apply(Vector256.LoadUnsafe(ref first, i)), ref first, i);
            }
        }

        // Vector128s, the last one holding the last one to four elements (one more copy of the function, not two).
        for (; i < n; i += 4)
        {
            ref float at = ref Unsafe.Add(ref first, i);
            int count = (int)nuint.Min(4, n - i);
            Vector128<float> y = TFunction.Apply(count == 4 ? Vector128.LoadUnsafe(ref at) : VectorLanes.Load(ref at, count));
            if (count == 4)
            {
                Vector128.StoreUnsafe(y, ref at);
            }
            else
            {
                VectorLanes.Store(y, ref at, count);
            }
        }
    }

    /// <summary>A float function at every vector width, passed as a type.</summary>
    private interface IVectorFunction
    {
        static abstract Vector128<float> Apply(Vector128<float> x);

        static abstract Vector256<float> Apply(Vector256<float> x);

        static abstract Vector512<float> Apply(Vector512<float> x);
    }

    private readonly struct SigmoidOfVectors : IVectorFunction
    {
        public static Vector128<float> Apply(Vector128<float> x) => Sigmoid(x);

        public static Vector256<float> Apply(Vector256<float> x) => Sigmoid(x);

        public static Vector512<float> Apply(Vector512<float> x) => Sigmoid(x);
    }

    private readonly struct TanhOfVectors : IVectorFunction
    {
        public static Vector128<float> Apply(Vector128<float> x) => Tanh(x);

        public static Vector256<float> Apply(Vector256<float> x) => Tanh(x);

        public static Vector512<float> Apply(Vector512<float> x) => Tanh(x);
    }
}
