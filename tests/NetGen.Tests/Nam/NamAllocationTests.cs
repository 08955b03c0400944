using System;
using System.Runtime.CompilerServices;
using NetGen.Nam;
using Xunit;

namespace NetGen.Tests.Nam;

/// <summary>Processing, switching submodels and resetting allocate nothing once warm (exact, per thread).</summary>
public class NamAllocationTests
{
    [Fact]
    public void Process_ResetState_AndSize_AllocateNothing()
    {
        NamModel wavenet = NamModel.Open(NamModelTests.Fixture("wavenet-kernels.nam"));
        NamModel lstm = NamModel.Open(NamModelTests.Fixture("lstm-lite.nam"));
        NamModel container = NamModel.Open(NamModelTests.Fixture("a2-small.nam"));
        NamStream voice = container.CreateStream();
        (float[] input, _) = NamModelTests.Recorded("wavenet-kernels");
        var output = new float[input.Length];
        Run(wavenet, lstm, container, voice, input, output);

        var measured = new long[3];
        for (int attempt = 0; attempt < measured.Length; attempt++)
        {
            measured[attempt] = Run(wavenet, lstm, container, voice, input, output);
            if (measured[attempt] == 0)
            {
                return;
            }
        }

        Assert.Fail($"Allocated {string.Join(", ", measured)} bytes in {measured.Length} runs; expected 0 in at least one.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Run(NamModel wavenet, NamModel lstm, NamModel container, NamStream voice, float[] input, float[] output)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int at = 0; at + 64 <= input.Length; at += 64)
        {
            wavenet.Process(input.AsSpan(at, 64), output.AsSpan(at, 64));
            lstm.Process(input.AsSpan(at, 1), output.AsSpan(at, 1));
            container.Size = at % 128 == 0 ? 0.25 : 1;
            container.Process(input.AsSpan(at, 64), output.AsSpan(at, 64));
            voice.Process(input.AsSpan(at, 64), output.AsSpan(at, 64));
        }

        wavenet.ResetState();
        lstm.ResetState();
        voice.ResetState();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
