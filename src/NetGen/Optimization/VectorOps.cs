using System;

namespace NetGen.Optimization;

/// <summary>The few vector operations the optimizer needs, on spans of doubles.</summary>
internal static class VectorOps
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>max |aᵢ|; NaN when any element is NaN.</summary>
    public static double MaxAbs(ReadOnlySpan<double> a)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double v = Math.Abs(a[i]);
            if (!(v <= max))
            {
                max = v;   // also takes NaN, which then stays
                if (double.IsNaN(v))
                {
                    return v;
                }
            }
        }

        return max;
    }

    /// <summary>‖a‖₂, scaled by max |aᵢ| so that it neither overflows nor underflows.</summary>
    public static double Norm(ReadOnlySpan<double> a)
    {
        double scale = MaxAbs(a);
        if (scale == 0 || !double.IsFinite(scale))
        {
            return scale;
        }

        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double v = a[i] / scale;
            sum += v * v;
        }

        return scale * Math.Sqrt(sum);
    }

    /// <summary>Whether every element is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (!double.IsFinite(a[i]))
            {
                return false;
            }
        }

        return true;
    }
}
