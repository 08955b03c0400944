using System;
using System.IO;
using Microsoft.ML.OnnxRuntime;
using NetGen.Onnx;

namespace NetGen.Benchmarks;

/// <summary>
/// The third baseline, inference only: ONNX Runtime's CPU provider running the model that
/// <see cref="OnnxModel"/> saves for the network (input "input" [N, in], one Gemm per layer plus its activation,
/// output "output" [N, out]).
/// </summary>
/// <remarks>
/// Called the way ONNX Runtime recommends for repeated low-latency inference: one <see cref="InferenceSession"/>
/// (all graph optimizations, one intra-op and one inter-op thread, sequential execution — NetGen and the other
/// baselines use one core too), and for each shape (one row, and a batch) input and output
/// <see cref="OrtValue"/>s created once over pinned managed arrays and bound once with an <see cref="OrtIoBinding"/>.
/// A call is then only <see cref="InferenceSession.RunWithBinding(RunOptions, OrtIoBinding)"/>: no tensor creation,
/// no name marshaling, no copies in or out; ONNX Runtime reads the caller's input array and writes into the caller's
/// output array.
/// </remarks>
public sealed class OnnxRuntimeMlp : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly OrtValue _input, _output, _batchInputs, _batchOutputs;
    private readonly OrtIoBinding _single, _batch;

    /// <summary>
    /// Exports <paramref name="network"/> and binds the four arrays: ONNX Runtime reads <paramref name="input"/> and
    /// <paramref name="batchInputs"/> (rows × InputSize) and writes <paramref name="output"/> and
    /// <paramref name="batchOutputs"/> on every call.
    /// </summary>
    public OnnxRuntimeMlp(INetwork<float> network, float[] input, float[] output, float[] batchInputs, float[] batchOutputs)
    {
        var model = new MemoryStream();
        OnnxModel.Save(network, model);

        _options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
        };
        _session = new InferenceSession(model.ToArray(), _options);

        long inputSize = network.InputSize, outputSize = network.OutputSize, rows = batchInputs.Length / inputSize;
        _input = OrtValue.CreateTensorValueFromMemory(input, [1, inputSize]);
        _output = OrtValue.CreateTensorValueFromMemory(output, [1, outputSize]);
        _batchInputs = OrtValue.CreateTensorValueFromMemory(batchInputs, [rows, inputSize]);
        _batchOutputs = OrtValue.CreateTensorValueFromMemory(batchOutputs, [rows, outputSize]);

        _single = _session.CreateIoBinding();
        _single.BindInput("input", _input);
        _single.BindOutput("output", _output);
        _batch = _session.CreateIoBinding();
        _batch.BindInput("input", _batchInputs);
        _batch.BindOutput("output", _batchOutputs);
    }

    /// <summary>ONNX Runtime's version string.</summary>
    public static string Version => OrtEnv.Instance().GetVersionString();

    /// <summary>One row: reads the bound input array, writes the bound output array.</summary>
    public void Forward() => _session.RunWithBinding(_runOptions, _single);

    /// <summary>The batch: reads the bound batch input array, writes the bound batch output array.</summary>
    public void ForwardBatch() => _session.RunWithBinding(_runOptions, _batch);

    public void Dispose()
    {
        _single.Dispose();
        _batch.Dispose();
        _input.Dispose();
        _output.Dispose();
        _batchInputs.Dispose();
        _batchOutputs.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
        _options.Dispose();
    }
}
