using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Model;

/// <summary>A diagnostic to report, held as plain values (descriptor ID, location, message arguments).</summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public Diagnostic ToDiagnostic()
    {
        object[] args = new object[MessageArgs.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(
            Diagnostics.DiagnosticDescriptors.ById(DescriptorId), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
