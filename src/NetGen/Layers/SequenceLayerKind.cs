namespace NetGen;

// Also compiled into the generator (linked).
/// <summary>The kind of one layer of a sequence network.</summary>
#if NETGEN_GENERATOR
internal
#else
public
#endif
enum SequenceLayerKind
{
    /// <summary>A fully connected layer applied to each step (<see cref="DenseAttribute"/>).</summary>
    Dense = 0,

    /// <summary>A long short-term memory layer (<see cref="LstmAttribute"/>).</summary>
    Lstm = 1,

    /// <summary>A gated recurrent unit layer (<see cref="GruAttribute"/>).</summary>
    Gru = 2,

    /// <summary>A causal dilated convolution (<see cref="Conv1DAttribute"/>).</summary>
    Conv1D = 3,
}
