namespace NetGen.Nam;

/// <summary>How <see cref="NamModel.Open(string, NamOptions)"/> builds a model's player.</summary>
public sealed class NamOptions
{
    /// <summary>
    /// Computes tanh with NAM's rational approximation, as NAM core does when its fast tanh is on (the NAM plugin's
    /// setting): a WaveNet's Tanh layers (its gates stay exact sigmoids), and an LSTM's gates and cell, whose sigmoid
    /// becomes ½·(fasttanh(x/2) + 1). The approximation is up to 4.4e−4 off tanh and tends to ±1.008; a file's own
    /// <c>Fasttanh</c> layers use it either way. Default false: exact tanh.
    /// </summary>
    public bool FastTanh { get; init; }
}
