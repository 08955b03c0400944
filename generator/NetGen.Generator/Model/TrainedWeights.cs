namespace NetGen.Generator.Model;

/// <summary>Parameters read from a model file at compile time, in NetGen's layout, embedded in the generated class.</summary>
/// <param name="Path">The path as written in the attribute.</param>
/// <param name="Format">The file's format, for the generated documentation.</param>
/// <param name="Values">Every parameter, already rounded to the network's element type.</param>
internal sealed record TrainedWeights(string Path, string Format, EquatableArray<double> Values);
