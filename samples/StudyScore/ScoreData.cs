using System;
using System.Collections.Generic;

namespace StudyScore;

/// <summary>
/// A set of samples with their scaled, row-major network inputs (sleep, study per row) and targets (score / 100),
/// ready for <c>Objective</c>, <c>CostBatch</c> and L-BFGS.
/// </summary>
internal sealed class ScoreData
{
    public ScoreData(IReadOnlyList<ScoreSample> samples, Scaling scaling)
    {
        Samples = samples;
        Scaling = scaling;
        Inputs = new double[samples.Count * StudyScoreNet.InputSize];
        Targets = new double[samples.Count * StudyScoreNet.OutputSize];
        for (int s = 0; s < samples.Count; s++)
        {
            scaling.ScaleInput(samples[s].Sleep, samples[s].Study, Inputs.AsSpan(s * StudyScoreNet.InputSize, StudyScoreNet.InputSize));
            Targets[s] = samples[s].Score / Scaling.ScoreScale;
        }
    }

    public IReadOnlyList<ScoreSample> Samples { get; }

    public Scaling Scaling { get; }

    public int Count => Samples.Count;

    /// <summary>Scaled inputs, one row of <see cref="StudyScoreNet.InputSize"/> per sample.</summary>
    public double[] Inputs { get; }

    /// <summary>Scaled targets, one row of <see cref="StudyScoreNet.OutputSize"/> per sample.</summary>
    public double[] Targets { get; }

    /// <summary>
    /// The data term of the objective, J = (1/N)·Σ ½(y − ŷ)² over the samples, without any L2 penalty: the same
    /// number as <c>network.Objective</c> with <c>L2Regularization</c> 0, whatever the network's λ.
    /// </summary>
    public double MeanCost(StudyScoreNet network) => network.CostBatch(Inputs, Targets) / Count;

    /// <summary>The network's predicted score for every sample, in score points.</summary>
    public double[] PredictScores(StudyScoreNet network)
    {
        var predicted = new double[Count * StudyScoreNet.OutputSize];
        network.ForwardBatch(Inputs, predicted);
        for (int s = 0; s < predicted.Length; s++)
        {
            predicted[s] *= Scaling.ScoreScale;
        }

        return predicted;
    }
}
