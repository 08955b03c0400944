namespace NetGen.Matrix.Tests.Reference;

/// <summary>One input and its target, already representable in the network's element type.</summary>
internal sealed record Sample(double[] Input, double[] Target);
