using System;
using System.IO;
using NetGen.IO;
using NetGen.Onnx;

namespace NetGen.CrashProbe;

/// <summary>The networks the probe saves, and their two parameter sets (seeds 1 and 2).</summary>
public static class SavedNetworks
{
    /// <summary>Saves parameter set 0 or 1 of the format's network to <paramref name="path"/>.</summary>
    public static Action<int> Saver(string format, string path) => format switch
    {
        "binary" => Dense((net, _) => NetworkWeights.Save(net, path)),
        "onnx" => Dense((net, _) => OnnxModel.Save(net, path)),
        "onnx-sequence" => Sequence(net => OnnxModel.Save(net, path)),
        _ => throw new ArgumentException($"Unknown format '{format}'.", nameof(format)),
    };

    /// <summary>The bytes a save of parameter set <paramref name="set"/> writes, for the test to compare with.</summary>
    public static byte[] Expected(string format, int set)
    {
        string path = Path.Combine(Path.GetTempPath(), "netgen-crash-expected-" + Guid.NewGuid().ToString("N"));
        try
        {
            Saver(format, path)(set);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Action<int> Dense(Action<CrashDenseNet, int> save)
    {
        CrashDenseNet[] sets = [new(), new()];
        sets[0].InitializeParameters(seed: 1);
        sets[1].InitializeParameters(seed: 2);
        return set => save(sets[set], set);
    }

    private static Action<int> Sequence(Action<CrashSequenceNet> save)
    {
        CrashSequenceNet[] sets = [new(), new()];
        sets[0].InitializeParameters(seed: 1);
        sets[1].InitializeParameters(seed: 2);
        return set => save(sets[set]);
    }
}

/// <summary>64 → 256 → 64 (32,832 parameters, a 128 KB file): large enough that a save takes a while.</summary>
[Network(64, 256, 64, Hidden = Activation.Tanh, Output = Activation.Identity)]
public partial class CrashDenseNet
{
}

/// <summary>An LSTM of 64 units and a dense layer (17,217 parameters).</summary>
[Network(1)]
[Lstm(64)]
[Dense(1)]
public partial class CrashSequenceNet
{
}
