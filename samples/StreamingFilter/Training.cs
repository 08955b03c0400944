using System;

namespace StreamingFilter;

/// <summary>
/// Trains the model by backpropagation through time: each Adam step takes the gradient of the mean squared error
/// over one window of <see cref="Window"/> frames, run from zero state, whose first <see cref="Warmup"/> frames only
/// fill the state (the error counts from there on). <c>NetworkTrainer.Fit</c> does the same over a whole recording;
/// here the loop is written out.
/// </summary>
internal static class Training
{
    public const int Window = 384;
    public const int Warmup = 64;

    /// <summary>Trains on windows cut at random places from the training signal; returns J per step.</summary>
    public static float[] Run(FilterModel model, float[] input, float[] target, int steps, int seed)
    {
        var random = new Random(seed);
        var costs = new float[steps];
        for (int step = 0; step < steps; step++)
        {
            int start = random.Next(0, input.Length - Window);
            costs[step] = model.TrainSequence(input.AsSpan(start, Window), target.AsSpan(start, Window), Warmup);
        }

        return costs;
    }
}
