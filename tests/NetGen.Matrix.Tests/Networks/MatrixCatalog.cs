using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static NetGen.Activation;

namespace NetGen.Matrix.Tests.Networks;

/// <summary>
/// The networks whose gradients, outputs and costs are checked: every output activation with every cost it may be
/// used with, in float and double, with and without bias; the hidden activation and the shape cycle so that every
/// hidden activation meets many costs and shapes. Plus per-layer mixes, non-default τ and LeakyReLU slope.
/// </summary>
internal static class MatrixCatalog
{
    /// <summary>Every activation allowed in a hidden layer (all but Softmax and LogSoftmax).</summary>
    public static readonly Activation[] HiddenActivations = [Identity, Sigmoid, Tanh, ReLU, LeakyReLU, Softplus, ELU, GELU];

    /// <summary>
    /// Sizes that are not multiples of the vector width (4 floats, 2 doubles), one that is (4, 8), and a network of
    /// depth 4. Five shapes against eight hidden activations: the cycles do not lock together.
    /// </summary>
    public static readonly int[][] Shapes = [[3, 5, 2], [4, 7, 6, 3], [2, 6, 5, 4, 3], [5, 9, 4], [6, 8, 5]];

    public static IReadOnlyList<MatrixSpec> All { get; } = Build();

    /// <summary>The names of <see cref="All"/>, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (MatrixSpec spec in All)
            {
                data.Add(spec.Name);
            }

            return data;
        }
    }

    public static MatrixSpec Get(string name) =>
        All.SingleOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No matrix network named '{name}'.", nameof(name));

    /// <summary>Every (output activation, cost) pair the contract allows, output by output.</summary>
    public static IEnumerable<(Activation Output, Loss Loss)> CompatiblePairs()
    {
        foreach (Activation output in Enum.GetValues<Activation>())
        {
            yield return (output, Loss.SquaredError);
            yield return (output, Loss.Exponential);
            if (output is Sigmoid or Softmax or LogSoftmax)
            {
                yield return (output, Loss.CrossEntropy);
            }

            if (output is Sigmoid or Softmax or Softplus)
            {
                yield return (output, Loss.Hellinger);
            }
        }
    }

    private static List<MatrixSpec> Build()
    {
        var specs = new List<MatrixSpec>();
        (Activation Output, Loss Loss)[] pairs = CompatiblePairs().ToArray();
        int i = 0;
        // Pair by pair, four consecutive networks (float/double × bias/none) take four consecutive hidden activations
        // and four of the five shapes; with the pairs ordered by output, every cost meets all eight hidden activations.
        foreach ((Activation output, Loss loss) in pairs)
        {
            foreach (bool isDouble in new[] { false, true })
            {
                foreach (bool bias in new[] { true, false })
                {
                    int[] shape = Shapes[i % Shapes.Length];
                    Activation hidden = HiddenActivations[i % HiddenActivations.Length];
                    Activation[] activations = Enumerable.Repeat(hidden, shape.Length - 2).Append(output).ToArray();
                    specs.Add(new MatrixSpec($"Net{specs.Count:D3}", shape, activations, PerLayer: false, loss, isDouble, bias));
                    i++;
                }
            }
        }

        AddPerLayerMixes(specs);
        AddNonDefaultConstants(specs);

        string? duplicate = specs.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two matrix networks are named '{duplicate}'.");
        }

        return specs;
    }

    private static void AddPerLayerMixes(List<MatrixSpec> specs)
    {
        Add(specs, [2, 6, 5, 4, 3], [Tanh, ReLU, GELU, Softmax], Loss.CrossEntropy, isDouble: true, bias: true);
        Add(specs, [2, 6, 5, 4, 3], [ELU, Softplus, LeakyReLU, Sigmoid], Loss.CrossEntropy, isDouble: false, bias: true);
        Add(specs, [4, 7, 6, 3], [LeakyReLU, ELU, Softplus], Loss.Hellinger, isDouble: true, bias: false);
        Add(specs, [4, 7, 6, 3], [GELU, Sigmoid, Identity], Loss.SquaredError, isDouble: false, bias: false);
        Add(specs, [5, 9, 6, 4], [Softplus, Tanh, Softmax], Loss.Hellinger, isDouble: false, bias: true);
        Add(specs, [5, 9, 6, 4], [ReLU, ELU, LogSoftmax], Loss.CrossEntropy, isDouble: true, bias: true);
        Add(specs, [6, 8, 7, 5], [Identity, GELU, Tanh], Loss.Exponential, isDouble: true, bias: true, tau: 2.5);
        Add(specs, [3, 5, 4, 2], [Sigmoid, LeakyReLU, GELU], Loss.SquaredError, isDouble: true, bias: true, leakySlope: 0.2);
    }

    private static void AddNonDefaultConstants(List<MatrixSpec> specs)
    {
        foreach (bool isDouble in new[] { false, true })
        {
            // Exponential cost with τ below and above the default.
            Add(specs, [3, 5, 2], [GELU, Softmax], Loss.Exponential, isDouble, bias: true, tau: 0.5);
            Add(specs, [4, 7, 6, 3], [Tanh, Tanh, Sigmoid], Loss.Exponential, isDouble, bias: false, tau: 2.5);
            Add(specs, [5, 9, 4], [LeakyReLU, Identity], Loss.Exponential, isDouble, bias: true, tau: 0.5, leakySlope: 0.2);

            // LeakyReLU with a non-default slope, hidden and as the output.
            Add(specs, [2, 6, 5, 4, 3], [LeakyReLU, LeakyReLU, LeakyReLU, Softmax], Loss.CrossEntropy, isDouble, bias: true, leakySlope: 0.2);
            Add(specs, [6, 8, 5], [LeakyReLU, LeakyReLU], Loss.SquaredError, isDouble, bias: false, leakySlope: 0.2);
        }
    }

    private static void Add(
        List<MatrixSpec> specs, int[] sizes, Activation[] activations, Loss loss, bool isDouble, bool bias,
        double tau = MatrixSpec.DefaultTau, double leakySlope = MatrixSpec.DefaultLeakySlope)
    {
        // Networks whose hidden layers all share one activation are declared with Hidden/Output, the rest per layer.
        bool uniform = activations[..^1].Distinct().Count() == 1;
        specs.Add(new MatrixSpec($"Net{specs.Count:D3}", sizes, activations, PerLayer: !uniform, loss, isDouble, bias, tau, leakySlope));
    }
}
