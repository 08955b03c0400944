namespace NetGen.Nam;

/// <summary>
/// What a <c>.nam</c> file says about its capture, as the file gives it: each field null when the file does not say.
/// </summary>
/// <param name="Name">The model's name.</param>
/// <param name="ModeledBy">Who made the capture.</param>
/// <param name="GearType">The kind of gear: amp, pedal, amp_cab, …</param>
/// <param name="GearMake">The gear's maker.</param>
/// <param name="GearModel">The gear's model.</param>
/// <param name="ToneType">clean, crunch, hi_gain, fuzz, …</param>
/// <param name="Loudness">The model's loudness in dB, as the trainer measured it.</param>
/// <param name="InputLevelDbu">The analog level, in dBu, that 0 dBFS at the model's input stands for.</param>
/// <param name="OutputLevelDbu">The analog level, in dBu, that 0 dBFS at the model's output stands for.</param>
public sealed record NamMetadata(
    string? Name,
    string? ModeledBy,
    string? GearType,
    string? GearMake,
    string? GearModel,
    string? ToneType,
    double? Loudness,
    double? InputLevelDbu,
    double? OutputLevelDbu);
