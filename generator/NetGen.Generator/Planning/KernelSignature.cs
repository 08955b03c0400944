using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Planning;

/// <summary>
/// One parameter of a kernel: a reference to the first element of a row, or a value; values are of the element type
/// unless <paramref name="Type"/> says otherwise.
/// </summary>
internal sealed record KernelParameter(string Name, bool ByRef = true, string? Type = null);

/// <summary>
/// A kernel's name and parameters, written once: <see cref="Declaration"/> renders the method's head and
/// <see cref="Call"/> a call to it, so the two can never disagree. Parameters are named after the math (p, a1, z2,
/// δ as d3, …); all are of the network's element type.
/// </summary>
internal sealed record KernelSignature(string Name, string ReturnType, IReadOnlyList<KernelParameter> Parameters)
{
    /// <summary>A kernel whose parameters are all references, named <paramref name="names"/>.</summary>
    public static KernelSignature Of(string name, string returnType, params string[] names) =>
        new(name, returnType, names.Select(n => new KernelParameter(n)).ToArray());

    /// <summary>The same kernel under another name, e.g. one vector width's variant.</summary>
    public KernelSignature Named(string name) => this with { Name = name };

    /// <summary>The method's head, e.g. <c>public static float Cost(ref float p, ref float a1, ref float y)</c>.</summary>
    public string Declaration(NumericType type, string modifiers) =>
        $"{modifiers} {ReturnType} {Name}({string.Join(", ", Parameters.Select(p => (p.ByRef ? "ref " : "") + (p.Type ?? type.Keyword) + " " + p.Name))})";

    /// <summary>
    /// A call passing each parameter the variable of the same name, or what <paramref name="argument"/> makes of
    /// that name (for example the first element of a buffer: <c>a2[0]</c>).
    /// </summary>
    public string Call(Func<string, string>? argument = null) =>
        $"{Name}({string.Join(", ", Parameters.Select(p => (p.ByRef ? "ref " : "") + (argument?.Invoke(p.Name) ?? p.Name)))})";
}
