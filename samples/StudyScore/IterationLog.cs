using System;
using System.Collections.Generic;
using System.Globalization;
using NetGen.Optimization;

namespace StudyScore;

/// <summary>Prints an L-BFGS trace compactly: iterations 1, 2, 5, 10, 20, 50, ... and the last one.</summary>
internal static class IterationLog
{
    public static void Print(IReadOnlyList<LbfgsIteration> iterations)
    {
        Console.WriteLine(" iteration  cost J         ‖∇J‖∞      step      evaluations");
        for (int i = 0; i < iterations.Count; i++)
        {
            LbfgsIteration iteration = iterations[i];
            if (IsRound(iteration.Iteration) || i == iterations.Count - 1)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{iteration.Iteration,10}  {iteration.Cost,-13:0.000E+00} {iteration.GradientNorm,-10:0.00E+00} {iteration.StepSize,-9:G3} {iteration.Evaluations,11}"));
            }
        }
    }

    /// <summary>1, 2 or 5 times a power of ten.</summary>
    private static bool IsRound(int n)
    {
        while (n >= 10 && n % 10 == 0)
        {
            n /= 10;
        }

        return n is 1 or 2 or 5;
    }
}
