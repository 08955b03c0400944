using System;
using NetGen;
using NetGen.CrashProbe;

// save-loop <format> <path>: saves parameter set A, then B, A, B, ... to <path> until killed. The first complete save
// (the file appearing) is the sign that the loop runs.
// <format> is binary (NetworkWeights), onnx (a dense network) or onnx-sequence (a sequence network).
if (args is not ["save-loop", string format, string path])
{
    Console.Error.WriteLine("usage: save-loop binary|onnx|onnx-sequence <path>");
    return 2;
}

Action<int> save = SavedNetworks.Saver(format, path);
for (int i = 0; ; i++)
{
    save(i % 2);
}
