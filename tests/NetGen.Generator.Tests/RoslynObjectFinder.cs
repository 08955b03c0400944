using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests;

/// <summary>
/// Walks an object graph (every instance field, recursively, into arrays, collections and closures) and
/// reports each Roslyn object that a pipeline model must not hold: it would root a compilation and break
/// caching (Roslyn's incremental generator cookbook, "pipeline model design").
/// </summary>
internal static class RoslynObjectFinder
{
    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Compilation),
        typeof(Location), typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(SyntaxNodeOrToken),
        typeof(SyntaxReference), typeof(AttributeData), typeof(TypedConstant), typeof(IOperation), typeof(Diagnostic),
    ];

    private const int MaxObjects = 1_000_000;

    /// <summary>"path: type" for every forbidden object reachable from <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Find(object? root, string rootName)
    {
        var found = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object? Value, string Path)>();
        pending.Push((root, rootName));
        int seen = 0;
        while (pending.Count > 0)
        {
            (object? value, string path) = pending.Pop();
            if (value is null || IsLeaf(value.GetType()))
            {
                continue;
            }

            Type type = value.GetType();
            if (!type.IsValueType && !visited.Add(value))
            {
                continue;
            }

            if (++seen > MaxObjects)
            {
                throw new InvalidOperationException($"Object graph under '{rootName}' exceeds {MaxObjects} objects.");
            }

            if (Forbidden.FirstOrDefault(f => f.IsAssignableFrom(type)) is { } forbidden)
            {
                found.Add($"{path}: {type.FullName} is a {forbidden.Name}");
                continue;
            }

            if (value is Delegate function)
            {
                pending.Push((function.Target, path + ".Target"));
                continue;
            }

            if (value is IEnumerable items && !type.IsValueType)
            {
                int index = 0;
                foreach (object? item in items)
                {
                    pending.Push((item, $"{path}[{index++}]"));
                }
            }

            foreach (FieldInfo field in InstanceFields(type))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                {
                    pending.Push((field.GetValue(value), $"{path}.{field.Name}"));
                }
            }
        }

        return found;
    }

    /// <summary>Values that cannot hold a reference to anything: primitives, strings, enums, reflection objects.</summary>
    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer
        || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type)
        || typeof(Module).IsAssignableFrom(type) || type.Namespace == "System.Resources";

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(
                         BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }
}
