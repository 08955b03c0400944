namespace NetGen.Generator.Model;

/// <summary>A type that encloses the network class, outermost first: re-opened as <c>partial</c> when emitting.</summary>
/// <param name="Keyword">The declaration keyword(s), e.g. <c>class</c>, <c>record</c>, <c>struct</c>, <c>record struct</c>.</param>
internal sealed record ContainingType(string Keyword, string Name);
