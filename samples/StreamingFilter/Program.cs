using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using StreamingFilter;

// A real-time audio model, end to end: an LSTM learns a nonlinear filter with memory (a one-pole low-pass into a
// soft clipper, see AnalogStage) by backpropagation through time, then runs sample by sample, as an audio callback
// would, over one second of plucked notes it never saw. It prints the error, the cost of a 256-frame block against
// the real-time budget at 48 kHz, and writes a plot of input, target and output to ./plots/. Deterministic (fixed
// seeds); the exit code is 1 when the model misses RelativeErrorLimit.
// With "--weights <file>", the model is not trained here: its weights come from a PyTorch state_dict JSON, such as
// the one pytorch/train.py writes for the same model. With "--compiled", that same file was compiled into
// PyTorchFilterModel when the sample was built ([Network(..., Weights = ...)]): the weights are in the assembly.
// With "--compiled-onnx", the ONNX file train.py exports was compiled into OnnxFilterModel ([NetworkModel]): the
// layers came from the file as well.
const double RelativeErrorLimit = 0.05;
const int BlockSize = 256;
CultureInfo inv = CultureInfo.InvariantCulture;

Console.WriteLine(string.Create(inv,
    $"StreamingFilter: learn a low-pass ({AnalogStage.Cutoff} Hz) into a tanh clipper (drive {AnalogStage.Drive}) at {AnalogStage.SampleRate} Hz."));
Console.WriteLine(string.Create(inv,
    $"Model: [Network(1)] [Lstm(12)] [Dense(1)], {FilterModel.ParameterCount} parameters, {FilterModel.StateSize} state values, float, Adam."));

NetGen.ISequenceNetwork<float> model;
if (args is ["--weights", string weights])
{
    var loaded = new FilterModel();
    NetGen.IO.PyTorchWeights.Load(loaded, weights);
    model = loaded;
    Console.WriteLine("Weights from " + Path.GetFullPath(weights) + " (trained in PyTorch).");
}
else if (args is ["--compiled"])
{
    model = new PyTorchFilterModel();
    Console.WriteLine("Weights compiled into PyTorchFilterModel from pytorch/filter.state.json (trained in PyTorch); no file is read.");
}
else if (args is ["--compiled-onnx"])
{
    model = new OnnxFilterModel();
    Console.WriteLine("Layers and weights compiled into OnnxFilterModel from pytorch/filter.onnx (trained in PyTorch); no file is read.");
}
else
{
    var trained = new FilterModel();
    float[] trainInput = AnalogStage.Plucks(4 * AnalogStage.SampleRate, seed: 1);
    float[] trainTarget = AnalogStage.Process(trainInput);
    trained.Optimizer.LearningRate = 0.01f;
    var clock = Stopwatch.StartNew();
    float[] costs = Training.Run(trained, trainInput, trainTarget, steps: 1500, seed: 2);
    trained.Optimizer.LearningRate = 0.002f;
    costs = [.. costs, .. Training.Run(trained, trainInput, trainTarget, steps: 500, seed: 3)];
    Console.WriteLine(string.Create(inv,
        $"Trained {costs.Length} Adam steps on {Training.Window}-frame windows in {clock.Elapsed.TotalSeconds:F1} s: " +
        $"J {costs.Take(20).Average():E2} (first 20) -> {costs.TakeLast(100).Average():E2} (last 100)."));
    model = trained;
}

// Play one second it never saw, one sample per call, the way an audio callback runs it.
float[] input = AnalogStage.Plucks(AnalogStage.SampleRate, seed: 4);
float[] target = AnalogStage.Process(input);
var output = new float[input.Length];
model.ResetState();
for (int t = 0; t < input.Length; t++)
{
    model.Step(input.AsSpan(t, 1), output.AsSpan(t, 1));
}

double errorRms = Math.Sqrt(output.Zip(target, (o, y) => (double)(o - y) * (o - y)).Average());
double targetRms = Math.Sqrt(target.Average(y => (double)y * y));
double relative = errorRms / targetRms;
Console.WriteLine(string.Create(inv,
    $"Unseen 1 s: RMS error {errorRms:E2} against a target RMS of {targetRms:F3}: {relative:P2} ({20 * Math.Log10(relative):F1} dB)."));

// The real-time budget: a 256-frame block at 48 kHz must finish within 256/48000 s.
double budget = 1e6 * BlockSize / AnalogStage.SampleRate;
double blockMicros = BlockTimer.MedianMicroseconds(model, input, BlockSize);
Console.WriteLine(string.Create(inv,
    $"Per {BlockSize}-frame block: {blockMicros:F1} µs of a {budget:F0} µs budget ({blockMicros / budget:P2} of one core; " +
    $"{1000 * blockMicros / BlockSize:F0} ns per sample)."));

string plots = Path.GetFullPath("plots");
Directory.CreateDirectory(plots);
string plot = Path.Combine(plots, "streaming-filter.png");
SignalPlot.Write(plot, input, target, output, first: 0, count: AnalogStage.SampleRate / 40);
Console.WriteLine("Plot: " + plot);

if (!(relative < RelativeErrorLimit))
{
    Console.Error.WriteLine(string.Create(inv, $"error: relative error {relative:P2} is not below {RelativeErrorLimit:P0}."));
    return 1;
}

return 0;
