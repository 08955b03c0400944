using System;
using System.Globalization;
using System.Text;
using NetGen;
using StudyScore;

// Trains the 2-3-1 network of the classic example to predict a test score from hours of sleep and hours of
// study, with plain stochastic gradient descent (one TrainStep per sample), and prints what it learned.
// The output is deterministic: a new StudyScoreNet starts from ParameterInitializer.DefaultSeed.
// The exit code is 1 when training does not bring the cost below CostThreshold, so CI notices regressions.

const float LearningRate = 2f;
const int Epochs = 20_000;
const float CostThreshold = 1e-4f;
CultureInfo inv = CultureInfo.InvariantCulture;

// (hours of sleep, hours of study) -> test score
float[,] samples =
{
    { 3f, 5f, 75f },
    { 5f, 1f, 82f },
    { 10f, 2f, 93f },
};
int sampleCount = samples.GetLength(0);

// Scale each input column by its maximum and the scores by 100, so every value lies in [0, 1].
float sleepMax = 0f, studyMax = 0f;
for (int s = 0; s < sampleCount; s++)
{
    sleepMax = Math.Max(sleepMax, samples[s, 0]);
    studyMax = Math.Max(studyMax, samples[s, 1]);
}

const float ScoreScale = 100f;
float[] inputs = new float[sampleCount * StudyScoreNet.InputSize];   // row-major, one row per sample
float[] targets = new float[sampleCount * StudyScoreNet.OutputSize];
for (int s = 0; s < sampleCount; s++)
{
    inputs[s * StudyScoreNet.InputSize] = samples[s, 0] / sleepMax;
    inputs[s * StudyScoreNet.InputSize + 1] = samples[s, 1] / studyMax;
    targets[s * StudyScoreNet.OutputSize] = samples[s, 2] / ScoreScale;
}

var net = new StudyScoreNet();

Console.WriteLine("StudyScore: predict a test score from hours of sleep and hours of study.");
ReadOnlySpan<Activation> activations = StudyScoreNet.Activations;
Console.WriteLine(string.Create(inv,
    $"Network: {Describe(StudyScoreNet.LayerSizes)}, hidden {activations[0]}, output {activations[^1]}, " +
    $"{StudyScoreNet.Loss} loss, {(StudyScoreNet.HasBias ? "with" : "no")} bias, {StudyScoreNet.ParameterCount} parameters"));
Console.WriteLine(string.Create(inv,
    $"Training: SGD, one TrainStep per sample, learning rate {LearningRate}, {Epochs} epochs over {sampleCount} samples"));
Console.WriteLine(string.Create(inv,
    $"Scaling: sleep / {sleepMax}, study / {studyMax}, score / {ScoreScale}"));
Console.WriteLine();

float costBefore = net.CostBatch(inputs, targets);
Console.WriteLine("Cost before training: " + costBefore.ToString("G4", inv));

for (int epoch = 0; epoch < Epochs; epoch++)
{
    for (int s = 0; s < sampleCount; s++)
    {
        net.TrainStep(
            inputs.AsSpan(s * StudyScoreNet.InputSize, StudyScoreNet.InputSize),
            targets.AsSpan(s * StudyScoreNet.OutputSize, StudyScoreNet.OutputSize),
            LearningRate);
    }
}

// J = Σ over samples of ½(y − ŷ)², in scaled units.
float costAfter = net.CostBatch(inputs, targets);
Console.WriteLine("Cost after training: " + costAfter.ToString("G4", inv));
Console.WriteLine();

Console.WriteLine("Training samples (score points):");
Console.WriteLine(" sleep  study  target  predicted");
float[] predicted = new float[sampleCount * StudyScoreNet.OutputSize];
net.ForwardBatch(inputs, predicted);
for (int s = 0; s < sampleCount; s++)
{
    Console.WriteLine(string.Create(inv,
        $"{samples[s, 0],6:0.#} {samples[s, 1],6:0.#} {samples[s, 2],7:0.00} {predicted[s] * ScoreScale,10:0.00}"));
}

Console.WriteLine();
Console.WriteLine("Predicted score (rows: hours of sleep, columns: hours of study):");
var header = new StringBuilder("sleep\\study");
for (int study = 0; study <= 5; study++)
{
    header.Append(string.Create(inv, $"{study,7}"));
}

Console.WriteLine(header.ToString());
Span<float> point = stackalloc float[StudyScoreNet.InputSize];
Span<float> score = stackalloc float[StudyScoreNet.OutputSize];
for (int sleep = 0; sleep <= 10; sleep += 2)
{
    var row = new StringBuilder(string.Create(inv, $"{sleep,11}"));
    for (int study = 0; study <= 5; study++)
    {
        point[0] = sleep / sleepMax;
        point[1] = study / studyMax;
        net.Forward(point, score);
        row.Append(string.Create(inv, $"{score[0] * ScoreScale,7:0.0}"));
    }

    Console.WriteLine(row.ToString());
}

if (!(costAfter < CostThreshold))
{
    Console.Error.WriteLine(string.Create(inv,
        $"FAILED: cost after training {costAfter:G4} is not below {CostThreshold:G4}."));
    return 1;
}

return 0;

static string Describe(ReadOnlySpan<int> sizes)
{
    var text = new StringBuilder();
    foreach (int size in sizes)
    {
        text.Append(text.Length == 0 ? "" : "-").Append(size.ToString(CultureInfo.InvariantCulture));
    }

    return text.ToString();
}
