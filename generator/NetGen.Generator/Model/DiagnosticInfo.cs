using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Model;

/// <summary>
/// A diagnostic to report, held as values the pipeline can compare: its descriptor (one static instance per ID),
/// where it goes, and its message arguments.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        new(descriptor, location, new EquatableArray<string>(args));

    public Diagnostic ToDiagnostic()
    {
        object[] args = new object[MessageArgs.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
