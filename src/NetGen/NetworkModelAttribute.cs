using System;

// Also compiled into the generator (linked), which reads the attribute through these very names and values.
namespace NetGen;

/// <summary>
/// Turns a <c>partial class</c> into a network whose architecture and trained weights come from a model file in the
/// project, read at compile time: the class is generated as if its layers had been declared by hand, and its
/// parameters start as the file's weights, embedded in the assembly. Nothing is read at run time.
/// </summary>
/// <remarks>
/// The file must be one of the project's <c>AdditionalFiles</c> (<c>&lt;AdditionalFiles Include="models/amp.json" /&gt;</c>);
/// the path is matched against the end of each additional file's path. Supported: ONNX (<c>.onnx</c>, as
/// <c>torch.onnx.export</c> writes it; a graph of dense layers becomes a dense network, one with LSTM, GRU or Conv
/// nodes a sequence network; the NetGen package passes the binary file to the generator) and RTNeural's JSON model
/// format (<c>.json</c>: dense, LSTM, GRU and Conv1D layers), which becomes a sequence network
/// (<c>ISequenceNetwork&lt;T&gt;</c>). Every problem with the file is a compiler error at the path argument.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
#if NETGEN_GENERATOR
internal
#else
public
#endif
sealed class NetworkModelAttribute : Attribute
{
    /// <summary>Generates the network that <paramref name="path"/> describes, with its weights.</summary>
    /// <param name="path">The model file, as it ends among the project's additional files.</param>
    public NetworkModelAttribute(string path) => Path = path;

    /// <summary>The model file, as it ends among the project's additional files.</summary>
    public string Path { get; }

    /// <summary>
    /// The element type the network computes in: <c>typeof(float)</c> or <c>typeof(double)</c>. When it is not set,
    /// an ONNX model's own element type, and <c>typeof(float)</c> for other formats.
    /// </summary>
    public Type ElementType { get; set; } = typeof(float);

    /// <summary>The optimizer behind fine-tuning (<c>TrainSequence</c>). Default <see cref="OptimizerKind.Sgd"/>.</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Sgd;

    /// <summary>
    /// The file holds logits; NetGen appends this activation (<see cref="Activation.Softmax"/>,
    /// <see cref="Activation.LogSoftmax"/> or <see cref="Activation.Sigmoid"/>) as the output layer's. For a dense ONNX classifier trained on logits
    /// (<c>CrossEntropyLoss</c>, <c>BCEWithLogitsLoss</c>) and exported without its final activation: its graph ends in a
    /// linear layer. With Softmax, LogSoftmax or Sigmoid the class's <c>Loss</c> is <see cref="Loss.CrossEntropy"/>. A graph that
    /// already ends in an activation is a compiler error. Default <see cref="Activation.Identity"/>: nothing appended.
    /// </summary>
    public Activation Logits { get; set; } = Activation.Identity;
}
