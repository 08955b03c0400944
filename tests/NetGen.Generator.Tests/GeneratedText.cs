using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>Pieces of a generated file, for focused snapshots.</summary>
internal static class GeneratedText
{
    /// <summary>One kernel of the file-local kernels struct, with its documentation and attributes, as written.</summary>
    public static string KernelMember(string text, string name)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(text).GetRoot();
        StructDeclarationSyntax kernels = Assert.Single(
            root.DescendantNodes().OfType<StructDeclarationSyntax>(), s => s.Identifier.Text.EndsWith("Kernels", StringComparison.Ordinal));
        MethodDeclarationSyntax method = Assert.Single(kernels.Members.OfType<MethodDeclarationSyntax>(), m => m.Identifier.Text == name);
        return method.ToFullString().TrimStart('\n');
    }

    /// <summary>The file from its first line down to the user's class declaration: header, namespace, containing types, docs.</summary>
    public static string UserClassHead(string text)
    {
        string[] lines = text.Split('\n');
        int declaration = Array.FindIndex(lines, line => line.Contains(" : global::NetGen.ITrainableNetwork<", StringComparison.Ordinal));
        Assert.True(declaration >= 0, "The user's class declaration is not in the generated file.");
        return string.Join("\n", lines.Take(declaration + 1)) + "\n";
    }
}
