using System;

namespace AotCheck;

/// <summary>Sanity checks on the results; any failure makes the program exit with code 1.</summary>
internal static class Expect
{
    public static int Failures { get; private set; }

    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            Failures++;
            Console.Error.WriteLine("FAILED: " + what);
        }
    }
}
