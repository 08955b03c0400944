using System.Collections.Generic;
using System.Text;
using NetGen.Matrix.Tests.Networks;

namespace NetGen.Matrix.Tests.InMemory;

/// <summary>The one C# source that declares every network of the matrix, as a user project would.</summary>
internal static class MatrixSource
{
    public const string Namespace = "NetGen.Matrix.Generated";

    public static IEnumerable<MatrixSpec> Specs
    {
        get
        {
            foreach (MatrixSpec spec in MatrixCatalog.All)
            {
                yield return spec;
            }

            foreach (MatrixSpec spec in FixedNetworks.All)
            {
                yield return spec;
            }
        }
    }

    public static string Build()
    {
        var text = new StringBuilder();
        text.AppendLine("using NetGen;");
        text.AppendLine();
        text.AppendLine($"namespace {Namespace};");
        foreach (MatrixSpec spec in Specs)
        {
            text.AppendLine();
            text.AppendLine($"// {spec.Name}");
            text.AppendLine(spec.Declaration);
        }

        return text.ToString();
    }
}
