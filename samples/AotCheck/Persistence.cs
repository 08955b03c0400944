using System;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;
using NetGen;
using NetGen.IO;
using NetGen.Onnx;

namespace AotCheck;

/// <summary>
/// Weights saved to and loaded from memory, a corrupt weight file, a PyTorch state_dict in JSON, and ONNX export to
/// memory and import back.
/// </summary>
internal static class Persistence
{
    public static void Run()
    {
        Report.Section("NetworkWeights, save and load through a MemoryStream");
        var trained = new ClassicDoubleNet();
        trained.InitializeParameters(seed: 5);
        RoundTrip("double 2-3-1", trained, new ClassicDoubleNet());
        var classifier = new AdamClassifier();
        classifier.InitializeParameters(seed: 6);
        byte[] classifierFile = RoundTrip("float 4-8-3", classifier, new AdamClassifier());

        // One flipped bit in the last parameter byte: the load must fail and leave the network as it was.
        byte[] corrupt = (byte[])classifierFile.Clone();
        corrupt[^5] ^= 0x01;
        var untouched = new AdamClassifier();
        ulong before = Report.Checksum(MemoryMarshal.AsBytes((ReadOnlySpan<float>)untouched.Parameters));
        try
        {
            NetworkWeights.Load(untouched, new MemoryStream(corrupt));
            Report.Text("corrupt file", "loaded (unexpected)");
            Expect.That(false, "a corrupt weight file is rejected");
        }
        catch (WeightFileException e)
        {
            Report.Text("corrupt file", e.GetType().Name + ": " + e.Message);
        }

        ulong after = Report.Checksum(MemoryMarshal.AsBytes((ReadOnlySpan<float>)untouched.Parameters));
        Expect.That(before == after, "a failed load leaves the parameters unchanged");

        Report.Section("PyTorchWeights, a state_dict as JSON");
        // nn.Sequential(nn.Linear(2, 3, bias=False), nn.Sigmoid(), nn.Linear(3, 1, bias=False), nn.Sigmoid()):
        // weights shaped [out][in], transposed on import into NetGen's [in][out].
        const string stateDict =
            """{"0.weight": [[0.5, -1.25], [2.0, 0.125], [-0.75, 1e-3]], "2.weight": [[1.5, -2.5, 0.3333333333333333]]}""";
        var imported = new ClassicDoubleNet();
        PyTorchWeights.Load(imported, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stateDict)));
        Report.Values("parameters", (ReadOnlySpan<double>)imported.Parameters);

        Report.Section("OnnxModel.Save to a MemoryStream, and OnnxModel.Load back");
        Export("double 2-3-1", trained, new ClassicDoubleNet());
        Export("float 4-8-3 softmax", classifier, new AdamClassifier());
        var regressor = new MomentumRegressor();
        regressor.InitializeParameters(seed: 7);
        Export("double 3-6-5-2 GELU/Tanh/Identity", regressor, new MomentumRegressor());
        var hellinger = new HellingerNet();
        hellinger.InitializeParameters(seed: 8);
        Export("float 3-5-4-2 LeakyReLU/ELU/Softplus", hellinger, new HellingerNet());
    }

    private static byte[] RoundTrip<T>(string label, INetwork<T> source, INetwork<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var stream = new MemoryStream();
        NetworkWeights.Save(source, stream);
        byte[] file = stream.ToArray();
        Report.Text(label + " weight file", Report.Format(file.Length) + " bytes, fnv1a64 " + Report.Checksum(file).ToString("x16"));
        NetworkWeights.Load(destination, new MemoryStream(file));
        bool same = MemoryMarshal.AsBytes((ReadOnlySpan<T>)source.Parameters)
            .SequenceEqual(MemoryMarshal.AsBytes((ReadOnlySpan<T>)destination.Parameters));
        Report.Text(label + " loaded parameters equal the saved ones", same ? "yes" : "no");
        Expect.That(same, label + " weights round-trip bit for bit");
        return file;
    }

    /// <summary>Exports <paramref name="network"/>, imports the model into <paramref name="destination"/> and compares.</summary>
    private static void Export<T>(string label, INetwork<T> network, INetwork<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var stream = new MemoryStream();
        OnnxModel.Save(network, stream);
        byte[] model = stream.ToArray();
        Report.Text(label + " ONNX model", Report.Format(model.Length) + " bytes, fnv1a64 " + Report.Checksum(model).ToString("x16"));
        OnnxModel.Load(destination, new MemoryStream(model));
        bool same = MemoryMarshal.AsBytes((ReadOnlySpan<T>)network.Parameters)
            .SequenceEqual(MemoryMarshal.AsBytes((ReadOnlySpan<T>)destination.Parameters));
        Report.Text(label + " imported parameters equal the exported ones", same ? "yes" : "no");
        Expect.That(same, label + " parameters round-trip through ONNX bit for bit");
    }
}
