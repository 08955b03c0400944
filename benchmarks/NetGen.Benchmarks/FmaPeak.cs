using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Benchmarks;

/// <summary>
/// The single-precision FMA peak of one core, measured: 12 independent chains of fused multiply-adds on the widest
/// accelerated vector, kept in registers. 12 chains cover the FMA latency times the FMA units of current x64 cores
/// (4 cycles × 2 units), so the loop is bound by FMA throughput, not latency.
/// </summary>
internal static class FmaPeak
{
    private const int ChainCount = 12;
    private const int WarmupMilliseconds = 100;
    private const int MeasureMilliseconds = 200;
    private const int Runs = 5;

    /// <summary>Keeps the accumulators' sum, so the JIT cannot drop the chains.</summary>
    private static float s_sink;

    /// <summary>GFLOP/s of one core (an FMA is 2 FLOPs per lane), and the vector width used, in bits.</summary>
    public static (double Gflops, int Bits) Measure() =>
        Vector512.IsHardwareAccelerated ? Measure<Vector512<float>, Fma512>()
        : Vector256.IsHardwareAccelerated ? Measure<Vector256<float>, Fma256>()
        : Measure<Vector128<float>, Fma128>();

    private static (double Gflops, int Bits) Measure<TVector, TFma>()
        where TFma : struct, IFma<TVector>
    {
        // Warmup: the clock ramps up, and the rate found sizes the timed runs.
        long iterations = 1 << 16, done = 0;
        var time = Stopwatch.StartNew();
        while (time.ElapsedMilliseconds < WarmupMilliseconds)
        {
            s_sink += Chains<TVector, TFma>(iterations);
            done += iterations;
        }

        // The fastest of a few runs: anything else sharing the core only slows a run down.
        iterations = (long)(done / time.Elapsed.TotalMilliseconds * MeasureMilliseconds / Runs);
        double fastest = double.MaxValue;
        for (int run = 0; run < Runs; run++)
        {
            time.Restart();
            s_sink += Chains<TVector, TFma>(iterations);
            fastest = Math.Min(fastest, time.Elapsed.TotalSeconds);
        }

        int lanes = Unsafe.SizeOf<TVector>() / sizeof(float);
        return (2.0 * lanes * ChainCount * iterations / fastest / 1e9, lanes * 32);
    }

    /// <summary><paramref name="iterations"/> rounds of one FMA on each of the 12 chains: acc = acc × m + a.</summary>
    /// <remarks>m slightly below 1 and a small keep every chain near a / (1 − m) = 1: no overflow, no subnormals.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chains<TVector, TFma>(long iterations)
        where TFma : struct, IFma<TVector>
    {
        TVector m = TFma.Create(0.999f), a = TFma.Create(0.001f);
        TVector c0 = TFma.Create(1.00f), c1 = TFma.Create(1.01f), c2 = TFma.Create(1.02f), c3 = TFma.Create(1.03f);
        TVector c4 = TFma.Create(1.04f), c5 = TFma.Create(1.05f), c6 = TFma.Create(1.06f), c7 = TFma.Create(1.07f);
        TVector c8 = TFma.Create(1.08f), c9 = TFma.Create(1.09f), c10 = TFma.Create(1.10f), c11 = TFma.Create(1.11f);
        for (long i = 0; i < iterations; i++)
        {
            c0 = TFma.Fma(c0, m, a); c1 = TFma.Fma(c1, m, a); c2 = TFma.Fma(c2, m, a); c3 = TFma.Fma(c3, m, a);
            c4 = TFma.Fma(c4, m, a); c5 = TFma.Fma(c5, m, a); c6 = TFma.Fma(c6, m, a); c7 = TFma.Fma(c7, m, a);
            c8 = TFma.Fma(c8, m, a); c9 = TFma.Fma(c9, m, a); c10 = TFma.Fma(c10, m, a); c11 = TFma.Fma(c11, m, a);
        }

        TVector sum = TFma.Add(TFma.Add(TFma.Add(c0, c1), TFma.Add(c2, c3)), TFma.Add(TFma.Add(c4, c5), TFma.Add(c6, c7)));
        return TFma.First(TFma.Add(sum, TFma.Add(TFma.Add(c8, c9), TFma.Add(c10, c11))));
    }

    /// <summary>The few operations of one vector width (a struct per width, so each gets its own compiled loop).</summary>
    private interface IFma<TVector>
    {
        static abstract TVector Create(float value);

        static abstract TVector Fma(TVector x, TVector y, TVector z);

        static abstract TVector Add(TVector x, TVector y);

        static abstract float First(TVector x);
    }

    private struct Fma512 : IFma<Vector512<float>>
    {
        public static Vector512<float> Create(float value) => Vector512.Create(value);

        public static Vector512<float> Fma(Vector512<float> x, Vector512<float> y, Vector512<float> z) => Vector512.FusedMultiplyAdd(x, y, z);

        public static Vector512<float> Add(Vector512<float> x, Vector512<float> y) => x + y;

        public static float First(Vector512<float> x) => x.ToScalar();
    }

    private struct Fma256 : IFma<Vector256<float>>
    {
        public static Vector256<float> Create(float value) => Vector256.Create(value);

        public static Vector256<float> Fma(Vector256<float> x, Vector256<float> y, Vector256<float> z) => Vector256.FusedMultiplyAdd(x, y, z);

        public static Vector256<float> Add(Vector256<float> x, Vector256<float> y) => x + y;

        public static float First(Vector256<float> x) => x.ToScalar();
    }

    private struct Fma128 : IFma<Vector128<float>>
    {
        public static Vector128<float> Create(float value) => Vector128.Create(value);

        public static Vector128<float> Fma(Vector128<float> x, Vector128<float> y, Vector128<float> z) => Vector128.FusedMultiplyAdd(x, y, z);

        public static Vector128<float> Add(Vector128<float> x, Vector128<float> y) => x + y;

        public static float First(Vector128<float> x) => x.ToScalar();
    }
}
