using System;
using System.Collections.Generic;

namespace StudyScore;

/// <summary>
/// How samples are scaled for the network: each input column divided by its maximum over a reference set (the
/// training set), scores divided by 100, so that training values lie in [0, 1].
/// </summary>
internal sealed record Scaling(double SleepMax, double StudyMax)
{
    /// <summary>Scores are percentages; the sigmoid output predicts score / 100.</summary>
    public const double ScoreScale = 100;

    /// <summary>The column maxima of <paramref name="samples"/>.</summary>
    public static Scaling MaximaOf(IReadOnlyList<ScoreSample> samples)
    {
        double sleepMax = 0, studyMax = 0;
        foreach (ScoreSample sample in samples)
        {
            sleepMax = Math.Max(sleepMax, sample.Sleep);
            studyMax = Math.Max(studyMax, sample.Study);
        }

        return new Scaling(sleepMax, studyMax);
    }

    /// <summary>Writes the network input for (sleep, study) into <paramref name="input"/> (length 2).</summary>
    public void ScaleInput(double sleep, double study, Span<double> input)
    {
        input[0] = sleep / SleepMax;
        input[1] = study / StudyMax;
    }
}
