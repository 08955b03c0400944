using System;
using System.Runtime.CompilerServices;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>Fit allocates its scratch once per call: nothing per epoch and nothing per batch.</summary>
/// <remarks>
/// Fit itself allocates a fixed amount per call (the permutation, the batch buffers, the parameter snapshots and
/// the result), so "allocates nothing" cannot be measured around one call. Instead the same Fit runs with 1 epoch
/// and with 40 epochs (8 and 320 batches): per-call scratch is the same in both, so any difference in the bytes
/// allocated is something allocated per epoch or per batch, and the difference must be exactly 0. The measurement
/// shares <see cref="AllocationTests"/>' collection (no parallel tests) and its retry rule: a real per-batch
/// allocation shows up in every attempt, a spurious counter blip (dotnet/runtime#13502) does not.
/// </remarks>
[Collection(nameof(AllocationTests))]
public sealed class FitTestsAllocation
{
    private const int Attempts = 3;

    [Fact]
    public void AllocatedBytes_DoNotGrowWithEpochsOrBatches()
    {
        (float[] inputs, float[] targets) = FitData.Regression(rows: 64, seed: 31);
        (float[] validationInputs, float[] validationTargets) = FitData.Regression(rows: 16, seed: 32);
        var net = new FitRegressionNet();
        var progress = new CountingProgress();

        // Shuffling (batch buffers, permutation), validation with best-parameter snapshots and progress reports: every
        // path that touches scratch. Patience 0 so both runs do all their epochs.
        var few = new FitOptions { Epochs = 1, BatchSize = 8, ShuffleSeed = 1, Patience = 0 };
        var many = new FitOptions { Epochs = 40, BatchSize = 8, ShuffleSeed = 1, Patience = 0 };

        // The first runs pay for JIT compilation, tiering and type loading.
        Measure(net, inputs, targets, validationInputs, validationTargets, many, progress);
        Measure(net, inputs, targets, validationInputs, validationTargets, few, progress);

        var differences = new long[Attempts];
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            long fewBytes = Measure(net, inputs, targets, validationInputs, validationTargets, few, progress);
            long manyBytes = Measure(net, inputs, targets, validationInputs, validationTargets, many, progress);
            differences[attempt] = manyBytes - fewBytes;
            if (differences[attempt] == 0)
            {
                Assert.True(fewBytes > 0, "Fit should allocate its scratch, so the measurement sees allocations at all.");
                Assert.True(progress.Count > 0);
                return;
            }
        }

        Assert.Fail($"40 epochs allocated {string.Join(", ", differences)} bytes more than 1 epoch in {Attempts} attempts; expected 0.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Measure(
        FitRegressionNet net, float[] inputs, float[] targets, float[] validationInputs, float[] validationTargets, FitOptions options, CountingProgress progress)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        FitResult result = NetworkTrainer.Fit<float>(net, inputs, targets, options, validationInputs, validationTargets, progress);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(FitStopReason.Completed, result.StopReason);
        return allocated;
    }

    /// <summary>A progress sink that allocates nothing.</summary>
    private sealed class CountingProgress : IProgress<EpochReport>
    {
        public int Count { get; private set; }

        public void Report(EpochReport value) => Count++;
    }
}
