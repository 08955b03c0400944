using System;

// Also compiled into the generator (linked), which reads the attribute through these very names and values.
namespace NetGen;

/// <summary>
/// Turns a <c>partial class</c> into a fixed-size dense neural network generated at compile time.
/// </summary>
/// <remarks>
/// The layer sizes are the input size, zero or more hidden sizes and the output size:
/// <c>[Network(2, 3, 1)]</c> is a network with 2 inputs, one hidden layer of 3 neurons and 1 output.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
#if NETGEN_GENERATOR
internal
#else
public
#endif
sealed class NetworkAttribute : Attribute
{
    /// <summary>Declares a network with the given layer sizes: input, hidden..., output.</summary>
    /// <param name="layerSizes">At least two sizes, each greater than zero.</param>
    public NetworkAttribute(params int[] layerSizes) => LayerSizes = layerSizes;

    /// <summary>Input size, hidden sizes and output size, in order.</summary>
    public int[] LayerSizes { get; }

    /// <summary>Activation of every hidden layer. Default <see cref="Activation.Sigmoid"/>.</summary>
    public Activation Hidden { get; set; } = Activation.Sigmoid;

    /// <summary>Activation of the output layer. Default <see cref="Activation.Sigmoid"/>.</summary>
    public Activation Output { get; set; } = Activation.Sigmoid;

    /// <summary>The per-sample cost J that training minimizes. Default <see cref="NetGen.Loss.SquaredError"/>.</summary>
    public Loss Loss { get; set; } = Loss.SquaredError;

    /// <summary>Whether every layer has a bias vector. Default <see langword="true"/>.</summary>
    public bool Bias { get; set; } = true;

    /// <summary>
    /// One activation per weight layer (every hidden layer, then the output layer), instead of
    /// <see cref="Hidden"/> and <see cref="Output"/>.
    /// </summary>
    public Activation[]? Activations { get; set; }

    /// <summary>τ of the <see cref="NetGen.Loss.Exponential"/> cost; a finite number greater than zero. Default 1.</summary>
    public double Tau { get; set; } = 1.0;

    /// <summary>α, the slope of <see cref="Activation.LeakyReLU"/> for z ≤ 0; finite and ≥ 0. Default 0.01.</summary>
    public double LeakySlope { get; set; } = 0.01;

    /// <summary>
    /// The optimizer behind <c>TrainBatch</c> and <c>TrainStep</c>; its hyperparameters are set at run
    /// time through the generated <c>Optimizer</c> property. Default <see cref="OptimizerKind.Sgd"/>.
    /// </summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Sgd;

    /// <summary>The element type the network computes in: <c>typeof(float)</c> (default) or <c>typeof(double)</c>.</summary>
    public Type ElementType { get; set; } = typeof(float);

    /// <summary>
    /// A PyTorch <c>state_dict</c> saved as JSON, one of the project's <c>AdditionalFiles</c>: its weights become the
    /// network's initial parameters, embedded in the assembly at compile time (no file is read at run time). The
    /// path is matched against the end of each additional file's path, for example <c>"models/digits.state.json"</c>.
    /// Default <see langword="null"/>: parameters start from the usual random initialization.
    /// </summary>
    public string? Weights { get; set; }

    /// <summary>
    /// With <see cref="Weights"/>: the modules of the <c>state_dict</c> (their prefixes, such as <c>"fc1"</c> or
    /// <c>"rnn"</c>) in the order in which the model's <c>forward</c> runs them, each loaded into the declared layer at
    /// its place and checked against it. Needed only when the order cannot be told from the file: modules under a
    /// numbered container (<c>nn.Sequential</c>, <c>nn.ModuleList</c>) run in index order, and named modules are matched
    /// to the layers by kind and shape when exactly one assignment fits. Default <see langword="null"/>.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819", Justification = "Attribute arguments are arrays.")]
    public string[]? ModuleOrder { get; set; }
}
