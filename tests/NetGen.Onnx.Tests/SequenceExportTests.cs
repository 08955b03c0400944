using System;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Onnx.Tests;

[Network(1)] [Lstm(16)] [Dense(1)] public partial class OnnxLstm { }

[Network(1)] [Gru(16)] [Dense(1)] public partial class OnnxGru { }

[Network(2)]
[Conv1D(4, KernelSize = 3, Dilation = 2, Activation = Activation.Tanh)]
[Gru(5)]
[Dense(4, Activation = Activation.Sigmoid)]
[Lstm(3)]
[Lstm(2)]
[Dense(2)]
public partial class OnnxSequenceStack { }

[Network(2, Bias = false, LeakySlope = 0.2)]
[Conv1D(3, KernelSize = 2, Dilation = 1, Activation = Activation.LeakyReLU)]
[Lstm(4)]
[Dense(2, Activation = Activation.ELU)]
public partial class OnnxSequenceNoBias { }

[Network(1)]
[Conv1D(4, KernelSize = 3, Dilation = 4, Activation = Activation.Tanh)]
[Conv1D(2, KernelSize = 5, Dilation = 1, Activation = Activation.ReLU)]
[Dense(1)]
public partial class OnnxConvolutions { }

/// <summary>
/// Sequence networks exported with OnnxModel.Save run in ONNX Runtime (its own LSTM, GRU and Conv kernels) and give
/// what Process computes from a fresh state, frame by frame.
/// </summary>
public class SequenceExportTests
{
    private const int Frames = 50;

    private readonly ITestOutputHelper _output;

    public SequenceExportTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Lstm_RunsInOnnxRuntime_AsProcess() => Compare(new OnnxLstm());

    [Fact]
    public void Gru_RunsInOnnxRuntime_AsProcess() => Compare(new OnnxGru());

    [Fact]
    public void Stack_RunsInOnnxRuntime_AsProcess() => Compare(new OnnxSequenceStack());

    [Fact]
    public void StackWithoutBias_RunsInOnnxRuntime_AsProcess() => Compare(new OnnxSequenceNoBias());

    [Fact]
    public void Convolutions_RunInOnnxRuntime_AsProcess() => Compare(new OnnxConvolutions());

    [Fact]
    public void Save_ToAFile_WritesTheSameModel()
    {
        var net = new OnnxLstm();
        string path = Path.Combine(Path.GetTempPath(), $"netgen-seq-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxModel.Save(net, path);
            using var stream = new MemoryStream();
            OnnxModel.Save(net, stream);
            Assert.Equal(stream.ToArray(), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private void Compare<TNet>(TNet net)
        where TNet : ISequenceNetwork<float>
    {
        Randomize(net.Parameters, seed: 3);
        float[] x = Inputs(net.InputSize, seed: 4);
        var expected = new float[Frames * net.OutputSize];
        net.Process(net.CreateState(), x, expected);
        using var stream = new MemoryStream();
        OnnxModel.Save(net, stream);

        float[] actual = TestModels.RunOnnxRuntime(stream.ToArray(), x, net.InputSize);

        // ONNX Runtime's own exp, tanh and sums in float over 50 steps of recurrence: 1e−5 as for dense exports.
        double worst = TestModels.WorstDifference(expected, actual);
        _output.WriteLine($"{typeof(TNet).Name}: worst |ORT − Process| / max(1, |Process|) = {worst:E2}");
        Assert.True(worst <= 1e-5, $"worst relative difference {worst:E2}");
    }

    private static void Randomize<T>(Span<T> parameters, int seed)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = T.CreateTruncating((random.NextDouble() * 1.6) - 0.8);
        }
    }

    private static float[] Inputs(int width, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Frames * width).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
    }
}
