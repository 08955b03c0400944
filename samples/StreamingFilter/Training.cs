using System;

namespace StreamingFilter;

/// <summary>
/// Trains the model by backpropagation through time: each Adam step takes the gradient of the mean squared error
/// over one window of <see cref="Window"/> frames, run from zero state (the first <see cref="Warmup"/> frames of
/// each window are there only to fill the state; the error counts from there on).
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
        var x = new float[Window];
        var y = new float[Window];
        var warm = new float[Warmup];
        var state = model.CreateState();
        for (int step = 0; step < steps; step++)
        {
            int start = random.Next(0, input.Length - Window);
            input.AsSpan(start, Window).CopyTo(x);
            target.AsSpan(start, Window).CopyTo(y);

            // The warm-up frames' targets are set to what the model outputs there, so they add no error or gradient.
            state.Reset();
            model.Process(state, x.AsSpan(0, Warmup), warm);
            warm.CopyTo(y);
            costs[step] = model.TrainSequence(x, y);
        }

        return costs;
    }
}
