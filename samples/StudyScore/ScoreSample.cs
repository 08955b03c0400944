namespace StudyScore;

/// <summary>One observation in original units: hours of sleep and of study, and the test score (0 to 100).</summary>
internal readonly record struct ScoreSample(double Sleep, double Study, double Score);
