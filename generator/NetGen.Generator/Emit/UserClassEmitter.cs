using System.Collections.Generic;
using NetGen.Generator.Emit.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// Re-opens the user's partial class (inside its namespace and containing types) with its documentation, its shape
/// and its public members. Everything here is <c>global::</c>-qualified: the user's usings and names are in scope.
/// </summary>
internal static class UserClassEmitter
{
    public static void Emit(SourceWriter w, NetworkPlan plan)
    {
        NetworkSpec spec = plan.Spec;
        Stack<SourceWriter.Scope> scopes = OpenScopes(w, spec);
        DerivationEmitter.Emit(w, plan);
        w.Line($"[{TypeNames.GeneratedCode}(\"NetGen\", \"{NetworkEmitter.Version}\")]");
        string interfaceName = $"{TypeNames.ITrainableNetwork}<{plan.Type.Keyword}>";
        using (w.Block($"partial {spec.ClassKeyword} {Identifier(spec.ClassName)} : {interfaceName}"))
        {
            ShapeEmitter.Emit(w, plan);
            SurfaceEmitter.Emit(w, plan);
        }

        while (scopes.Count > 0)
        {
            scopes.Pop().Dispose();
        }
    }

    /// <summary>Opens the class's namespace and containing types; dispose the scopes in the order popped.</summary>
    public static Stack<SourceWriter.Scope> OpenScopes(SourceWriter w, NetworkSpec spec)
    {
        var scopes = new Stack<SourceWriter.Scope>();
        if (spec.Namespace.Length > 0)
        {
            scopes.Push(w.Block($"namespace {spec.EscapedNamespace}"));
        }

        foreach (ContainingType outer in spec.ContainingTypes)
        {
            scopes.Push(w.Block($"partial {outer.Keyword} {Identifier(outer.Name)}"));
        }

        return scopes;
    }

    /// <summary>A name as C# source: keywords get an <c>@</c>.</summary>
    public static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;
}
